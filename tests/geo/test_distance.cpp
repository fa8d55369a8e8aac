#include <catch2/catch.hpp>

#include "geo/distance.hpp"

TEST_CASE("distance_km is the great-circle distance", "[geo]") {
    const geo::LatLon aleppo{36.20124, 37.16117};
    const geo::LatLon damascus{33.5102, 36.29128};
    // Aleppo to Damascus is about 310 km as the crow flies.
    CHECK(geo::distance_km(aleppo, damascus) == Approx(309.0).margin(5.0));
    CHECK(geo::distance_km(aleppo, aleppo) == Approx(0.0).margin(1e-9));
    SECTION("a quarter of the equator") {
        CHECK(geo::distance_km({0, 0}, {0, 90}) == Approx(geo::kEarthRadiusKm * 3.14159265358979 / 2).epsilon(1e-6));
    }
    SECTION("across the antimeridian") {
        CHECK(geo::distance_km({0, 179.5}, {0, -179.5}) == Approx(111.2).margin(0.5));
    }
}

TEST_CASE("is_valid rejects out-of-range and NaN coordinates", "[geo]") {
    CHECK(geo::is_valid({45, 90}));
    CHECK_FALSE(geo::is_valid({91, 0}));
    CHECK_FALSE(geo::is_valid({0, -181}));
    CHECK_FALSE(geo::is_valid({std::nan(""), 0}));
}

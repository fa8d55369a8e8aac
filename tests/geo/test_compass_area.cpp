#include <catch2/catch.hpp>

#include "geo/compass_area.hpp"
#include "geo/distance.hpp"

using namespace geo;

TEST_CASE("compass_area cuts the named part of the disk", "[geo]") {
    const LatLon aleppo{36.2, 37.16};
    const auto whole = compass_area(aleppo, 10, CompassPart::whole);
    REQUIRE(whole.ring.size() == 73);
    CHECK(whole.ring.front().lat == Approx(whole.ring.back().lat));
    CHECK(distance_km(whole.representative, aleppo) < 0.1);
    for (const auto& p : whole.ring) CHECK(distance_km(p, aleppo) == Approx(10).epsilon(0.02));

    SECTION("east: every vertex east of the centre, the point about 4 km east") {
        const auto east = compass_area(aleppo, 10, CompassPart::east);
        for (const auto& p : east.ring) CHECK(p.lon >= aleppo.lon - 1e-9);
        CHECK(east.representative.lon > aleppo.lon);
        CHECK(east.representative.lat == Approx(aleppo.lat).margin(1e-6));
        CHECK(distance_km(east.representative, aleppo) == Approx(4.0 * 10 / (3 * 3.14159265)).epsilon(0.02));
    }
    SECTION("northwest: a quarter, north and west of the centre") {
        const auto nw = compass_area(aleppo, 10, CompassPart::northwest);
        for (const auto& p : nw.ring) {
            CHECK(p.lat >= aleppo.lat - 1e-9);
            CHECK(p.lon <= aleppo.lon + 1e-9);
        }
        CHECK(nw.representative.lat > aleppo.lat);
        CHECK(nw.representative.lon < aleppo.lon);
    }
    SECTION("central: the inner disk") {
        const auto c = compass_area(aleppo, 10, CompassPart::central);
        for (const auto& p : c.ring) CHECK(distance_km(p, aleppo) == Approx(5).epsilon(0.02));
    }
}

TEST_CASE("extent_radius_km grows with population and level", "[geo]") {
    CHECK(extent_radius_km(false, false, false, 1'600'000) == Approx(12.65).epsilon(0.01));
    CHECK(extent_radius_km(false, false, false, 100) == 1.0);
    CHECK(extent_radius_km(false, false, false, 1'000'000'000) == 30.0);
    CHECK(extent_radius_km(false, true, false, 0) > extent_radius_km(false, false, true, 0));
    CHECK(extent_radius_km(true, false, false, 0) > extent_radius_km(false, true, false, 0));
}

// Acceptance checks on the default gazetteer that setup builds from the pinned registry data.
// CTest builds it first (the default_gazetteer fixture).
#include <catch2/catch.hpp>

#include "gazetteer/gazetteer.hpp"

using namespace gazetteer;

namespace {
const Gazetteer& default_gazetteer() {
    static const Gazetteer gaz(resolve_gazetteer_path(""));
    return gaz;
}
}  // namespace

TEST_CASE("default gazetteer: Daraya is Dārayyā near Damascus", "[default]") {
    const auto found = default_gazetteer().lookup("Daraya");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].place.name == "Dārayyā");
    CHECK(found[0].place.country_code == "SY");
    CHECK(found[0].place.latitude == Approx(33.458).margin(0.01));
    CHECK(found[0].place.longitude == Approx(36.233).margin(0.01));
}

TEST_CASE("default gazetteer: Geneva is Genève, Switzerland first", "[default]") {
    const auto found = default_gazetteer().lookup("Geneva");
    REQUIRE(found.size() >= 2);
    CHECK(found[0].place.name == "Genève");
    CHECK(found[0].place.country_code == "CH");
}

TEST_CASE("default gazetteer: Idlib is both the city and the governorate", "[default]") {
    const auto found = default_gazetteer().lookup("Idlib", {"SY", 0});
    bool city = false, governorate = false;
    for (const auto& c : found) {
        city = city || (c.place.feature_class == "P" && c.place.name == "Idlib");
        governorate = governorate || c.place.feature_code == "ADM1";
    }
    CHECK(city);
    CHECK(governorate);
}

TEST_CASE("default gazetteer: Syrian gives Syria, marked as a demonym", "[default]") {
    const auto found = default_gazetteer().lookup("Syrian");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].place.name == "Syria");
    CHECK(found[0].match == MatchKind::demonym);
}

TEST_CASE("default gazetteer: countries sit at GeoNames' own point", "[default]") {
    const auto us = default_gazetteer().lookup("United States");
    REQUIRE_FALSE(us.empty());
    CHECK(us[0].place.feature_code == "PCLI");
    CHECK(us[0].place.latitude == Approx(39.76).margin(0.01));
    CHECK(us[0].place.longitude == Approx(-98.5).margin(0.01));
}

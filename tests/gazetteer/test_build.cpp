#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using namespace gazetteer;

namespace {
// The mini gazetteer is built once for all the tests of this file.
const Gazetteer& mini() {
    static testing::TempDir dir;
    static const Gazetteer gaz = [] {
        testing::build_mini_gazetteer(dir / "mini.sqlite");
        return Gazetteer(dir / "mini.sqlite");
    }();
    return gaz;
}

std::vector<std::string> ids(const std::vector<Candidate>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.emplace_back(c.place.place_id);
    return out;
}
}  // namespace

TEST_CASE("a dump's places are found by name, ASCII name and alternate names", "[build]") {
    for (const char* name : {"Dārayyā", "Darayya", "Daraya", "DARAYYA", "داريا"}) {
        const auto found = mini().lookup(name);
        INFO(name);
        REQUIRE(found.size() == 1);
        CHECK(found[0].place.place_id == "geonames:1001");
        CHECK(found[0].place.latitude == Approx(33.458).margin(0.001));
        CHECK(found[0].place.longitude == Approx(36.233).margin(0.001));
    }
    CHECK(mini().lookup("Daraya")[0].match == MatchKind::alternate);
    CHECK(mini().lookup("Darayya")[0].match == MatchKind::name);  // folds to the primary name
}

TEST_CASE("admin names come from the code tables", "[build]") {
    const auto p = mini().lookup("Daraya")[0].place;
    CHECK(p.admin1_code == "SY.08");
    CHECK(p.admin1_name == "Rif Dimashq");
    CHECK(mini().lookup("Aleppo", {"SY", 0}).size() >= 2);
}

TEST_CASE("a famous city outranks small namesakes", "[build]") {
    const auto geneva = mini().lookup("Geneva");
    REQUIRE(geneva.size() >= 3);
    CHECK(geneva[0].place.place_id == "geonames:1011");
    CHECK(geneva[0].place.country_code == "CH");
}

TEST_CASE("first-level divisions are places of their own", "[build]") {
    const auto idlib = mini().lookup("Idlib");
    std::vector<std::string> codes;
    for (const auto& c : idlib) codes.emplace_back(c.place.feature_code);
    CHECK(codes == std::vector<std::string>{"PPLA", "ADM1"});
    SECTION("with the point given for it, matched by name despite 'Governorate'") {
        const auto& adm1 = idlib[1].place;
        CHECK(adm1.place_id == "adm1:SY.12");
        CHECK(adm1.latitude == Approx(35.83));
        CHECK(adm1.longitude == Approx(36.70));
        CHECK(mini().lookup("Idlib Governorate")[0].place.place_id == "adm1:SY.12");
    }
    SECTION("with its GeoNames id when the code table has one") {
        CHECK(mini().lookup("Aleppo", {"SY", 0})[1].place.place_id == "geonames:9101");
    }
    SECTION("else at its capital") {
        const auto dc = mini().lookup("Washington, D.C.");
        const auto it = std::find_if(dc.begin(), dc.end(), [](const Candidate& c) { return c.place.feature_code == "ADM1"; });
        REQUIRE(it != dc.end());
        CHECK(it->place.latitude == Approx(38.89511));
    }
    SECTION("and not when no place lies in it") {
        CHECK(mini().lookup("Virginia").empty());
    }
}

TEST_CASE("countries use GeoNames' own point when a dump has one", "[build]") {
    const auto syria = mini().lookup("Syria");
    REQUIRE(syria.size() == 1);
    CHECK(syria[0].place.place_id == "geonames:9001");
    CHECK(syria[0].place.latitude == 35.0);
    CHECK(syria[0].place.longitude == 38.0);
    SECTION("else the capital's, else the largest place's") {
        const auto us = mini().lookup("United States");
        REQUIRE(us.size() == 1);
        CHECK(us[0].place.place_id == "geonames:9003");
        CHECK(us[0].place.latitude == Approx(38.89511));  // Washington, the PPLC
        const auto ch = mini().lookup("Switzerland");
        REQUIRE(ch.size() == 1);
        CHECK(ch[0].place.latitude == Approx(47.36667));  // Zürich, larger than Genève
    }
}

TEST_CASE("demonyms and short forms name their country, marked as such", "[build]") {
    const auto syrian = mini().lookup("Syrian");
    REQUIRE(syrian.size() == 1);
    CHECK(syrian[0].place.name == "Syria");
    CHECK(syrian[0].match == MatchKind::demonym);
    const auto us = mini().lookup("U.S.");
    REQUIRE_FALSE(us.empty());
    CHECK(us[0].place.place_id == "geonames:9003");
    CHECK(us[0].match != MatchKind::name);
    CHECK(mini().lookup("Americans")[0].match == MatchKind::demonym);
}

TEST_CASE("continents and regions come from the project's table", "[build]") {
    const auto me = mini().lookup("Middle East");
    REQUIRE(me.size() == 1);
    CHECK(me[0].place.feature_code == "RGN");
    CHECK(mini().lookup("Africa")[0].place.feature_code == "CONT");
}

TEST_CASE("alternateNamesV2 adds names, abbreviations and short names to known places", "[build]") {
    CHECK(ids(mini().lookup("Alepo")) == std::vector<std::string>{"geonames:1002"});
    const auto nyc = mini().lookup("NYC");
    REQUIRE(nyc.size() == 1);
    CHECK(nyc[0].match == MatchKind::alternate);  // also in the dump's own column, which wins
    CHECK(mini().lookup("Geneva City")[0].match == MatchKind::short_form);
    CHECK(mini().lookup("Schweiz").size() == 1);  // names a synthesised country by its id
    CHECK(mini().lookup("Nowhere").empty());       // a place the gazetteer does not hold
    CHECK(mini().lookup("https://example.org/nyc").empty());  // links are not names
}

TEST_CASE("info reports what the gazetteer holds and its sources", "[build]") {
    const auto info = mini().info();
    CHECK(info.places == mini().index().place_count());
    CHECK(info.places > 14);
    CHECK(info.countries == 3);
    std::vector<std::string> kinds;
    for (const auto& s : info.sources) kinds.push_back(s.kind);
    CHECK(std::count(kinds.begin(), kinds.end(), "geonames") == 2);
    CHECK(std::count(kinds.begin(), kinds.end(), "alternate_names") == 1);
    CHECK_FALSE(info.built_at.empty());
}

TEST_CASE("opening something that is not a gazetteer fails clearly", "[build]") {
    testing::TempDir dir;
    CHECK_THROWS_WITH(Gazetteer(dir / "missing.sqlite"), Catch::Contains("no gazetteer at"));
    testing::write_file(dir / "text.sqlite", "hello");
    CHECK_THROWS_AS(Gazetteer(dir / "text.sqlite"), GazetteerError);
}

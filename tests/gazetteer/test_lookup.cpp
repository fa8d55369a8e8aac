#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using namespace gazetteer;

TEST_CASE("lookup filters by country and limits the candidates", "[lookup]") {
    testing::TempDir dir;
    testing::build_mini_gazetteer(dir / "g.sqlite");
    const Gazetteer gaz(dir / "g.sqlite");
    const auto all = gaz.lookup("Springfield", {"", 0});
    REQUIRE(all.size() == 2);
    CHECK(all[0].score >= all[1].score);
    CHECK(all[0].place.admin1_code == "US.IL");  // the state capital (PPLA) before the larger PPLA2
    const auto us = gaz.lookup("Geneva", {"US", 0});
    REQUIRE(us.size() == 2);
    for (const auto& c : us) CHECK(c.place.country_code == "US");
    CHECK(gaz.lookup("Geneva", {"", 1}).size() == 1);
    CHECK(gaz.lookup("Geneva", {"FR", 0}).empty());
}

TEST_CASE("find_folded sees multi-word names and their prefixes", "[lookup]") {
    testing::TempDir dir;
    testing::build_mini_gazetteer(dir / "g.sqlite");
    const Gazetteer gaz(dir / "g.sqlite");
    const auto ny = gaz.find_folded(fold_name("New York"));
    CHECK(ny.is_prefix);  // of "new york city"
    CHECK_FALSE(ny.postings.empty());
    CHECK(gaz.find_folded("new").is_prefix);
    CHECK(gaz.find_folded("new").postings.empty());
}

TEST_CASE("resolve_gazetteer_path prefers the flag, then the environment, and says how to build one", "[lookup]") {
    testing::TempDir dir;
    testing::write_file(dir / "a.sqlite", "x");
    CHECK(resolve_gazetteer_path((dir / "a.sqlite").string()) == dir / "a.sqlite");
    ::setenv("GEOEVENTS_GAZETTEER", (dir / "a.sqlite").c_str(), 1);
    CHECK(resolve_gazetteer_path("") == dir / "a.sqlite");
    ::setenv("GEOEVENTS_GAZETTEER", (dir / "b.sqlite").c_str(), 1);
    CHECK_THROWS_WITH(resolve_gazetteer_path(""), Catch::Contains("b.sqlite") && Catch::Contains("gazetteer build"));
    ::unsetenv("GEOEVENTS_GAZETTEER");
    ::setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    CHECK(default_gazetteer_path() == dir / "geoevents" / "gazetteer.sqlite");
    ::unsetenv("XDG_DATA_HOME");
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "gazetteer/error.hpp"
#include "gazetteer/name_index.hpp"

using namespace gazetteer;

namespace {
std::vector<std::uint64_t> small_index() {
    NameIndexWriter w;
    for (std::uint32_t i = 0; i < 3; ++i) {
        PlaceView p;
        p.index = i;
        p.place_id = i == 0 ? "geonames:1" : i == 1 ? "geonames:2" : "SY0001";
        p.name = i == 0 ? "New York City" : i == 1 ? "York" : "Newport";
        p.feature_class = "P";
        p.feature_code = i == 0 ? "PPL" : i == 1 ? "PPLC" : "ADM2";
        p.country_code = i == 2 ? "SY" : "US";
        p.population = 1000 * (i + 1);
        p.latitude = 10.5 + i;
        p.longitude = -20.25 - i;
        w.add_place(p);
    }
    w.add_name("new york city", 0, MatchKind::name);
    w.add_name("new york", 0, MatchKind::short_form);
    w.add_name("new york", 0, MatchKind::alternate);
    w.add_name("york", 1, MatchKind::name);
    w.add_name("newport", 2, MatchKind::name);
    return w.finish();
}
}  // namespace

TEST_CASE("NameIndex finds keys and returns their places", "[name_index]") {
    const auto blob = small_index();
    const NameIndex index(blob);
    CHECK(index.place_count() == 3);
    const auto york = index.find("york");
    REQUIRE(york.postings.size() == 1);
    CHECK(york.postings[0].place() == 1);
    CHECK(york.postings[0].kind() == MatchKind::name);
    CHECK_FALSE(york.is_prefix);
    CHECK(index.find("boston").postings.empty());
    CHECK(index.find("").postings.empty());
}

TEST_CASE("NameIndex round-trips place records", "[name_index]") {
    const auto blob = small_index();
    const NameIndex index(blob);
    const auto p = index.place(2);
    CHECK(p.place_id == "SY0001");
    CHECK(p.name == "Newport");
    CHECK(p.country_code == "SY");
    CHECK(p.population == 3000);
    CHECK(p.latitude == 12.5);
    CHECK(p.longitude == -22.25);
    CHECK(p.feature_code == "ADM2");
    // the feature code alone, as place() reads it
    for (std::uint32_t i = 0; i < 3; ++i) CHECK(index.feature_code(i) == index.place(i).feature_code);
    CHECK(index.feature_code(1) == "PPLC");
}

TEST_CASE("NameIndex marks token prefixes of longer names", "[name_index]") {
    const auto blob = small_index();
    const NameIndex index(blob);
    const auto nw = index.find("new");
    CHECK(nw.is_prefix);
    CHECK(nw.postings.empty());
    const auto ny = index.find("new york");
    CHECK(ny.is_prefix);  // of "new york city"
    REQUIRE(ny.postings.size() == 1);
    CHECK_FALSE(index.find("new york city").is_prefix);
    CHECK_FALSE(index.find("newport").is_prefix);
}

TEST_CASE("NameIndex merges one place's postings, keeping the strongest kind", "[name_index]") {
    const auto blob = small_index();
    const auto ny = NameIndex(blob).find("new york");
    REQUIRE(ny.postings.size() == 1);
    CHECK(ny.postings[0].kind() == MatchKind::alternate);
}

TEST_CASE("NameIndex rejects blobs that are not an index", "[name_index]") {
    auto blob = small_index();
    SECTION("bad magic") {
        blob[0] ^= 1;
        CHECK_THROWS_AS(NameIndex(blob), GazetteerError);
    }
    SECTION("truncated") {
        blob.pop_back();
        CHECK_THROWS_WITH(NameIndex(blob), Catch::Contains("corrupt"));
    }
    SECTION("too short for a header") {
        std::vector<std::uint64_t> tiny(3, 0);
        CHECK_THROWS_AS(NameIndex(tiny), GazetteerError);
    }
}

TEST_CASE("NameIndex finds every name of a large index, with its places and prefixes", "[name_index]") {
    // Enough names that the writer sorts them in hash buckets and fills its slots by region.
    const std::vector<std::string> first = {"al", "tall", "kafr", "deir", "ain", "bab", "jisr", "khan", "tell", "ras"};
    NameIndexWriter w;
    constexpr std::uint32_t kPlaces = 6000;
    for (std::uint32_t i = 0; i < kPlaces; ++i) {
        PlaceView p;
        p.index = i;
        const std::string id = "test:" + std::to_string(i);
        p.place_id = id;
        p.name = "x";
        w.add_place(p);
    }
    std::map<std::string, std::set<std::uint32_t>> expected;
    std::mt19937 rng(5);
    for (std::uint32_t i = 0; i < 40000; ++i) {
        const std::uint32_t place = rng() % kPlaces;
        std::string name = first[rng() % first.size()] + " " + std::to_string(rng() % 9000);
        if (i % 4 == 0) name += " " + first[rng() % first.size()];
        w.add_name(name, place, i % 2 ? MatchKind::name : MatchKind::alternate);
        expected[name].insert(place);
    }
    const auto blob = w.finish();
    const NameIndex index(blob);
    for (const auto& [name, places] : expected) {
        const auto match = index.find(name);
        std::set<std::uint32_t> got;
        for (const auto posting : match.postings) got.insert(posting.place());
        INFO(name);
        REQUIRE(got == places);
        REQUIRE(match.postings.size() == places.size());  // one posting per place
    }
    for (const auto& word : first) {
        CHECK(index.find(word).is_prefix);
        CHECK(index.find(word).postings.empty());
    }
    // "tall 17" is a prefix exactly when some three-word name starts with it
    std::set<std::string> extended;
    for (const auto& entry : expected) {
        const auto& name = entry.first;
        if (std::count(name.begin(), name.end(), ' ') == 2) extended.insert(name.substr(0, name.rfind(' ')));
    }
    for (const auto& entry : expected) {
        const auto& name = entry.first;
        if (std::count(name.begin(), name.end(), ' ') == 1) {
            INFO(name);
            CHECK(index.find(name).is_prefix == (extended.count(name) == 1));
        }
    }
    CHECK(index.find("tall 9001").postings.empty());
    CHECK(index.find("nowhere").postings.empty());
}

TEST_CASE("hash_key_extend grows a key's hash as the key grows", "[name_index]") {
    CHECK(hash_key_extend(hash_key("new"), " york") == hash_key("new york"));
    CHECK(hash_key_extend(hash_key_extend(hash_key("new"), " "), "york") == hash_key("new york"));
    CHECK(hash_key_extend_word(hash_key("new"), "york") == hash_key("new york"));
    CHECK(hash_key_extend_word(hash_key_extend_word(hash_key("north"), "west"), "bank") == hash_key("north west bank"));
    CHECK(hash_key_extend(hash_key(""), "york") == hash_key("york"));
    CHECK(hash_key_extend(hash_key("new"), "") == hash_key("new"));
    const auto blob = small_index();
    const NameIndex index(blob);
    const auto by_hash = index.find("new york", hash_key_extend(hash_key("new"), " york"));
    REQUIRE(by_hash.postings.size() == 1);
    CHECK(by_hash.postings[0].place() == 0);
    CHECK(by_hash.is_prefix);
}

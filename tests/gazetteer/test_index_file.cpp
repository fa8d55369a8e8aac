#include <catch2/catch.hpp>

#include <fstream>

#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/index_file.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using namespace gazetteer;
namespace fs = std::filesystem;

namespace {

/// What a few look-ups answer: ids and match kinds, best first.
std::vector<std::string> answers(const Gazetteer& gaz) {
    std::vector<std::string> out;
    for (const char* name : {"Aleppo", "Darayya", "DARAYYA", "Syrian", "Geneva", "new"}) {
        for (const auto& c : gaz.lookup(name)) out.push_back(std::string(name) + " " + std::string(c.place.place_id));
        out.push_back(std::string(name) + " prefix " + (gaz.find_folded(fold_name(name)).is_prefix ? "yes" : "no"));
    }
    return out;
}

}  // namespace

TEST_CASE("The lookup index is memory-mapped from the file beside the gazetteer", "[gazetteer][index_file]") {
    testing::TempDir dir;
    const auto db = dir / "g.sqlite";
    testing::build_mini_gazetteer(db);
    const auto index = index_file_path(db);
    REQUIRE(index == dir / "g.sqlite.index");
    REQUIRE(fs::exists(index));

    const Gazetteer mapped(db);
    CHECK(mapped.index_mapped());
    const auto expected = answers(mapped);
    CHECK(expected.front() == "Aleppo geonames:1002");

    SECTION("without the file the index is read from the database, with the same answers") {
        fs::remove(index);
        const Gazetteer read(db);
        CHECK(!read.index_mapped());
        CHECK(answers(read) == expected);
    }
    SECTION("the file of another build is ignored") {
        testing::TempDir other;
        testing::build_mini_gazetteer(other / "g.sqlite");
        fs::copy_file(index_file_path(other / "g.sqlite"), index, fs::copy_options::overwrite_existing);
        const Gazetteer read(db);
        CHECK(!read.index_mapped());
        CHECK(answers(read) == expected);
    }
    SECTION("a damaged file is ignored") {
        const auto size = fs::file_size(index);
        SECTION("cut short") { fs::resize_file(index, size - 8); }
        SECTION("a wrong magic") {
            std::fstream f(index, std::ios::in | std::ios::out | std::ios::binary);
            f.write("XXXXXXXX", 8);
        }
        SECTION("empty") { fs::resize_file(index, 0); }
        const Gazetteer read(db);
        CHECK(!read.index_mapped());
        CHECK(answers(read) == expected);
    }
    SECTION("a moved gazetteer keeps its index") {
        const Gazetteer moved = Gazetteer(db);
        CHECK(moved.index_mapped());
        CHECK(answers(moved) == expected);
    }
}

TEST_CASE("Index ids differ from build to build", "[gazetteer][index_file]") {
    const auto a = new_index_id();
    const auto b = new_index_id();
    CHECK(a.size() == 16);
    CHECK(a != b);
}

#include <catch2/catch.hpp>

#include <set>

#include "fixtures.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/gazetteer.hpp"

using namespace gazetteer;

namespace {
const std::string kGood =
    "2001\tKobani\tKobani\tAyn al-Arab\t36.89\t38.35\tP\tPPL\tSY\t\t09\t\t\t\t44821\t\t500\tAsia/Damascus\t2024-01-01\n"
    "2002\tJarabulus\tJarabulus\t\t36.82\t38.01\tP\tPPL\tSY\t\t09\t\t\t\t24997\t\t400\tAsia/Damascus\t2024-01-01\n";
const std::string kShortRow = "2003\tAzaz\tAzaz\t\t36.58\t37.04\tP\tPPL\tSY\t\t09\n";

BuildOptions options_for(const testing::TempDir& dir, std::vector<std::string> files, bool skip = false) {
    BuildOptions o;
    o.output = dir / "out.sqlite";
    o.geonames_files = std::move(files);
    o.skip_bad_rows = skip;
    return o;
}
}  // namespace

TEST_CASE("a malformed row stops the build, naming file and line", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "places.txt", kGood + kShortRow + kGood);
    const auto file = (dir / "places.txt").string();
    try {
        build_gazetteer(options_for(dir, {file}));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == file);
        CHECK(e.line() == 3);
        CHECK_THAT(e.what(), Catch::Contains(file + ":3:") && Catch::Contains("expected 19"));
    }
    CHECK_FALSE(std::filesystem::exists(dir / "out.sqlite"));
}

TEST_CASE("skipping bad rows counts and reports the bad rows and keeps the rest", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "places.txt", kGood + kShortRow + std::string("bin\0ary\n", 8));
    const auto report = build_gazetteer(options_for(dir, {(dir / "places.txt").string()}, true));
    CHECK(report.skipped_rows == 2);
    REQUIRE(report.skipped_examples.size() == 2);
    CHECK_THAT(report.skipped_examples[0], Catch::Contains("places.txt:3:"));
    CHECK_THAT(report.skipped_examples[1], Catch::Contains("places.txt:4:") && Catch::Contains("NUL"));
    const Gazetteer gaz(dir / "out.sqlite");
    CHECK(gaz.lookup("Kobani").size() == 1);
    const auto info = gaz.info();
    REQUIRE_FALSE(info.sources.empty());
    CHECK(info.sources[0].skipped == 2);
}

TEST_CASE("a file in another encoding is reported as not UTF-8", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "latin1.txt",
                        "2004\tAl B\xe2" "b\tAl Bab\t\t36.37\t37.51\tP\tPPL\tSY\t\t09\t\t\t\t63069\t\t\t\t2024-01-01\n");
    CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "latin1.txt").string()})),
                      Catch::Contains("latin1.txt:1:") && Catch::Contains("UTF-8"));
}

TEST_CASE("a binary file is reported as not text", "[bad_input]") {
    testing::TempDir dir;
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7);
    testing::write_file(dir / "image.txt", binary);
    CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "image.txt").string()})),
                      Catch::Contains("image.txt:1:") && Catch::Contains("NUL"));
}

TEST_CASE("a truncated file fails at its last line", "[bad_input]") {
    testing::TempDir dir;
    const auto cut = kGood.substr(0, kGood.size() - 30);
    testing::write_file(dir / "cut.txt", cut);
    CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "cut.txt").string()})), Catch::Contains("cut.txt:2:"));
}

TEST_CASE("a missing source is named before anything is written", "[bad_input]") {
    testing::TempDir dir;
    CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "nope.txt").string()})),
                      Catch::Contains("nope.txt") && Catch::Contains("no such file"));
}

TEST_CASE("a failed build leaves the previous gazetteer untouched", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "good.txt", kGood);
    build_gazetteer(options_for(dir, {(dir / "good.txt").string()}));
    const auto before = testing::read_file(dir / "out.sqlite");
    const auto index_before = testing::read_file(dir / "out.sqlite.index");
    testing::write_file(dir / "bad.txt", kGood + kShortRow);
    CHECK_THROWS_AS(build_gazetteer(options_for(dir, {(dir / "bad.txt").string()})), InputError);
    CHECK(testing::read_file(dir / "out.sqlite") == before);
    CHECK(testing::read_file(dir / "out.sqlite.index") == index_before);
    const Gazetteer after(dir / "out.sqlite");
    CHECK(after.lookup("Jarabulus").size() == 1);
    CHECK(after.index_mapped());
    // no temporary file is left behind
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) files.insert(entry.path().filename().string());
    CHECK(files == std::set<std::string>{"bad.txt", "good.txt", "out.sqlite", "out.sqlite.index"});
}

TEST_CASE("bad rows of the code tables name file, line and column", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "good.txt", kGood);
    SECTION("admin1 code without a country") {
        testing::write_file(dir / "admin1CodesASCII.txt", "SY.09\tAleppo\tAleppo\t\n09\tIdlib\tIdlib\t\n");
        CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "good.txt").string(), (dir / "admin1CodesASCII.txt").string()})),
                          Catch::Contains("admin1CodesASCII.txt:2:") && Catch::Contains("column 1 (code)"));
    }
    SECTION("countryInfo with a bad population") {
        std::string row = "SY\tSYR\t760\t\tSyria\tDamascus\t1\tlots\tAS\t\t\t\t\t\t\t\t9001\t\t\n";
        testing::write_file(dir / "countryInfo.txt", "#ISO\n" + row);
        CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "good.txt").string(), (dir / "countryInfo.txt").string()})),
                          Catch::Contains("countryInfo.txt:2:") && Catch::Contains("Population"));
    }
    SECTION("alternate names with a wrong column count") {
        testing::write_file(dir / "alternateNamesV2.txt", "1\t2001\ten\tKobane\n");
        CHECK_THROWS_WITH(build_gazetteer(options_for(dir, {(dir / "good.txt").string(), (dir / "alternateNamesV2.txt").string()})),
                          Catch::Contains("alternateNamesV2.txt:1:") && Catch::Contains("8 or 10"));
    }
}

TEST_CASE("the output's folder must exist", "[bad_input]") {
    testing::TempDir dir;
    testing::write_file(dir / "good.txt", kGood);
    auto options = options_for(dir, {(dir / "good.txt").string()});
    options.output = dir / "no" / "such" / "dir" / "g.sqlite";
    CHECK_THROWS_WITH(build_gazetteer(options), Catch::Contains("does not exist"));
}

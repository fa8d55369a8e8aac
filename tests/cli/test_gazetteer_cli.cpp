#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"

namespace {
std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Builds the fixture gazetteer with the CLI; returns its path.
std::filesystem::path cli_build(const testing::TempDir& dir) {
    const auto out = dir / "g.sqlite";
    std::string cmd = testing::geoevents_bin().string() + " gazetteer build -o " + q(out);
    for (const char* f : {"mini_cities.txt", "mini_countries.txt", "mini-admin1CodesASCII.txt", "mini-countryInfo.txt",
                          "mini-alternateNamesV2.txt"}) {
        cmd += " " + q(testing::fixture_path(std::string("geonames/") + f));
    }
    cmd += " --admin1-points " + q(testing::fixture_path("geonames/admin1-points.tsv"));
    cmd += " --tables " + q(testing::tables_dir());
    const auto r = testing::run_command(cmd);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("wrote") && Catch::Contains("places"));
    return out;
}
}  // namespace

TEST_CASE("gazetteer build then lookup from the command line", "[cli]") {
    testing::TempDir dir;
    const auto gaz = cli_build(dir);
    const auto bin = testing::geoevents_bin().string() + " --gazetteer " + q(gaz);

    SECTION("text output, best first") {
        const auto r = testing::run_command(bin + " gazetteer lookup Geneva");
        CHECK(r.status == 0);
        CHECK(r.out.substr(0, r.out.find('\n')).find("Genève") != std::string::npos);
    }
    SECTION("JSON output has the documented fields") {
        const auto r = testing::run_command(bin + " gazetteer lookup Syrian --json");
        REQUIRE(r.status == 0);
        const auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
        CHECK(j.at("place_id") == "geonames:9001");
        CHECK(j.at("name") == "Syria");
        CHECK(j.at("feature_code") == "PCLI");
        CHECK(j.at("country_code") == "SY");
        CHECK(j.at("match") == "demonym");
        CHECK(j.at("latitude") == 35.0);
        CHECK(j.contains("admin1"));
        CHECK(j.contains("population"));
        CHECK(j.contains("longitude"));
    }
    SECTION("--country and --limit") {
        const auto r = testing::run_command(bin + " gazetteer lookup Geneva --country us --limit 1 --json");
        REQUIRE(r.status == 0);
        CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
        CHECK(nlohmann::json::parse(r.out).at("country_code") == "US");
    }
    SECTION("an unknown name exits 1 with a message") {
        const auto r = testing::run_command(bin + " gazetteer lookup Atlantis");
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains("Atlantis"));
    }
    SECTION("info names the sources") {
        const auto r = testing::run_command(bin + " gazetteer info");
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("mini_cities.txt") && Catch::Contains("places:"));
    }
    SECTION("GEOEVENTS_GAZETTEER selects the gazetteer") {
        const auto r = testing::run_command("GEOEVENTS_GAZETTEER=" + q(gaz) + " " + testing::geoevents_bin().string() +
                                            " gazetteer lookup Daraya --json");
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("geonames:1001"));
    }
}

TEST_CASE("without a gazetteer, commands say how to build one", "[cli]") {
    testing::TempDir dir;
    const auto r = testing::run_command("XDG_DATA_HOME=" + q(dir.path()) + " GEOEVENTS_GAZETTEER= " +
                                        testing::geoevents_bin().string() + " gazetteer lookup Aleppo");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("no gazetteer at") && Catch::Contains("gazetteer build"));
}

TEST_CASE("a bad row fails the CLI build with file and line", "[cli]") {
    testing::TempDir dir;
    testing::write_file(dir / "bad.txt", "1\tX\n");
    const auto r = testing::run_command(testing::geoevents_bin().string() + " gazetteer build --no-tables -o " +
                                        q(dir / "g.sqlite") + " " + q(dir / "bad.txt"));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("bad.txt:1:"));
    CHECK_FALSE(std::filesystem::exists(dir / "g.sqlite"));
}

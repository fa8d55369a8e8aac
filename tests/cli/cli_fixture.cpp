#include "cli/cli_fixture.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace testing {

std::string shell_quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

const std::filesystem::path& cli_fixture_gazetteer() {
    static TempDir dir;
    static const std::filesystem::path path = [] {
        const auto out = dir / "g.sqlite";
        std::string cmd = geoevents_bin().string() + " -q gazetteer build -o " + shell_quote(out);
        for (const char* f : {"mini_cities.txt", "mini_countries.txt", "mini-admin1CodesASCII.txt", "mini-admin2Codes.txt",
                              "mini-countryInfo.txt", "mini-alternateNamesV2.txt"}) {
            cmd += " " + shell_quote(fixture_path(std::string("geonames/") + f));
        }
        cmd += " --admin1-points " + shell_quote(fixture_path("geonames/admin1-points.tsv"));
        cmd += " --tables " + shell_quote(tables_dir());
        const auto r = run_command(cmd);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return out;
    }();
    return path;
}

std::string geoevents_with_fixture_gazetteer() {
    return geoevents_bin().string() + " --gazetteer " + shell_quote(cli_fixture_gazetteer());
}

}  // namespace testing

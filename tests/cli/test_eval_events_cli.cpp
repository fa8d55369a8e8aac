#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"

TEST_CASE("geoevents eval-events scores labelled snippets and lists the misses", "[cli][eval-events]") {
    testing::TempDir dir;
    testing::write_file(dir / "s.tsv",
                        "label\ttext\nAir/drone strike\tWarplanes bombed the depot.\nNone\tThe library opened a new wing.\n"
                        "Armed clash\tMortars hit the square.\n");
    const auto base = testing::geoevents_with_fixture_gazetteer() + " eval-events " + testing::shell_quote(dir / "s.tsv");
    const auto r = testing::run_command(base + " --json --details " + testing::shell_quote(dir / "misses.tsv"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["snippets"] == 3);
    CHECK(j["sub_type_accuracy"].get<double>() == Approx(2.0 / 3.0));
    CHECK(j["sub_types"]["Armed clash"]["recall"].get<double>() == 0.0);
    const auto misses = testing::read_file(dir / "misses.tsv");
    CHECK_THAT(misses, Catch::Contains("4\tArmed clash\tShelling/artillery/missile attack\tMortars\tMortars hit the square."));

    testing::write_file(dir / "bad.tsv", "Airstrike\tJets again.\n");
    const auto bad = testing::run_command(testing::geoevents_with_fixture_gazetteer() + " eval-events " +
                                          testing::shell_quote(dir / "bad.tsv"));
    CHECK(bad.status == 1);
    CHECK_THAT(bad.err, Catch::Contains("bad.tsv:1"));
}

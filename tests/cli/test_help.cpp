#include <catch2/catch.hpp>

#include "cli/command.hpp"
#include "fixtures.hpp"

TEST_CASE("geoevents --help lists every top-level command", "[cli]") {
    const auto r = testing::run_command(testing::geoevents_bin().string() + " --help");
    CHECK(r.status == 0);
    for (const auto& spec : cli::command_table()) CHECK_THAT(r.out, Catch::Contains(spec.path.front()));
}

TEST_CASE("every command answers --help", "[cli]") {
    for (const auto& spec : cli::command_table()) {
        std::string words;
        for (const auto& w : spec.path) words += " " + w;
        INFO(words);
        const auto r = testing::run_command(testing::geoevents_bin().string() + words + " --help");
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("Usage:") && Catch::Contains(spec.path.back()));
        CHECK(r.err.empty());
    }
}

TEST_CASE("a wrong option is a usage error with status 2", "[cli]") {
    const auto r = testing::run_command(testing::geoevents_bin().string() + " gazetteer lookup --frobnicate x");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("frobnicate"));
    CHECK(r.out.empty());
}

#include <catch2/catch.hpp>

#include "cli/cli_fixture.hpp"
#include "cli/progress.hpp"
#include "fixtures.hpp"

TEST_CASE("The progress line gives articles, MB, MB/s, events and, with a known size, a bar and the time left",
          "[cli][progress]") {
    const auto known = cli::Progress::line(120, 5'000'000, 7, 20'000'000, 2.0);
    CHECK(known.find("120 articles") != std::string::npos);
    CHECK(known.find("5.0 MB ") != std::string::npos);
    CHECK(known.find("2.5 MB/s") != std::string::npos);
    CHECK(known.find("7 events") != std::string::npos);
    CHECK(known.find("[######..................]  25%") != std::string::npos);
    CHECK(known.find("ETA 0:06") != std::string::npos);  // 15 MB left at 2.5 MB/s

    const auto unknown = cli::Progress::line(3, 1'500'000, 0, 0, 0.5);
    CHECK(unknown.find("3.0 MB/s") != std::string::npos);
    CHECK(unknown.find('[') == std::string::npos);
    CHECK(unknown.find("ETA") == std::string::npos);

    const auto done = cli::Progress::line(3, 2'000'000, 0, 2'000'000, 1.0);
    CHECK(done.find("100%") != std::string::npos);
    CHECK(done.find("ETA") == std::string::npos);
}

TEST_CASE("The size of the inputs: files, article files below folders", "[cli][progress]") {
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", "0123456789");
    std::filesystem::create_directories(dir / "more" / "deeper");
    testing::write_file(dir / "more" / "b.txt", "01234");
    testing::write_file(dir / "more" / "deeper" / "c.json", "012");
    testing::write_file(dir / "more" / "notes.md", "not read by map");
    testing::write_file(dir / "more" / "UPPER.TXT", "0123456");          // read: any case
    testing::write_file(dir / "more" / ".hidden.txt", "not read by map");
    std::filesystem::create_directories(dir / "more" / ".cache");
    testing::write_file(dir / "more" / ".cache" / "d.txt", "not read by map");
    CHECK(cli::input_size({(dir / "a.jsonl").string()}) == 10);
    CHECK(cli::input_size({(dir / "a.jsonl").string(), (dir / "more").string()}) == 25);
    CHECK(cli::input_size({(dir / "missing.txt").string()}) == 0);
}

TEST_CASE("map draws progress on a terminal and nothing into a pipe", "[cli][progress]") {
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl",
                        R"({"id": "p1", "published": "2016-11-20", "text": "Warplanes bombed Idlib on Saturday."})"
                        "\n");
    const std::string map = testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(dir / "a.jsonl") +
                            " -o " + testing::shell_quote(dir / "out") + " --overwrite";
    // util-linux's script runs the command on a pseudo-terminal and copies what it shows
    const auto tty = testing::run_command("script -qec " + testing::shell_quote(map) + " /dev/null");
    INFO(tty.out << tty.err);
    REQUIRE(tty.status == 0);
    CHECK(tty.out.find("1 articles") != std::string::npos);
    CHECK(tty.out.find("MB/s") != std::string::npos);
    CHECK(tty.out.find("100%") != std::string::npos);
    const auto piped = testing::run_command(map);
    REQUIRE(piped.status == 0);
    CHECK(piped.err.find("MB/s") == std::string::npos);
    CHECK(piped.err.find('\r') == std::string::npos);
}

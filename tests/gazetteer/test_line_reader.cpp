#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/line_reader.hpp"

using gazetteer::LineReader;

namespace {
std::vector<std::string> read_all(const std::filesystem::path& path) {
    LineReader reader(path.string());
    std::vector<std::string> lines;
    std::string_view line;
    while (reader.next(line)) lines.emplace_back(line);
    return lines;
}
}  // namespace

TEST_CASE("LineReader splits lines, strips CR and keeps a last line without newline", "[line_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "a.txt", "one\r\ntwo\n\nfour");
    CHECK(read_all(dir / "a.txt") == std::vector<std::string>{"one", "two", "", "four"});
}

TEST_CASE("LineReader reads an empty file as no lines", "[line_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "empty.txt", "");
    CHECK(read_all(dir / "empty.txt").empty());
}

TEST_CASE("LineReader handles lines longer than its buffer", "[line_reader]") {
    testing::TempDir dir;
    const std::string long_line(3 * 1024 * 1024 + 17, 'x');
    testing::write_file(dir / "long.txt", "a\n" + long_line + "\nb\n");
    const auto lines = read_all(dir / "long.txt");
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].size() == long_line.size());
    CHECK(lines[2] == "b");
}

TEST_CASE("LineReader flags NUL bytes and invalid UTF-8 with the line number", "[line_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "bad.txt", std::string("good\nbin\0ary\nLatin-1 caf\xe9\nok\n", 29));
    LineReader reader((dir / "bad.txt").string());
    std::string_view line;
    REQUIRE(reader.next(line));
    CHECK(reader.problem().empty());
    REQUIRE(reader.next(line));
    CHECK(reader.line_number() == 2);
    CHECK_THAT(std::string(reader.problem()), Catch::Contains("NUL"));
    REQUIRE(reader.next(line));
    CHECK(reader.line_number() == 3);
    CHECK_THAT(std::string(reader.problem()), Catch::Contains("UTF-8"));
    REQUIRE(reader.next(line));
    CHECK(reader.problem().empty());
    CHECK_FALSE(reader.next(line));
}

TEST_CASE("LineReader names a missing file", "[line_reader]") {
    CHECK_THROWS_WITH(LineReader("/nonexistent/places.txt"), Catch::Contains("/nonexistent/places.txt") &&
                                                                   Catch::Contains("cannot open"));
}

#include <catch2/catch.hpp>

#include "extract/input_reader.hpp"
#include "extract/published_table.hpp"
#include "fixtures.hpp"
#include "gazetteer/error.hpp"

TEST_CASE("a table of publication dates by file name", "[extract][published]") {
    testing::TempDir dir;
    const auto table = dir / "published.tsv";
    SECTION("header, dates, an unknown date, CRLF and comments") {
        testing::write_file(table, "file\tpublished\r\n# ours\na.txt\t2016-11-20\r\nb.txt\t\n");
        const auto t = extract::read_published_table(table);
        REQUIRE(t.size() == 2);
        CHECK(t.at("a.txt") == "2016-11-20");
        CHECK(t.at("b.txt").empty());
    }
    SECTION("a date that is no real day names file and line") {
        testing::write_file(table, "a.txt\t2016-11-20\nb.txt\t2016-02-30\n");
        CHECK_THROWS_WITH(extract::read_published_table(table), Catch::Contains("published.tsv:2") && Catch::Contains("2016-02-30"));
    }
    SECTION("a bad first row is no header") {
        testing::write_file(table, "a.txt\t2016-13-01\n");
        CHECK_THROWS_AS(extract::read_published_table(table), gazetteer::InputError);
    }
    SECTION("a line without a tab, a folder in the name, a file listed twice") {
        testing::write_file(table, "a.txt 2016-11-20\n");
        CHECK_THROWS_WITH(extract::read_published_table(table), Catch::Contains(":1"));
        testing::write_file(table, "news/a.txt\t2016-11-20\n");
        CHECK_THROWS_WITH(extract::read_published_table(table), Catch::Contains("without its folder"));
        testing::write_file(table, "a.txt\t2016-11-20\na.txt\t2016-11-21\n");
        CHECK_THROWS_WITH(extract::read_published_table(table), Catch::Contains("twice"));
    }
    SECTION("a missing table") {
        CHECK_THROWS_AS(extract::read_published_table(dir / "none.tsv"), gazetteer::InputError);
    }
}

TEST_CASE("plain-text articles take their date from the table, others the --published date", "[extract][published]") {
    testing::TempDir dir;
    testing::write_file(dir / "a.txt", "Shelling hit the town.");
    testing::write_file(dir / "b.txt", "Talks went on.");
    testing::write_file(dir / "c.txt", "Nothing happened.");
    extract::InputOptions options;
    options.published = "2016-01-01";
    options.published_by_file = {{"a.txt", "2016-11-20"}, {"b.txt", ""}};
    extract::DocumentReader reader({dir.path().string()}, options, {});
    extract::Document doc;
    std::vector<std::pair<std::string, std::string>> got;
    while (reader.next(doc)) got.emplace_back(doc.id, doc.published);
    CHECK(got == std::vector<std::pair<std::string, std::string>>{{"a", "2016-11-20"}, {"b", ""}, {"c", "2016-01-01"}});
}

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "extract/codepoints.hpp"
#include "extract/corpus_reader.hpp"
#include "fixtures.hpp"
#include "gazetteer/error.hpp"

using extract::CorpusArticle;
using extract::CorpusFormat;
using extract::GoldToponym;

namespace {

std::string fixture(const std::string& name) { return testing::fixture_path("corpora/" + name).string(); }

/// The code points [start, end) of `text`.
std::string codepoint_substr(const std::string& text, std::size_t start, std::size_t end) {
    const extract::CodepointIndex index(text);
    const std::size_t from = index.to_byte(start);
    return text.substr(from, index.to_byte(end) - from);
}

/// The InputError read_corpus throws for `path`; fails the test when it does not throw.
gazetteer::InputError read_error(const std::string& path) {
    try {
        extract::read_corpus(path);
    } catch (const gazetteer::InputError& e) {
        return e;
    }
    FAIL("read_corpus did not throw for " << path);
    throw std::logic_error("unreachable");
}

/// Writes an LGL corpus of one article (docid 55, text "Rain in Oslo.") with the given toponyms.
std::string write_lgl(const testing::TempDir& dir, const std::string& toponyms) {
    const auto path = dir / "corpus.xml";
    testing::write_file(path, "<articles>\n<article docid=\"55\">\n<text>Rain in Oslo.</text>\n<toponyms>\n" +
                                  toponyms + "</toponyms>\n</article>\n</articles>\n");
    return path.string();
}

}  // namespace

TEST_CASE("read_corpus reads LGL articles: ids, trimmed titles, decoded text", "[extract][corpus]") {
    CorpusFormat format = CorpusFormat::geovirus;
    const auto articles = extract::read_corpus(fixture("mini_lgl.xml"), format);
    CHECK(format == CorpusFormat::lgl);
    REQUIRE(articles.size() == 3);
    CHECK(articles[0].id == "9001");
    CHECK(articles[1].id == "9002");
    CHECK(articles[2].id == "9003");
    CHECK(articles[0].title == "Storm closes bakeries in Brittany");
    CHECK(articles[1].title == "Ferry firm adds sailings to Skye");
    CHECK(articles[0].text.substr(0, 34) == "Storm closes bakeries in Brittany.");
    CHECK(articles[1].text.substr(0, 20) == "MacBrayne & Partners");
    CHECK(articles[2].gold.empty());
}

TEST_CASE("LGL gold toponyms carry code-point offsets, coordinates and geonameids", "[extract][corpus]") {
    const auto articles = extract::read_corpus(fixture("mini_lgl.xml"));
    REQUIRE(articles.size() == 3);
    const auto& gold = articles[0].gold;
    REQUIRE(gold.size() == 4);
    CHECK(gold[1].phrase == "Rennes");
    CHECK(gold[1].start == 51);  // after "Crêpe": byte offset 52
    CHECK(gold[1].end == 57);
    CHECK(gold[1].has_coordinates);
    CHECK(gold[1].latitude == Approx(48.11198));
    CHECK(gold[1].longitude == Approx(-1.67429));
    CHECK(gold[1].geonameid == "2983990");
    CHECK(gold[2].phrase == "Nantes");
    CHECK(gold[2].start == 122);  // after "ê" and two em dashes: byte offset 127
    REQUIRE(articles[1].gold.size() == 3);
    CHECK(articles[1].gold[0].start == 61);  // "&amp;" counts as one character
}

TEST_CASE("LGL toponyms without gaztag or without lat/lon have no coordinates", "[extract][corpus]") {
    const auto articles = extract::read_corpus(fixture("mini_lgl.xml"));
    REQUIRE(articles.size() == 3);
    REQUIRE(articles[0].gold.size() == 4);
    const GoldToponym& untagged = articles[0].gold[3];
    CHECK(untagged.phrase == "Vilaine");
    CHECK_FALSE(untagged.has_coordinates);
    CHECK(untagged.geonameid.empty());
    CHECK(untagged.start == 154);
    REQUIRE(articles[1].gold.size() == 3);
    const GoldToponym& no_position = articles[1].gold[2];
    CHECK(no_position.phrase == "Skye");
    CHECK_FALSE(no_position.has_coordinates);
    CHECK(no_position.geonameid == "2637892");
}

TEST_CASE("read_corpus reads GeoVirus: position ids, 1-based offsets, nested locations", "[extract][corpus]") {
    CorpusFormat format = CorpusFormat::lgl;
    const auto articles = extract::read_corpus(fixture("mini_geovirus.xml"), format);
    CHECK(format == CorpusFormat::geovirus);
    REQUIRE(articles.size() == 2);  // the commented-out article does not count
    CHECK(articles[0].id == "1");
    CHECK(articles[1].id == "2");
    CHECK(articles[0].title.empty());
    REQUIRE(articles[0].gold.size() == 2);
    const GoldToponym& merida = articles[0].gold[0];
    CHECK(merida.phrase == "M\xC3\xA9rida");
    CHECK(merida.start == 20);  // <start>21</start> in the file
    CHECK(merida.end == 26);
    CHECK(merida.has_coordinates);
    CHECK(merida.latitude == Approx(20.97));
    CHECK(merida.geonameid.empty());
    CHECK(articles[0].gold[1].longitude == Approx(-89.66));  // " -89.66" in the file
    SECTION("a location nested inside another counts, after it") {
        REQUIRE(articles[1].gold.size() == 2);
        CHECK(articles[1].gold[0].phrase == "Yucat\xC3\xA1n");
        CHECK(articles[1].gold[1].phrase == "Campeche");
        CHECK(articles[1].gold[1].start == 60);  // after an emoji: 4 bytes, 2 UTF-16 units, 1 code point
        CHECK(articles[1].gold[1].latitude == Approx(19.85));
    }
}

TEST_CASE("text split into plain and CDATA pieces is read whole", "[extract][corpus]") {
    const testing::TempDir dir;
    const auto path = dir / "corpus.xml";
    testing::write_file(path, "<articles><article docid=\"8\"><text>Ferries &amp; trains to <![CDATA[Bergen]]>"
                              "<!-- a note --> and Stavanger.</text><toponyms><toponym><start>31</start>"
                              "<end>40</end><phrase>Stavanger</phrase></toponym></toponyms></article></articles>");
    const auto articles = extract::read_corpus(path.string());
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].text == "Ferries & trains to Bergen and Stavanger.");
    REQUIRE(articles[0].gold.size() == 1);
    CHECK(articles[0].gold[0].start == 31);
    CHECK(codepoint_substr(articles[0].text, 31, 40) == "Stavanger");
}

TEST_CASE("every gold phrase equals its code-point span of the text", "[extract][corpus]") {
    const auto name = GENERATE(std::string("mini_lgl.xml"), std::string("mini_geovirus.xml"));
    const auto articles = extract::read_corpus(fixture(name));
    std::size_t checked = 0;
    for (const CorpusArticle& article : articles) {
        for (const GoldToponym& gold : article.gold) {
            INFO(name << " article " << article.id << " " << gold.phrase);
            CHECK(codepoint_substr(article.text, gold.start, gold.end) == gold.phrase);
            ++checked;
        }
    }
    CHECK(checked == (name == "mini_lgl.xml" ? 7u : 4u));
}

TEST_CASE("read_corpus names a missing file", "[extract][corpus]") {
    const auto e = read_error(fixture("no_such_corpus.xml"));
    CHECK(e.file() == fixture("no_such_corpus.xml"));
    CHECK(e.line() == 0);
    CHECK_THAT(e.what(), Catch::Contains("cannot open"));
}

TEST_CASE("read_corpus reports malformed XML with its line and byte offset", "[extract][corpus]") {
    const auto e = read_error(fixture("broken.xml"));
    CHECK(e.file() == fixture("broken.xml"));
    CHECK(e.line() == 5);  // </txt> closes <text>
    CHECK_THAT(e.what(), Catch::Contains("byte offset"));
}

TEST_CASE("read_corpus rejects offsets outside the text, naming article, toponym and field",
          "[extract][corpus]") {
    SECTION("end beyond the text (fixture)") {
        const auto e = read_error(fixture("bad_offsets.xml"));
        CHECK(e.line() == 12);  // the second <toponym>
        CHECK_THAT(e.what(), Catch::Contains("article 7001, toponym 2") && Catch::Contains("<end> 31") &&
                                 Catch::Contains("28 code points"));
    }
    const testing::TempDir dir;
    SECTION("non-numeric start") {
        const auto e = read_error(
            write_lgl(dir, "<toponym><start>eight</start><end>12</end><phrase>Oslo</phrase></toponym>\n"));
        CHECK(e.line() == 5);
        CHECK_THAT(e.what(), Catch::Contains("article 55, toponym 1") && Catch::Contains("<start> is 'eight'"));
    }
    SECTION("negative end") {
        const auto e = read_error(
            write_lgl(dir, "<toponym><start>8</start><end>-12</end><phrase>Oslo</phrase></toponym>\n"));
        CHECK_THAT(e.what(), Catch::Contains("<end> is '-12'"));
    }
    SECTION("start after end") {
        const auto e = read_error(write_lgl(dir,
                                            "<toponym><start>8</start><end>12</end><phrase>Oslo</phrase></toponym>\n"
                                            "<toponym><start>9</start><end>5</end><phrase>Oslo</phrase></toponym>\n"));
        CHECK(e.line() == 6);
        CHECK_THAT(e.what(), Catch::Contains("toponym 2") && Catch::Contains("<start> 9 is after <end> 5"));
    }
    SECTION("missing start") {
        const auto e = read_error(write_lgl(dir, "<toponym><end>12</end><phrase>Oslo</phrase></toponym>\n"));
        CHECK_THAT(e.what(), Catch::Contains("no <start>"));
    }
    SECTION("GeoVirus offsets count from 1") {
        const auto path = dir / "geovirus.xml";
        testing::write_file(path, "<articles><article><text>Oslo.</text><locations><location><name>Oslo</name>"
                                  "<start>0</start><end>4</end></location></locations></article></articles>");
        CHECK_THAT(read_error(path.string()).what(),
                   Catch::Contains("article 1, toponym 1") && Catch::Contains("count from 1"));
    }
}

TEST_CASE("read_corpus rejects coordinates that are not a position", "[extract][corpus]") {
    const testing::TempDir dir;
    const std::string head = "<toponym><start>8</start><end>12</end><phrase>Oslo</phrase><gaztag geonameid=\"1\">";
    SECTION("not a number") {
        const auto e = read_error(write_lgl(dir, head + "<lat>north</lat><lon>10.7</lon></gaztag></toponym>\n"));
        CHECK_THAT(e.what(), Catch::Contains("<lat> is 'north'"));
    }
    SECTION("out of range") {
        const auto e = read_error(write_lgl(dir, head + "<lat>95</lat><lon>10.7</lon></gaztag></toponym>\n"));
        CHECK_THAT(e.what(), Catch::Contains("not a position"));
    }
    SECTION("latitude without longitude") {
        const auto e = read_error(write_lgl(dir, head + "<lat>59.9</lat></gaztag></toponym>\n"));
        CHECK_THAT(e.what(), Catch::Contains("<lat> without <lon>"));
    }
}

TEST_CASE("read_corpus rejects files that are not a corpus", "[extract][corpus]") {
    const testing::TempDir dir;
    const auto path = dir / "corpus.xml";
    SECTION("another root element") {
        testing::write_file(path, "<osm version=\"0.6\"/>");
        CHECK_THAT(read_error(path.string()).what(), Catch::Contains("root element is <osm>"));
    }
    SECTION("no article") {
        testing::write_file(path, "<articles></articles>");
        CHECK_THAT(read_error(path.string()).what(), Catch::Contains("no <article>"));
    }
    SECTION("no article tells the format") {
        testing::write_file(path, "<articles><article><text>Rain.</text></article></articles>");
        CHECK_THAT(read_error(path.string()).what(), Catch::Contains("cannot tell the corpus format"));
    }
    SECTION("an article without text") {
        testing::write_file(path, "<articles><article docid=\"3\"><title>T</title></article></articles>");
        CHECK_THAT(read_error(path.string()).what(), Catch::Contains("article 3: no <text>"));
    }
    SECTION("text that is not UTF-8") {
        testing::write_file(path, "<articles><article docid=\"4\"><text>Z\xFCrich</text></article></articles>");
        CHECK_THAT(read_error(path.string()).what(), Catch::Contains("article 4: <text> is not valid UTF-8"));
    }
}

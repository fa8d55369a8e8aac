#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/input_reader.hpp"
#include "fixtures.hpp"

using extract::Document;
using extract::DocumentReader;
using extract::InputOptions;
using extract::InputProblem;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

struct ReadResult {
    std::vector<Document> docs;
    std::vector<InputProblem> problems;
    std::size_t documents = 0;
    std::size_t skipped = 0;
    std::size_t replaced_bytes = 0;
    std::uint64_t bytes_read = 0;
};

/// Reads every document through one reused Document, as the pipeline does.
ReadResult read_all(std::vector<std::string> inputs, InputOptions options = {}) {
    ReadResult r;
    DocumentReader reader(std::move(inputs), std::move(options),
                          [&r](const InputProblem& p) { r.problems.push_back(p); });
    Document doc;
    while (reader.next(doc)) r.docs.push_back(doc);
    r.documents = reader.documents();
    r.skipped = reader.skipped();
    r.replaced_bytes = reader.replaced_bytes();
    r.bytes_read = reader.bytes_read();
    return r;
}

std::vector<std::string> ids(const ReadResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.docs) out.push_back(d.id);
    return out;
}

std::string str(const std::filesystem::path& p) { return p.string(); }

}  // namespace

TEST_CASE("A plain text file is one document named after the file", "[extract][input_reader]") {
    testing::TempDir dir;
    const std::string content = "Storm closes the coast road\nHigh waves kept the ferry in port on Sunday.\n";
    testing::write_file(dir / "000_b69ce2904728d224.txt", content);
    const auto r = read_all({str(dir / "000_b69ce2904728d224.txt")}, InputOptions{"2016-11-20", {}});
    REQUIRE(r.docs.size() == 1);
    const Document& d = r.docs[0];
    CHECK(d.id == "000_b69ce2904728d224");
    CHECK(d.text == content);  // the first line stays in the text
    CHECK(d.title.empty());
    CHECK(d.published == "2016-11-20");
    CHECK(d.replaced_bytes == 0);
    CHECK(r.problems.empty());
    CHECK(r.documents == 1);
    CHECK(r.skipped == 0);
}

TEST_CASE("A UTF-8 byte order mark is removed from plain text and JSON Lines", "[extract][input_reader]") {
    testing::TempDir dir;
    SECTION("plain text") {
        testing::write_file(dir / "bom.txt", "\xEF\xBB\xBFThe market opened again at dawn.");
        const auto r = read_all({str(dir / "bom.txt")});
        REQUIRE(r.docs.size() == 1);
        CHECK(r.docs[0].text == "The market opened again at dawn.");
    }
    SECTION("JSON Lines") {
        testing::write_file(dir / "bom.jsonl", "\xEF\xBB\xBF{\"text\": \"Trains ran late all week.\"}\n");
        const auto r = read_all({str(dir / "bom.jsonl")});
        REQUIRE(r.docs.size() == 1);
        CHECK(r.docs[0].text == "Trains ran late all week.");
        CHECK(r.problems.empty());
    }
}

TEST_CASE("A folder is read recursively, sorted by path, by extension", "[extract][input_reader]") {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "sub");
    std::filesystem::create_directories(dir / ".cache");
    // Written out of order on purpose.
    testing::write_file(dir / "sub" / "d.jsonl", "{\"text\": \"The bridge reopened.\"}\n{\"text\": \"A fair came to town.\"}\n");
    testing::write_file(dir / "b.txt", "Farmers met to talk about the dry spring.");
    testing::write_file(dir / "sub" / "c.txt", "{ a plain article that starts with a brace }");
    testing::write_file(dir / "a.txt", "The library lent a record number of books.");
    testing::write_file(dir / "Z.TXT", "Upper-case names are read as well.");
    testing::write_file(dir / "notes.md", "Not an article.");
    testing::write_file(dir / ".hidden.txt", "Hidden files are ignored.");
    testing::write_file(dir / ".cache" / "e.txt", "Hidden folders are ignored.");

    const auto r = read_all({str(dir.path())});
    CHECK(ids(r) == std::vector<std::string>{"Z", "a", "b", "c", "d:1", "d:2"});
    REQUIRE(r.docs.size() == 6);
    CHECK(r.docs[3].text == "{ a plain article that starts with a brace }");  // .txt in a folder is plain
    CHECK(r.docs[5].text == "A fair came to town.");
    CHECK(r.problems.empty());
}

TEST_CASE("A folder without articles is reported without counting as skipped", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "readme.md", "Nothing to read here.");
    const auto r = read_all({str(dir.path())});
    CHECK(r.docs.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == str(dir.path()));
    CHECK_FALSE(r.problems[0].skipped_document);
    CHECK(r.skipped == 0);
}

TEST_CASE("JSON Lines: every field, only text, numeric ids", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "feed.jsonl",
                        "{\"id\": \"a-1\", \"text\": \"Fog delayed flights.\", \"title\": \"Fog\", "
                        "\"published\": \"2016-11-20\", \"url\": \"https://example.org/fog\", \"source\": \"Daily\"}\n"
                        "\n"
                        "{\"text\": \"Only the body is given.\"}\r\n"
                        "{\"id\": 42, \"text\": \"A numbered story.\"}\n"
                        "{\"id\": 18446744073709551615, \"text\": \"A large number.\"}\n"
                        "{\"id\": null, \"text\": \"A null id.\", \"title\": null, \"extra\": [1, 2]}");
    const auto r = read_all({str(dir / "feed.jsonl")}, InputOptions{"2001-01-01", {}});
    REQUIRE(r.docs.size() == 5);
    const Document& full = r.docs[0];
    CHECK(full.id == "a-1");
    CHECK(full.text == "Fog delayed flights.");
    CHECK(full.title == "Fog");
    CHECK(full.published == "2016-11-20");
    CHECK(full.url == "https://example.org/fog");
    CHECK(full.source == "Daily");

    SECTION("fields of the previous document do not leak into the next") {
        const Document& bare = r.docs[1];
        CHECK(bare.id == "feed:3");  // blank line 2 is counted
        CHECK(bare.text == "Only the body is given.");
        CHECK(bare.title.empty());
        CHECK(bare.published.empty());  // --published is for plain files only
        CHECK(bare.url.empty());
        CHECK(bare.source.empty());
    }
    SECTION("numbers and null as ids") {
        CHECK(r.docs[2].id == "42");
        CHECK(r.docs[3].id == "18446744073709551615");
        CHECK(r.docs[4].id == "feed:6");
        CHECK(r.docs[4].title.empty());
    }
    CHECK(r.problems.empty());
}

TEST_CASE("An explicit file is JSON Lines when it starts with '{'", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "export", "\n  {\"id\": \"x\", \"text\": \"Sniffed as JSON.\", \"title\": \"T\", \"url\": \"u\"}\n");
    testing::write_file(dir / "story", "Plain words, no brace.");
    const auto r = read_all({str(dir / "export"), str(dir / "story")});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].id == "x");
    CHECK(r.docs[0].text == "Sniffed as JSON.");
    CHECK(r.docs[1].id == "story");
    CHECK(r.docs[1].text == "Plain words, no brace.");
    CHECK(r.docs[1].title.empty());  // nothing left over from the JSON document
    CHECK(r.docs[1].url.empty());
}

TEST_CASE("Bad JSON Lines are reported with file:line and skipped", "[extract][input_reader]") {
    testing::TempDir dir;
    const std::string path = str(dir / "mixed.jsonl");

    SECTION("a malformed line in the middle") {
        testing::write_file(dir / "mixed.jsonl",
                            "{\"id\": 1, \"text\": \"First story.\"}\n"
                            "{\"id\": 2, \"text\": \"Cut off in the mid\n"
                            "{\"id\": 3, \"text\": \"Third story.\"}\n");
        const auto r = read_all({path});
        CHECK(ids(r) == std::vector<std::string>{"1", "3"});
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == path + ":2");
        CHECK_THAT(r.problems[0].message, Catch::StartsWith("malformed JSON"));
        CHECK(r.problems[0].skipped_document);
        CHECK(r.skipped == 1);
        CHECK(r.documents == 2);
    }
    SECTION("text missing, not a string, or blank") {
        testing::write_file(dir / "mixed.jsonl",
                            "{\"id\": \"t\", \"title\": \"A headline alone\"}\n"
                            "{\"text\": 12}\n"
                            "{\"text\": \"  \\n \"}\n"
                            "{\"text\": \"This one is fine.\"}\n");
        const auto r = read_all({path});
        CHECK(ids(r) == std::vector<std::string>{"mixed:4"});
        REQUIRE(r.problems.size() == 3);
        CHECK(r.problems[0].where == path + ":1");
        CHECK(r.problems[0].message == "field 'text' is missing");
        CHECK(r.problems[1].where == path + ":2");
        CHECK(r.problems[1].message == "field 'text' is not a string");
        CHECK(r.problems[2].message == "field 'text' is empty");
        CHECK(r.skipped == 3);
    }
    SECTION("a published date that is not YYYY-MM-DD") {
        testing::write_file(dir / "mixed.jsonl",
                            "{\"text\": \"Wrong day.\", \"published\": \"2015-02-29\"}\n"
                            "{\"text\": \"Wrong shape.\", \"published\": \"20 Nov 2016\"}\n"
                            "{\"text\": \"No date is fine.\", \"published\": \"\"}\n"
                            "{\"text\": \"Right date.\", \"published\": \"2016-02-29\"}\n");
        const auto r = read_all({path});
        REQUIRE(r.docs.size() == 2);
        CHECK(r.docs[0].published.empty());
        CHECK(r.docs[1].published == "2016-02-29");
        REQUIRE(r.problems.size() == 2);
        CHECK(r.problems[0].where == path + ":1");
        CHECK_THAT(r.problems[0].message, Catch::Contains("published") && Catch::Contains("2015-02-29"));
        CHECK(r.problems[1].where == path + ":2");
        CHECK_THAT(r.problems[1].message, Catch::Contains("published"));
    }
    SECTION("not an object, or fields of the wrong type") {
        testing::write_file(dir / "mixed.jsonl",
                            "[\"text\", \"an array\"]\n"
                            "{\"id\": true, \"text\": \"Boolean id.\"}\n"
                            "{\"text\": \"Numeric title.\", \"title\": 5}\n"
                            "{\"text\": \"Good.\"} trailing\n");
        const auto r = read_all({path});
        CHECK(r.docs.empty());
        REQUIRE(r.problems.size() == 4);
        CHECK(r.problems[0].message == "not a JSON object");
        CHECK(r.problems[1].message == "field 'id' is not a string or a number");
        CHECK(r.problems[2].message == "field 'title' is not a string");
        CHECK_THAT(r.problems[3].message, Catch::StartsWith("malformed JSON"));
        CHECK(r.problems[3].where == path + ":4");
    }
}

TEST_CASE("Invalid UTF-8 is replaced by U+FFFD and counted", "[extract][input_reader]") {
    testing::TempDir dir;
    SECTION("in a plain file: one U+FFFD per maximal ill-formed subpart") {
        // A Latin-1 e-acute (1 bad byte), a three-byte sequence cut after two bytes (one
        // subpart of 2 bytes), and an overlong "/" (C0 and AF: two subparts of 1 byte).
        testing::write_file(dir / "latin.txt",
                            "Caf\xE9 owners in the old town said that trade was slow this winter, "
                            "while the price \xE2\x82 of bread rose again and the mayor \xC0\xAF promised help.");
        const auto r = read_all({str(dir / "latin.txt")});
        REQUIRE(r.docs.size() == 1);
        CHECK(r.docs[0].text == "Caf" + kFffd + " owners in the old town said that trade was slow this winter, "
                                "while the price " + kFffd + " of bread rose again and the mayor " + kFffd + kFffd +
                                " promised help.");
        CHECK(r.docs[0].replaced_bytes == 5);
        CHECK(r.replaced_bytes == 5);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == str(dir / "latin.txt"));
        CHECK(r.problems[0].message == "5 invalid UTF-8 bytes replaced by U+FFFD");
        CHECK_FALSE(r.problems[0].skipped_document);
        CHECK(r.skipped == 0);
    }
    SECTION("inside a JSON Lines string") {
        testing::write_file(dir / "feed.jsonl",
                            "{\"id\": \"clean\", \"text\": \"Nothing wrong here.\"}\n"
                            "{\"id\": \"bad\", \"text\": \"A na\xEFve reading of the vote.\"}\n");
        const auto r = read_all({str(dir / "feed.jsonl")});
        REQUIRE(r.docs.size() == 2);
        CHECK(r.docs[0].replaced_bytes == 0);
        CHECK(r.docs[1].text == "A na" + kFffd + "ve reading of the vote.");
        CHECK(r.docs[1].replaced_bytes == 1);
        CHECK(r.replaced_bytes == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == str(dir / "feed.jsonl") + ":2");
        CHECK(r.problems[0].message == "1 invalid UTF-8 byte replaced by U+FFFD");
    }
    SECTION("a lone surrogate escape in JSON becomes U+FFFD; a pair is kept") {
        testing::write_file(dir / "esc.jsonl",
                            "{\"text\": \"Cut emoji \\ud83d here.\"}\n"
                            "{\"text\": \"Whole emoji \\ud83d\\ude00 here, and a \\\\ud83d that is no escape.\"}\n");
        const auto r = read_all({str(dir / "esc.jsonl")});
        REQUIRE(r.docs.size() == 2);
        CHECK(r.docs[0].text == "Cut emoji " + kFffd + " here.");
        CHECK(r.docs[0].replaced_bytes == 6);
        CHECK(r.docs[1].text == "Whole emoji \xF0\x9F\x98\x80 here, and a \\ud83d that is no escape.");
        CHECK(r.docs[1].replaced_bytes == 0);
        CHECK(r.problems.size() == 1);
    }
}

TEST_CASE("Files that are not text are reported and skipped", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "after.txt", "The run goes on after a bad file.");
    SECTION("a NUL byte") {
        testing::write_file(dir / "image.txt", std::string("GIF89a\0\0\x01\x02 looks like text", 25));
        const auto r = read_all({str(dir / "image.txt"), str(dir / "after.txt")});
        CHECK(ids(r) == std::vector<std::string>{"after"});
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == str(dir / "image.txt"));
        CHECK(r.problems[0].message == "not a text file (binary data)");
        CHECK(r.problems[0].skipped_document);
        CHECK(r.skipped == 1);
    }
    SECTION("more than 10% invalid UTF-8") {
        testing::write_file(dir / "noise.jsonl", "ab \xFD\xFC\x80\x81\x82 cd \xF8\xF9");  // 7 of 14 bytes
        const auto r = read_all({str(dir / "noise.jsonl"), str(dir / "after.txt")});
        CHECK(ids(r) == std::vector<std::string>{"after"});
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message == "not a text file (binary data)");
    }
    SECTION("UTF-16") {
        testing::write_file(dir / "wide.txt", std::string("\xFF\xFEH\0i\0", 6));
        const auto r = read_all({str(dir / "wide.txt")});
        CHECK(r.docs.empty());
        REQUIRE(r.problems.size() == 1);
        CHECK_THAT(r.problems[0].message, Catch::Contains("UTF-16"));
    }
}

TEST_CASE("Empty files are reported and skipped", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "empty.txt", "");
    testing::write_file(dir / "blank.txt", " \n\t\r\n");
    testing::write_file(dir / "blank.jsonl", "\n\n  \n");
    testing::write_file(dir / "ok.txt", "Short but real.");
    const auto r = read_all({str(dir / "empty.txt"), str(dir / "blank.txt"), str(dir / "blank.jsonl"), str(dir / "ok.txt")});
    CHECK(ids(r) == std::vector<std::string>{"ok"});
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].where == str(dir / "empty.txt"));
    CHECK(r.problems[1].where == str(dir / "blank.txt"));
    CHECK(r.problems[2].where == str(dir / "blank.jsonl"));
    for (const auto& p : r.problems) {
        CHECK_THAT(p.message, Catch::StartsWith("empty file"));
        CHECK(p.skipped_document);
    }
    CHECK(r.skipped == 3);
    CHECK(r.documents == 1);
}

TEST_CASE("A missing input is reported and skipped", "[extract][input_reader]") {
    testing::TempDir dir;
    testing::write_file(dir / "here.txt", "This one exists.");
    const std::string missing = str(dir / "gone.txt");
    const auto r = read_all({missing, str(dir / "here.txt")});
    CHECK(ids(r) == std::vector<std::string>{"here"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == missing);
    CHECK(r.problems[0].message == "no such file or folder");
    CHECK(r.problems[0].skipped_document);
    CHECK(r.skipped == 1);
}

TEST_CASE("A bad --published date is refused before reading", "[extract][input_reader]") {
    CHECK_THROWS_AS(DocumentReader({}, InputOptions{"2016-11-31", {}}, {}), std::invalid_argument);
    CHECK_THROWS_AS(DocumentReader({}, InputOptions{"yesterday", {}}, {}), std::invalid_argument);
    CHECK_NOTHROW(DocumentReader({}, InputOptions{"", {}}, {}));
}

TEST_CASE("A JSON line that crosses the first 64 KiB of the file is read whole", "[extract][input_reader]") {
    testing::TempDir dir;
    std::string first(40 * 1024, 'a');
    std::string second(50 * 1024, 'b');  // starts before 64 KiB, ends after
    testing::write_file(dir / "wide.jsonl", "{\"text\": \"" + first + "\"}\n{\"text\": \"" + second +
                                                "\"}\n{\"text\": \"tail\"}");
    const auto r = read_all({str(dir / "wide.jsonl")});
    REQUIRE(r.docs.size() == 3);
    CHECK(r.docs[0].text == first);
    CHECK(r.docs[1].text == second);
    CHECK(r.docs[2].text == "tail");
    CHECK(r.docs[2].id == "wide:3");
}

TEST_CASE("A large single-line file is one document of the right size", "[extract][input_reader]") {
    testing::TempDir dir;
    const std::string sentence = "Rain fell on the hills and the river rose. ";
    std::string body;
    body.reserve(20 * 1024 * 1024 + sentence.size());
    while (body.size() < 20 * 1024 * 1024) body += sentence;
    body += "End.";
    SECTION("plain text") {
        testing::write_file(dir / "long.txt", body);
        const auto r = read_all({str(dir / "long.txt")});
        REQUIRE(r.docs.size() == 1);
        CHECK(r.docs[0].text.size() == body.size());
        CHECK(r.docs[0].text == body);
        CHECK(r.problems.empty());
    }
    SECTION("JSON Lines") {
        testing::write_file(dir / "long.jsonl", "{\"id\": \"big\", \"text\": \"" + body + "\"}\n{\"text\": \"After.\"}\n");
        const auto r = read_all({str(dir / "long.jsonl")});
        REQUIRE(r.docs.size() == 2);
        CHECK(r.docs[0].text.size() == body.size());
        CHECK(r.docs[0].text == body);
        CHECK(r.docs[1].text == "After.");
    }
}

TEST_CASE("The reader counts the input bytes it has read, for progress", "[extract][input_reader]") {
    testing::TempDir dir;
    const std::string lines = "{\"id\": \"a\", \"text\": \"Shelling hit Homs.\"}\n\n{\"text\": 5}\n{\"id\": \"b\", \"text\": \"Talks in Geneva.\"}";
    testing::write_file(dir / "feed.jsonl", lines);
    testing::write_file(dir / "note.txt", "Protesters gathered in Beirut on Monday.\n");
    const auto r = read_all({str(dir / "feed.jsonl"), str(dir / "note.txt")});
    CHECK(r.documents == 3);
    // every line counts, blank and bad ones too, and the last line as if it ended in a newline
    CHECK(r.bytes_read == lines.size() + 1 + std::filesystem::file_size(dir / "note.txt"));
}

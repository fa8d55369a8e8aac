#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "extract/codepoints.hpp"

using extract::CodepointIndex;

namespace {
// "a", "é" (2 bytes), an em dash (3 bytes), a mosquito emoji (4 bytes), "b": 11 bytes, 5 code points.
const std::string kMixed = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\xA6\x9F" "b";
}  // namespace

TEST_CASE("codepoint_length counts code points, not bytes", "[extract][codepoints]") {
    CHECK(extract::codepoint_length("") == 0);
    CHECK(extract::codepoint_length("Rennes") == 6);
    CHECK(extract::codepoint_length("Cr\xC3\xAApe") == 5);
    CHECK(extract::codepoint_length(kMixed) == 5);
    SECTION("invalid bytes still count, one per lead byte") {
        CHECK(extract::codepoint_length("a\xFF" "b") == 3);
    }
    SECTION("longer texts: every alignment of multi-byte characters, and every kind of byte") {
        // kMixed after 0..16 ASCII letters, repeated: its characters fall on every position of
        // the eight-byte steps, and the tail is counted byte by byte
        for (std::size_t pad = 0; pad <= 16; ++pad) {
            std::string text;
            for (int r = 0; r < 3; ++r) text += std::string(pad, 'x') + kMixed;
            CHECK(extract::codepoint_length(text) == 3 * (pad + 5));
        }
        // all 256 byte values: 64 of them (0x80-0xBF) are continuation bytes
        std::string all;
        for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
        CHECK(extract::codepoint_length(all) == 192);
        CHECK(extract::codepoint_length(all + all + "abc") == 387);
    }
}

TEST_CASE("find_invalid_utf8 gives the offset of the first ill-formed sequence", "[extract][codepoints]") {
    CHECK(extract::find_invalid_utf8("") == std::string_view::npos);
    CHECK(extract::find_invalid_utf8(kMixed) == std::string_view::npos);
    SECTION("truncated sequence at the end") { CHECK(extract::find_invalid_utf8("ab\xC3") == 2); }
    SECTION("stray continuation byte") { CHECK(extract::find_invalid_utf8("a\x80") == 1); }
    SECTION("overlong encoding of '/'") { CHECK(extract::find_invalid_utf8("\xC0\xAF") == 0); }
    SECTION("overlong three-byte form") { CHECK(extract::find_invalid_utf8("x\xE0\x80\xAF") == 1); }
    SECTION("UTF-16 surrogate") { CHECK(extract::find_invalid_utf8("\xED\xA0\x80") == 0); }
    SECTION("above U+10FFFF") { CHECK(extract::find_invalid_utf8("ok\xF4\x90\x80\x80") == 2); }
    SECTION("continuation byte missing inside a sequence") { CHECK(extract::find_invalid_utf8("\xE2\x80(") == 0); }
}

TEST_CASE("CodepointIndex maps code-point offsets to byte offsets", "[extract][codepoints]") {
    const CodepointIndex index(kMixed);
    CHECK(index.size_bytes() == 11);
    CHECK(index.size_codepoints() == 5);
    CHECK(index.to_byte(0) == 0);
    CHECK(index.to_byte(1) == 1);
    CHECK(index.to_byte(2) == 3);
    CHECK(index.to_byte(3) == 6);
    CHECK(index.to_byte(4) == 10);
    CHECK(index.to_byte(5) == 11);  // the end of the text
    CHECK_THROWS_AS(index.to_byte(6), std::out_of_range);
}

TEST_CASE("CodepointIndex maps byte offsets to code-point offsets", "[extract][codepoints]") {
    const CodepointIndex index(kMixed);
    CHECK(index.to_codepoint(0) == 0);
    CHECK(index.to_codepoint(1) == 1);
    CHECK(index.to_codepoint(3) == 2);
    CHECK(index.to_codepoint(6) == 3);
    CHECK(index.to_codepoint(10) == 4);
    CHECK(index.to_codepoint(11) == 5);
    SECTION("a byte inside a sequence maps to the code point holding it") {
        CHECK(index.to_codepoint(2) == 1);
        CHECK(index.to_codepoint(8) == 3);
        CHECK(index.to_codepoint(9) == 3);
    }
    CHECK_THROWS_AS(index.to_codepoint(12), std::out_of_range);
}

TEST_CASE("CodepointIndex round-trips every offset of a mixed text", "[extract][codepoints]") {
    std::string text;
    for (int i = 0; i < 50; ++i) text += "Cr\xC3\xAApe \xE2\x80\x94 \xF0\x9F\xA6\x9F Rennes ";
    const CodepointIndex index(text);
    REQUIRE(index.size_codepoints() == extract::codepoint_length(text));
    for (std::size_t c = 0; c <= index.size_codepoints(); ++c) {
        const std::size_t byte = index.to_byte(c);
        REQUIRE(index.to_codepoint(byte) == c);
        if (c < index.size_codepoints()) REQUIRE((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80);
    }
}

TEST_CASE("CodepointIndex on ASCII text is the identity", "[extract][codepoints]") {
    const CodepointIndex index("Oslo and Bergen");
    CHECK(index.size_bytes() == 15);
    CHECK(index.size_codepoints() == 15);
    CHECK(index.to_byte(9) == 9);
    CHECK(index.to_codepoint(15) == 15);
    CHECK_THROWS_AS(index.to_codepoint(16), std::out_of_range);
    SECTION("empty text") {
        const CodepointIndex empty("");
        CHECK(empty.to_byte(0) == 0);
        CHECK(empty.to_codepoint(0) == 0);
        CHECK_THROWS_AS(empty.to_byte(1), std::out_of_range);
    }
}

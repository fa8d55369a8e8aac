#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extract/token.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"

using extract::Token;

namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.text(text));
    return out;
}

// The first token whose text is `word`; fails the test when there is none.
const Token& token(std::string_view text, const std::vector<Token>& tokens, std::string_view word) {
    for (const auto& t : tokens) {
        if (t.text(text) == word) return t;
    }
    FAIL("no token '" << std::string(word) << "' in: " << std::string(text));
    throw;  // not reached
}

// Tokens are in text order, inside the text, and do not overlap.
void check_well_formed(std::string_view text, const std::vector<Token>& tokens) {
    std::uint32_t previous_end = 0;
    for (const auto& t : tokens) {
        CHECK(t.start >= previous_end);
        CHECK(t.start < t.end);
        CHECK(t.end <= text.size());
        previous_end = t.end;
    }
}

}  // namespace

TEST_CASE("hyphenated words are split, the second marked hyphen_before", "[extract][tokenizer]") {
    SECTION("an Arabic article") {
        const std::string text = "Rebels entered al-Bab at dawn.";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"Rebels", "entered", "al", "-", "Bab", "at", "dawn", "."});
        const auto& bab = token(text, tokens, "Bab");
        CHECK(bab.is(Token::word));
        CHECK(bab.is(Token::hyphen_before));
        CHECK(bab.is(Token::upper_initial));
        CHECK_FALSE(bab.is(Token::space_before));
        CHECK_FALSE(token(text, tokens, "al").is(Token::hyphen_before));
        CHECK_FALSE(token(text, tokens, "-").is(Token::word));
        CHECK_FALSE(token(text, tokens, "at").is(Token::hyphen_before));
    }
    SECTION("a non-breaking hyphen (U+2011) joins words too") {
        const std::string text = "near al\xE2\x80\x91" "Bab";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"near", "al", "\xE2\x80\x91", "Bab"});
        CHECK(token(text, tokens, "Bab").is(Token::hyphen_before));
    }
    SECTION("a dash between spaces does not") {
        const std::string text = "Aleppo - Idlib road";
        const auto tokens = extract::tokenize(text);
        CHECK_FALSE(token(text, tokens, "Idlib").is(Token::hyphen_before));
    }
    SECTION("nor a hyphen before a space") {
        const std::string text = "pre- and post-war";
        const auto tokens = extract::tokenize(text);
        CHECK_FALSE(token(text, tokens, "and").is(Token::hyphen_before));
        CHECK(token(text, tokens, "war").is(Token::hyphen_before));
    }
}

TEST_CASE("a possessive 's is split off the name", "[extract][tokenizer]") {
    SECTION("straight apostrophe") {
        const std::string text = "Aleppo's old city";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"Aleppo", "'", "s", "old", "city"});
        CHECK(token(text, tokens, "s").is(Token::word));
    }
    SECTION("typographic apostrophe (U+2019)") {
        const std::string text = "Idlib\xE2\x80\x99s roads";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"Idlib", "\xE2\x80\x99", "s", "roads"});
    }
    SECTION("an apostrophe inside a name stays in the word") {
        const std::string text = "Ma'arrat and Ma'soud";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"Ma'arrat", "and", "Ma'soud"});
    }
}

TEST_CASE("abbreviations with periods are one token marked internal_period", "[extract][tokenizer]") {
    SECTION("U.S.") {
        const std::string text = "U.S. officials arrived.";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"U.S.", "officials", "arrived", "."});
        const auto& us = token(text, tokens, "U.S.");
        CHECK(us.is(Token::internal_period));
        CHECK(us.is(Token::all_caps));
        CHECK(us.start == 0);
        CHECK(us.end == 4);
        // the period of the abbreviation does not end a sentence
        CHECK_FALSE(token(text, tokens, "officials").is(Token::sentence_start));
    }
    SECTION("W.Va.") {
        const std::string text = "in Wheeling, W.Va. on Monday";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"in", "Wheeling", ",", "W.Va.", "on", "Monday"});
        CHECK(token(text, tokens, "W.Va.").is(Token::internal_period));
    }
    SECTION("an ordinary word before a full stop keeps its period apart") {
        const std::string text = "They reached Aleppo. Then";
        const auto tokens = extract::tokenize(text);
        CHECK(texts(text, tokens) == std::vector<std::string>{"They", "reached", "Aleppo", ".", "Then"});
        CHECK_FALSE(token(text, tokens, "Aleppo").is(Token::internal_period));
    }
}

TEST_CASE("sentence_start marks the first word of a sentence or a line", "[extract][tokenizer]") {
    const std::string text = "Rain fell in Idlib. Roads closed, and shops shut! Did it stop? No\ncrews worked";
    const auto tokens = extract::tokenize(text);
    CHECK(token(text, tokens, "Rain").is(Token::sentence_start));
    CHECK(token(text, tokens, "Roads").is(Token::sentence_start));
    CHECK(token(text, tokens, "Did").is(Token::sentence_start));
    CHECK(token(text, tokens, "No").is(Token::sentence_start));
    SECTION("a line start is a sentence start even without a full stop") {
        const auto& crews = token(text, tokens, "crews");
        CHECK(crews.is(Token::sentence_start));
        CHECK(crews.is(Token::newline_before));
    }
    SECTION("not inside a sentence") {
        for (const char* w : {"fell", "Idlib", "closed", "and", "shops"}) {
            INFO(w);
            CHECK_FALSE(token(text, tokens, w).is(Token::sentence_start));
        }
    }
}

TEST_CASE("title_line marks a Title Case headline line, not a sentence", "[extract][tokenizer]") {
    const std::string text =
        "Shelling Hits Markets Across Eastern Aleppo\n"
        "Residents said that the market was struck twice during the night.";
    const auto tokens = extract::tokenize(text);
    for (const char* w : {"Shelling", "Markets", "Across", "Aleppo"}) {
        INFO(w);
        CHECK(token(text, tokens, w).is(Token::title_line));
    }
    for (const char* w : {"Residents", "market", "struck", "night"}) {
        INFO(w);
        CHECK_FALSE(token(text, tokens, w).is(Token::title_line));
    }
}

TEST_CASE("all_caps needs two or more letters, all upper case", "[extract][tokenizer]") {
    const std::string text = "NATO and A McAllen UN-backed F16 Aleppo";
    const auto tokens = extract::tokenize(text);
    CHECK(token(text, tokens, "NATO").is(Token::all_caps));
    CHECK(token(text, tokens, "UN").is(Token::all_caps));
    CHECK_FALSE(token(text, tokens, "A").is(Token::all_caps));
    CHECK(token(text, tokens, "A").is(Token::upper_initial));
    CHECK_FALSE(token(text, tokens, "McAllen").is(Token::all_caps));
    CHECK_FALSE(token(text, tokens, "F16").is(Token::all_caps));
    CHECK(token(text, tokens, "F16").is(Token::has_digit));
    CHECK_FALSE(token(text, tokens, "Aleppo").is(Token::all_caps));
    CHECK_FALSE(token(text, tokens, "and").is(Token::upper_initial));
}

TEST_CASE("token offsets are byte offsets into the UTF-8 text", "[extract][tokenizer]") {
    // "Crêpe" is 5 code points but 6 bytes; "Dārayyā" 7 code points, 9 bytes.
    const std::string text = "Cr\xC3\xAApe stalls in Rennes and D\xC4\x81rayy\xC4\x81 \xD8\xAF\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xA7 shut.";
    const auto tokens = extract::tokenize(text);
    check_well_formed(text, tokens);
    const auto& rennes = token(text, tokens, "Rennes");
    CHECK(rennes.start == 17);  // 16 code points before it
    CHECK(rennes.end == 23);
    const auto& darayya = token(text, tokens, "D\xC4\x81rayy\xC4\x81");
    CHECK(darayya.end - darayya.start == 9);
    CHECK(darayya.is(Token::upper_initial));
    // Arabic letters make a word of their own
    const auto& arabic = token(text, tokens, "\xD8\xAF\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xA7");
    CHECK(arabic.is(Token::word));
    CHECK(arabic.start == darayya.end + 1);
    CHECK(arabic.end - arabic.start == 10);
}

TEST_CASE("invalid UTF-8 never breaks the tokenizer", "[extract][tokenizer]") {
    SECTION("bad bytes become punctuation and the words around them keep their offsets") {
        const std::string text = "\xFF" "Aleppo\xC3 and \xE2\x80 Idlib\xF0\x9F";
        std::vector<Token> tokens;
        REQUIRE_NOTHROW(tokens = extract::tokenize(text));
        check_well_formed(text, tokens);
        const auto& aleppo = token(text, tokens, "Aleppo");
        CHECK(aleppo.start == 1);
        CHECK(aleppo.end == 7);
        const auto& idlib = token(text, tokens, "Idlib");
        CHECK(idlib.start == text.find("Idlib"));
        CHECK_FALSE(tokens.front().is(Token::word));
        CHECK(tokens.front().end - tokens.front().start == 1);
    }
    SECTION("every byte value, alone and in a row") {
        std::string all;
        for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
        for (int b = 255; b >= 0; --b) all.push_back(static_cast<char>(b));
        std::vector<Token> tokens;
        REQUIRE_NOTHROW(tokens = extract::tokenize(all));
        check_well_formed(all, tokens);
        CHECK_FALSE(tokens.empty());
    }
    SECTION("empty text") {
        CHECK(extract::tokenize("").empty());
    }
}

TEST_CASE("Folded tokens are fold_name of each word with its two hashes; punctuation folds to nothing", "[tokenizer][fold]") {
    // ASCII words (the one-pass path) next to words that need Unicode folding, apostrophes,
    // abbreviations with periods and digits
    const std::string text = "The MAYOR of Sao Paulo met S\u00e3o Paulo's envoy in \u00c6r\u00f8sk\u00f8bing, U.S. route 66, "
                             "Qu\u00e9bec-City's O'Neill and \u0130stanbul at 09:30. "
                             // one word longer than 64 letters
                             "LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairpwllgwyngyll. "
                             // a ligature of a whole phrase, 3 bytes folding to 33: the folded words
                             // outgrow the text, and the words after still fold right
                             + [] {
                                   std::string s;
                                   for (int k = 0; k < 12; ++k) s += "\ufdfa ";
                                   return s;
                               }() + "Then Qu\u00e9bec again.";
    const auto tokens = extract::tokenize(text);
    const auto folded = extract::fold_tokens(text, tokens);
    REQUIRE(folded.key.size() == tokens.size());
    REQUIRE(folded.phrase_hash.size() == tokens.size());
    std::size_t words = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto expected = tokens[i].is(extract::Token::word) ? gazetteer::fold_name(tokens[i].text(text)) : std::string();
        CHECK(folded[i] == expected);
        CHECK(folded.key[i] == gazetteer::hash_key(expected));
        CHECK(folded.phrase_hash[i].value == extract::TextHash::of(expected).value);
        CHECK(folded.phrase_hash[i].power == extract::TextHash::of(expected).power);
        if (tokens[i].is(extract::Token::word)) ++words;
    }
    CHECK(words >= 20);
    CHECK(folded.arena.size() > text.size());
    // the ASCII and the Unicode spelling of a name fold alike
    const auto at = [&](std::string_view word) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].text(text) == word) return i;
        }
        FAIL("no token " << word);
        return std::size_t{0};
    };
    CHECK(folded[at("Sao")] == "sao");
    CHECK(folded.key[at("Sao")] == folded.key[at("S\u00e3o")]);
    CHECK(folded[at("MAYOR")] == "mayor");
}

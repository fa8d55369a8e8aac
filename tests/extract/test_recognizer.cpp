#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "extract/recognizer.hpp"
#include "extract/token.hpp"
#include "extract/mini_geoparser.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using extract::Mention;
using extract::MentionKind;

namespace {

// The mini gazetteer (tests/fixtures/geonames), the project's word lists and a geoparser on
// them, built once for this file.
std::vector<Mention> parse(const std::string& text) { return testing::mini_geoparser().parse(text); }

std::vector<std::string> surface(const std::vector<Mention>& ms) {
    std::vector<std::string> out;
    for (const auto& m : ms) out.push_back(m.text);
    return out;
}

std::string place_id(const Mention& m) { return m.place ? std::string(m.place->place_id) : std::string("(unresolved)"); }

// The spans recognize() itself returns, as text.
std::vector<std::string> recognized(const std::string& text) {
    const auto tokens = extract::tokenize(text);
    const auto folded = extract::fold_tokens(text, tokens);
    std::vector<std::string> out;
    for (const auto& r : extract::recognize(text, tokens, folded, testing::mini_geoparser().gaz, testing::mini_geoparser().lexicon)) {
        out.emplace_back(text.substr(tokens[r.first].start, tokens[r.last].end - tokens[r.first].start));
    }
    return out;
}

}  // namespace

TEST_CASE("a multi-word name is one mention", "[extract][recognizer]") {
    SECTION("New York City, not New York") {
        const auto ms = parse("Flights from New York City were delayed by snow on Monday.");
        REQUIRE(surface(ms) == std::vector<std::string>{"New York City"});
        CHECK(place_id(ms[0]) == "geonames:1025");
        CHECK(ms[0].start == 13);
        CHECK(ms[0].end == 26);
    }
    SECTION("an Arabic article written as a word of its own") {
        const auto ms = parse("Fighting in Bustan al Qasr continued after dark.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Bustan al Qasr"});
        CHECK(place_id(ms[0]) == "geonames:3004");
    }
    SECTION("Al Bab") {
        const auto ms = parse("Rebels entered Al Bab after a long siege.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Al Bab"});
        CHECK(place_id(ms[0]) == "geonames:1006");
    }
}

// The recogniser's contract (recognizer.cpp): a name may start with a lower-case Arabic article
// joined by a hyphen ("al-Bab") and runs on over words "joined by a space or hyphen". The
// tokenizer emits the hyphen as a punctuation token, and next_name_token() stops at it.
TEST_CASE("names joined by hyphens are recognised", "[extract][recognizer]") {
    SECTION("al-Bab, an alternate name of Al Bab") {
        CHECK(recognized("Rebels entered al-Bab after a long siege.") == std::vector<std::string>{"al-Bab"});
        const auto ms = parse("Rebels entered al-Bab after a long siege.");
        REQUIRE(surface(ms) == std::vector<std::string>{"al-Bab"});
        CHECK(place_id(ms[0]) == "geonames:1006");
    }
    SECTION("Bustan al-Qasr, the gazetteer's own spelling") {
        const auto ms = parse("Shells fell on Bustan al-Qasr and the streets around it.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Bustan al-Qasr"});
        CHECK(place_id(ms[0]) == "geonames:3004");
    }
}

TEST_CASE("alternate spellings name the same place", "[extract][recognizer]") {
    const auto ms = parse("Families returned to Daraya this week. Darayya was quiet, and the road to D\xC4\x81rayy\xC4\x81 reopened.");
    REQUIRE(surface(ms) == std::vector<std::string>{"Daraya", "Darayya", "D\xC4\x81rayy\xC4\x81"});
    for (const auto& m : ms) CHECK(place_id(m) == "geonames:1001");
    CHECK(ms[0].match == gazetteer::MatchKind::alternate);
    CHECK(ms[2].match == gazetteer::MatchKind::name);
}

TEST_CASE("a place name inside an organisation's name is no mention", "[extract][recognizer]") {
    SECTION("Aleppo Army, Syrian Observatory for Human Rights") {
        const std::string text =
            "A statement from the Aleppo Army was read out by a spokesman, and the Syrian Observatory for Human "
            "Rights counted the dead.";
        CHECK(parse(text).empty());
        CHECK(recognized(text).empty());
    }
    SECTION("the same place outside the organisation is one") {
        const auto ms = parse("A statement from the army in Aleppo was read out by a spokesman, and observers counted the dead.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Aleppo"});
        CHECK(place_id(ms[0]) == "geonames:1002");
    }
}

TEST_CASE("a local institution keeps its place", "[extract][recognizer]") {
    SECTION("the Aleppo City Council") {
        const auto ms = parse("Members of the Aleppo City Council met on Sunday to discuss the water supply.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Aleppo"});
        CHECK(place_id(ms[0]) == "geonames:1002");
    }
    SECTION("Damascus Police") {
        const auto ms = parse("Officers from the Damascus Police arrested two men on Sunday.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Damascus"});
        CHECK(place_id(ms[0]) == "geonames:1004");
    }
}

TEST_CASE("people's names are no mentions", "[extract][recognizer]") {
    SECTION("after a title") {
        CHECK(parse("The shop belongs to Mr. Jordan, who lives nearby.").empty());
        // the same word as a place, in the same text
        const auto ms = parse("The shop belongs to Mr. Jordan, who lives in Jordan with his family.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Jordan"});
        CHECK(ms[0].start == std::string("The shop belongs to Mr. Jordan, who lives in ").size());
    }
    SECTION("a surname met earlier after a given name") {
        CHECK(parse("Bob Jordan opened a bakery in town last year. On Monday, Jordan closed the shop.").empty());
        // without the full name first, the lone word is the place
        const auto ms = parse("A new bakery opened in town last year. On Monday, Jordan closed the shop.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Jordan"});
        CHECK(place_id(ms[0]) == "geonames:3005");
    }
    SECTION("a word before a speech verb") {
        CHECK(parse("Jordan said the bakery would reopen after the holidays.").empty());
        // ... unless a capital speaks for its government
        const auto ms = parse("Damascus said the border would reopen after the holidays.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Damascus"});
    }
}

TEST_CASE("month and weekday names are never mentions", "[extract][recognizer]") {
    // The mini gazetteer has a town called March.
    REQUIRE_FALSE(testing::mini_geoparser().gaz.lookup("March").empty());
    CHECK(parse("In March the council met again on Friday, and in May it voted on the budget.").empty());
    CHECK(parse("They moved to March at the end of the year.").empty());
}

TEST_CASE("a common word needs a locative and no sentence start", "[extract][recognizer]") {
    REQUIRE_FALSE(testing::mini_geoparser().gaz.lookup("Reading").empty());
    SECTION("at a sentence start") {
        CHECK(parse("Reading the report, officials said little about the costs.").empty());
    }
    SECTION("after a locative preposition") {
        const auto ms = parse("She commutes to Reading every day by train.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Reading"});
        CHECK(place_id(ms[0]) == "geonames:3003");
    }
    SECTION("both in one text") {
        const auto ms = parse("Reading is a town with a busy station. Most people in Reading commute to work.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Reading"});
        CHECK(ms[0].start == std::string("Reading is a town with a busy station. Most people in ").size());
    }
    SECTION("without a locative") {
        CHECK(parse("The committee said Reading matters more than writing.").empty());
    }
}

TEST_CASE("acronyms in capitals are no mentions", "[extract][recognizer]") {
    REQUIRE_FALSE(testing::mini_geoparser().gaz.lookup("Sana").empty());  // an alternate name of Sanaa
    SECTION("a news agency") {
        CHECK(parse("SANA reported fighting near the airport on Monday.").empty());
        const auto ms = parse("Aid flights landed in Sana on Monday.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Sana"});
        CHECK(place_id(ms[0]) == "geonames:3007");
    }
    SECTION("a place name in capitals in running text") {
        CHECK(parse("Officials said that ALEPPO was calm overnight.").empty());
    }
    SECTION("but a headline in capitals names places") {
        const auto ms = parse("SHELLING HITS ALEPPO MARKET AGAIN\nResidents said the market was hit twice.");
        REQUIRE(surface(ms) == std::vector<std::string>{"ALEPPO"});
        CHECK(place_id(ms[0]) == "geonames:1002");
    }
}

TEST_CASE("a lone name in a Title Case headline needs support", "[extract][recognizer]") {
    SECTION("named again in the body") {
        const auto ms = parse("Manbij Residents Return Home After Fighting\nFamilies went back to Manbij on Monday.");
        CHECK(surface(ms) == std::vector<std::string>{"Manbij", "Manbij"});
    }
    SECTION("not named in the body") {
        CHECK(parse("Manbij Residents Return Home After Fighting\nFamilies went back on Monday.").empty());
    }
    SECTION("after a locative in the headline") {
        const auto ms = parse("Rebels Retake Villages Near Manbij\nFighting went on all night.");
        CHECK(surface(ms) == std::vector<std::string>{"Manbij"});
    }
}

TEST_CASE("a demonym is a mention of kind demonym", "[extract][recognizer]") {
    SECTION("the Syrian army") {
        const auto ms = parse("Units of the Syrian army advanced on the town at dawn.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Syrian"});
        CHECK(ms[0].kind == MentionKind::demonym);
        CHECK(place_id(ms[0]) == "geonames:9001");
        CHECK(ms[0].match == gazetteer::MatchKind::demonym);
        CHECK(ms[0].qualifier.empty());
    }
    SECTION("a country's own name is literal") {
        const auto ms = parse("Units of the army advanced across Syria at dawn.");
        REQUIRE(surface(ms) == std::vector<std::string>{"Syria"});
        CHECK(ms[0].kind == MentionKind::literal);
        CHECK(place_id(ms[0]) == "geonames:9001");
    }
}

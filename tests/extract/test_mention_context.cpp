#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "extract/mention_context.hpp"
#include "extract/token.hpp"
#include "extract/mini_geoparser.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using extract::AdminLevel;
using extract::Compass;
using extract::Mention;
using extract::MentionKind;
using extract::Qualifier;
using extract::Surroundings;

namespace {

const extract::Lexicon& lexicon() {
    static const auto lx = extract::Lexicon::load(extract::Lexicon::default_dir());
    return lx;
}

// A text, its tokens and folded words, and the token range of one name in it.
struct Context {
    std::string text;
    std::vector<extract::Token> tokens;
    extract::FoldedTokens folded;
    std::size_t first = 0, last = 0;

    // `name` is the first occurrence of that text (whole tokens).
    Context(std::string t, const std::string& name) : text(std::move(t)) {
        tokens = extract::tokenize(text);
        folded = extract::fold_tokens(text, tokens);
        const auto at = text.find(name);
        REQUIRE(at != std::string::npos);
        bool found_first = false, found_last = false;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].start == at) first = i, found_first = true;
            if (tokens[i].end == at + name.size()) last = i, found_last = true;
        }
        REQUIRE(found_first);
        REQUIRE(found_last);
    }
    Qualifier qualifier() const { return extract::find_qualifier(text, tokens, folded, first, last, lexicon()); }
    bool comparison() const { return extract::is_comparison(tokens, folded, first, lexicon()); }
    bool statement_subject() const {
        return extract::is_subject_of_statement(text, tokens, folded, first, last, lexicon());
    }
};

Qualifier qualifier_of(const std::string& text, const std::string& name) { return Context(text, name).qualifier(); }

// The geoparser on the mini gazetteer, for the kinds it assigns.
std::vector<Mention> parse(const std::string& text) { return testing::mini_geoparser().parse(text); }

const Mention& only(const std::vector<Mention>& ms, const std::string& text) {
    const Mention* found = nullptr;
    for (const auto& m : ms) {
        if (m.text == text) {
            REQUIRE(found == nullptr);
            found = &m;
        }
    }
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("a compass word before a name gives the part of the place", "[extract][mention_context]") {
    SECTION("eastern") {
        const auto q = qualifier_of("Jets struck eastern Aleppo overnight.", "Aleppo");
        CHECK(q.compass == Compass::east);
        CHECK(q.surroundings == Surroundings::none);
        CHECK(q.level == AdminLevel::none);
        CHECK(q.to_string() == "east");
    }
    SECTION("east") { CHECK(qualifier_of("Jets struck east Aleppo overnight.", "Aleppo").compass == Compass::east); }
    SECTION("west") { CHECK(qualifier_of("Jets struck west Aleppo overnight.", "Aleppo").compass == Compass::west); }
    SECTION("northwest") {
        const auto q = qualifier_of("Rebels hold northwest Idlib.", "Idlib");
        CHECK(q.compass == Compass::northwest);
        CHECK(q.to_string() == "northwest");
    }
    SECTION("southern") { CHECK(qualifier_of("Rain fell on southern Idlib.", "Idlib").compass == Compass::south); }
    SECTION("the western parts of") {
        const auto q = qualifier_of("Clashes hit the western parts of Aleppo.", "Aleppo");
        CHECK(q.compass == Compass::west);
        CHECK(q.surroundings == Surroundings::none);
    }
    SECTION("the east of: a part, not the surroundings") {
        const auto q = qualifier_of("Clashes in the east of Aleppo.", "Aleppo");
        CHECK(q.compass == Compass::east);
        CHECK(q.surroundings == Surroundings::none);
    }
    SECTION("a possessive before a compass word") {
        const auto q = qualifier_of("Aleppo's eastern countryside burned.", "Aleppo");
        CHECK(q.compass == Compass::east);
        CHECK(q.surroundings == Surroundings::countryside);
        CHECK(q.to_string() == "countryside east");
    }
}

// extract/data/compass.txt lists two-word forms ("north west", "south eastern"; "north-west" folds
// to "north west"), but find_qualifier() looks up only the one word before the name.
TEST_CASE("a compass word of two parts gives the combined direction", "[extract][mention_context]") {
    SECTION("north-west") {
        CHECK(qualifier_of("Rebels hold north-west Idlib after the offensive.", "Idlib").compass == Compass::northwest);
    }
    SECTION("north west") {
        CHECK(qualifier_of("Rebels hold north west Idlib after the offensive.", "Idlib").compass == Compass::northwest);
    }
    SECTION("south-eastern") {
        CHECK(qualifier_of("Jets hit south-eastern Aleppo at dawn.", "Aleppo").compass == Compass::southeast);
    }
}

TEST_CASE("an administrative word asks for a level", "[extract][mention_context]") {
    SECTION("X province") {
        const auto q = qualifier_of("Shelling hit Aleppo province again.", "Aleppo");
        CHECK(q.level == AdminLevel::admin1);
        CHECK(q.compass == Compass::none);
        CHECK(q.to_string() == "province");
    }
    SECTION("X Governorate") {
        CHECK(qualifier_of("Shelling hit Idlib Governorate again.", "Idlib").level == AdminLevel::admin1);
    }
    SECTION("the province of X") {
        CHECK(qualifier_of("Troops entered the province of Idlib.", "Idlib").level == AdminLevel::admin1);
    }
    SECTION("X district") {
        const auto q = qualifier_of("Aid reached Manbij district today.", "Manbij");
        CHECK(q.level == AdminLevel::admin2);
        CHECK(q.to_string() == "district");
    }
    SECTION("X city") { CHECK(qualifier_of("Water returned to Idlib city today.", "Idlib").level == AdminLevel::city); }
    SECTION("no such word") { CHECK(qualifier_of("Water returned to Idlib today.", "Idlib").empty()); }
}

TEST_CASE("words around a name place it in the surroundings", "[extract][mention_context]") {
    SECTION("the outskirts of X") {
        const auto q = qualifier_of("Troops reached the outskirts of Aleppo.", "Aleppo");
        CHECK(q.surroundings == Surroundings::outskirts);
        CHECK(q.compass == Compass::none);
        CHECK(q.to_string() == "outskirts");
    }
    SECTION("a suburb of X") {
        const auto q = qualifier_of("Daraya is a suburb of Damascus.", "Damascus");
        CHECK(q.surroundings == Surroundings::suburb);
        CHECK(q.to_string() == "suburb");
    }
    SECTION("the countryside west of X") {
        const auto q = qualifier_of("Fighting raged in the countryside west of Aleppo.", "Aleppo");
        CHECK(q.surroundings == Surroundings::countryside);
        CHECK(q.compass == Compass::west);
        CHECK(q.to_string() == "countryside west");
    }
    SECTION("west of X: outside it") {
        const auto q = qualifier_of("A camp west of Manbij filled up.", "Manbij");
        CHECK(q.surroundings == Surroundings::near);
        CHECK(q.compass == Compass::west);
    }
    SECTION("near X") {
        const auto q = qualifier_of("A camp near Manbij filled up.", "Manbij");
        CHECK(q.surroundings == Surroundings::near);
        CHECK(q.compass == Compass::none);
        CHECK(q.to_string() == "near");
    }
    SECTION("outside X") { CHECK(qualifier_of("A camp outside Manbij filled up.", "Manbij").surroundings == Surroundings::near); }
    SECTION("in X: nothing") { CHECK(qualifier_of("A camp in Manbij filled up.", "Manbij").empty()); }
}

TEST_CASE("qualifiers reach the geoparser's mentions", "[extract][mention_context]") {
    const auto ms = parse("Troops reached the outskirts of Aleppo while jets struck northwest Idlib and a camp near Manbij.");
    CHECK(only(ms, "Aleppo").qualifier.surroundings == Surroundings::outskirts);
    CHECK(only(ms, "Idlib").qualifier.compass == Compass::northwest);
    CHECK(only(ms, "Manbij").qualifier.surroundings == Surroundings::near);
    SECTION("a multi-word name reads the words around the whole name") {
        const auto ny = parse("Snow fell on the outskirts of New York City overnight.");
        CHECK(only(ny, "New York City").qualifier.surroundings == Surroundings::outskirts);
    }
}

TEST_CASE("a place where something happens is literal", "[extract][mention_context]") {
    const auto ms = parse("Shelling hit Aleppo again on Monday, and families fled toward Damascus.");
    CHECK(only(ms, "Aleppo").kind == MentionKind::literal);
    CHECK(only(ms, "Damascus").kind == MentionKind::literal);
}

TEST_CASE("a capital as the subject of a statement is metonymic", "[extract][mention_context]") {
    SECTION("Moscow and Damascus have rejected") {
        const std::string text = "Moscow and Damascus have rejected the proposal for a ceasefire.";
        CHECK(Context(text, "Moscow").statement_subject());
        CHECK(Context(text, "Damascus").statement_subject());
        const auto ms = parse(text);
        CHECK(only(ms, "Moscow").kind == MentionKind::metonymic);
        CHECK(only(ms, "Damascus").kind == MentionKind::metonymic);
        CHECK(only(ms, "Moscow").place->place_id == "geonames:3001");
    }
    SECTION("Washington announced") {
        const auto ms = parse("Washington announced new sanctions on Monday.");
        CHECK(only(ms, "Washington").kind == MentionKind::metonymic);
        CHECK(only(ms, "Washington").place->place_id == "geonames:1026");
    }
    SECTION("a city that is no capital stays literal") {
        CHECK(Context("Aleppo announced a curfew for the weekend.", "Aleppo").statement_subject());
        CHECK(only(parse("Aleppo announced a curfew for the weekend."), "Aleppo").kind == MentionKind::literal);
    }
    SECTION("a capital after a locative is where the speaker is") {
        const std::string text = "Officials in Washington announced new sanctions.";
        CHECK_FALSE(Context(text, "Washington").statement_subject());
        CHECK(only(parse(text), "Washington").kind == MentionKind::literal);
    }
    SECTION("a capital followed by no verb") {
        const std::string text = "Damascus airport reopened on Monday.";
        CHECK_FALSE(Context(text, "Damascus").statement_subject());
    }
}

TEST_CASE("a name used as a comparison is historical", "[extract][mention_context]") {
    SECTION("the equivalent of Stalingrad") {
        const std::string text = "Critics called the siege the equivalent of Stalingrad for the rebels.";
        CHECK(Context(text, "Stalingrad").comparison());
        const auto& m = only(parse(text), "Stalingrad");
        CHECK(m.kind == MentionKind::historical);
        REQUIRE(m.place);
        CHECK(m.place->place_id == "geonames:3002");  // Volgograd, by an alternate name
        CHECK(m.match == gazetteer::MatchKind::alternate);
    }
    SECTION("another X") {
        const std::string text = "Nobody in the region wants another Aleppo.";
        CHECK(Context(text, "Aleppo").comparison());
        CHECK(only(parse(text), "Aleppo").kind == MentionKind::historical);
    }
    SECTION("a cue of three words") {
        const std::string text = "Critics call the siege a modern day Stalingrad for the rebels.";
        CHECK(Context(text, "Stalingrad").comparison());
        CHECK(only(parse(text), "Stalingrad").kind == MentionKind::historical);
    }
    SECTION("not without a cue") {
        const std::string text = "Veterans gathered in Stalingrad for the anniversary.";
        CHECK_FALSE(Context(text, "Stalingrad").comparison());
        CHECK(only(parse(text), "Stalingrad").kind == MentionKind::literal);
    }
}

// extract/data/historical_cues.txt holds "a modern day", the folded form of "a modern-day"; but
// is_comparison() stops at the hyphen token between "modern" and "day".
TEST_CASE("a hyphenated comparison cue makes a name historical", "[extract][mention_context]") {
    const std::string text = "Critics call the siege a modern-day Stalingrad for the rebels.";
    CHECK(Context(text, "Stalingrad").comparison());
    CHECK(only(parse(text), "Stalingrad").kind == MentionKind::historical);
}

TEST_CASE("a demonym is of kind demonym and carries no qualifier", "[extract][mention_context]") {
    // "eastern Syrian towns": the compass word qualifies the towns, not Syria
    const auto& m = only(parse("Jets struck eastern Syrian towns overnight, residents reported."), "Syrian");
    CHECK(m.kind == MentionKind::demonym);
    CHECK(m.qualifier.empty());
    REQUIRE(m.place);
    CHECK(m.place->feature_code == "PCLI");
}

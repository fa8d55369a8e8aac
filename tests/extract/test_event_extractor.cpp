#include <catch2/catch.hpp>

#include <algorithm>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extract/casualty_counts.hpp"
#include "extract/event_extractor.hpp"
#include "extract/event_test_helpers.hpp"
#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "extract/mini_geoparser.hpp"
#include "fixtures.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using extract::Event;
using testing::check_type;
using testing::describe;
using testing::extract_from;
using testing::only_event;

namespace {

extract::Document document(const std::string& text, const std::string& published = "2016-11-20", const std::string& id = "doc-a") {
    return testing::event_document(text, published, id);
}

}  // namespace

TEST_CASE("each trigger family gives its ACLED event type and sub-event type", "[extract][events]") {
    SECTION("air strikes") {
        check_type("Warplanes bombed Manbij on Saturday.", "Explosions/Remote violence", "Air/drone strike");
        check_type("Barrel bombs fell on Al Bab on Saturday.", "Explosions/Remote violence", "Air/drone strike");
        check_type("An air-strike hit Manbij on Saturday.", "Explosions/Remote violence", "Air/drone strike");
    }
    SECTION("shelling") {
        check_type("Mortars landed in Manbij on Saturday.", "Explosions/Remote violence", "Shelling/artillery/missile attack");
        check_type("Artillery pounded Al Bab on Saturday.", "Explosions/Remote violence", "Shelling/artillery/missile attack");
    }
    SECTION("clashes") {
        check_type("Heavy clashes erupted in Al Bab on Saturday.", "Battles", "Armed clash");
        check_type("Fighting went on in Manbij all day.", "Battles", "Armed clash");
    }
    SECTION("territory taken: by government forces or by others") {
        const auto gov = only_event("Government forces captured Manbij on Saturday.");
        CHECK(gov.event_type == "Battles");
        CHECK(gov.sub_event_type == "Government regains territory");
        CHECK(gov.actor1 == "Military Forces of Syria");
        const auto rebels = only_event("Rebels captured Manbij on Saturday.");
        CHECK(rebels.sub_event_type == "Non-state actor overtakes territory");
        CHECK(rebels.actor1 == "Rebel groups");
        const auto is = only_event("Islamic State fighters seized Al Bab on Saturday.");
        CHECK(is.sub_event_type == "Non-state actor overtakes territory");
        CHECK(is.actor1 == "Islamic State");
    }
    SECTION("transfer of territory and agreements") {
        check_type("The last fighters were evacuated from Manbij on Saturday.", "Strategic developments",
                   "Non-violent transfer of territory");
        check_type("The fighters left the town under a deal with Manbij elders on Saturday.", "Strategic developments",
                   "Non-violent transfer of territory");
        check_type("A truce took hold in Al Bab on Saturday.", "Strategic developments", "Agreement");
    }
    SECTION("protests") {
        check_type("Hundreds of demonstrators marched in Manbij on Saturday.", "Protests", "Peaceful protest");
    }
    SECTION("violence against civilians: civilians are actor2, never actor1") {
        const auto e = only_event("Civilians were executed by Islamic State in Al Bab on Saturday.");
        CHECK(e.event_type == "Violence against civilians");
        CHECK(e.sub_event_type == "Attack");
        CHECK(e.actor1 == "Islamic State");
        CHECK(e.actor2 == "Civilians");
        const auto massacre = only_event("Survivors described a massacre in Manbij on Saturday.");
        CHECK(massacre.event_type == "Violence against civilians");
        CHECK(massacre.actor1.empty());
        CHECK(massacre.actor2 == "Civilians");
    }
    SECTION("diplomacy") {
        check_type("The foreign minister visited Damascus on Saturday.", "Strategic developments", "Other");
    }
    SECTION("a sentence without a trigger gives no event") {
        CHECK(extract_from("Manbij is a town in northern Syria.").empty());
    }
}

TEST_CASE("the most specific, most violent trigger of a sentence wins", "[extract][events]") {
    SECTION("air strikes before shelling") {
        check_type("Air strikes and shelling hit Al Bab on Saturday.", "Explosions/Remote violence", "Air/drone strike");
    }
    SECTION("shelling before air strikes") {
        check_type("Shelling and air strikes hit Al Bab on Saturday.", "Explosions/Remote violence", "Air/drone strike");
    }
    SECTION("shelling beats clashes") {
        check_type("Clashes and shelling shook Al Bab on Saturday.", "Explosions/Remote violence",
                   "Shelling/artillery/missile attack");
    }
}

TEST_CASE("a trigger after a cancel cue is no event", "[extract][events]") {
    CHECK(extract_from("No fighting was reported in Manbij on Saturday.").empty());
    CHECK(extract_from("Rebels threatened to fire rockets at Manbij.").empty());
    CHECK(extract_from("Rebels fired rockets at Manbij.").size() == 1);
}

TEST_CASE("only literal mentions are event places", "[extract][events]") {
    SECTION("a capital standing for its government") {
        CHECK(extract_from("Moscow rejected the truce on Saturday.").empty());
    }
    SECTION("a metonymic sentence does not borrow the previous sentence's place") {
        const auto events = extract_from("Warplanes bombed Manbij on Saturday. Moscow rejected the truce on Sunday.");
        INFO(describe(events));
        REQUIRE(events.size() == 1);
        CHECK(events[0].sub_event_type == "Air/drone strike");
    }
    SECTION("a demonym") {
        CHECK(extract_from("Russian warplanes were seen on Saturday.").empty());
    }
    SECTION("a comparison") {
        CHECK(extract_from("Critics called the bombing the equivalent of Stalingrad.").empty());
    }
    SECTION("the literal mention in the same sentence as a metonymic one") {
        const auto e = only_event("Moscow said its warplanes bombed Manbij on Saturday.");
        CHECK(e.place.place_id == "geonames:1005");
    }
}

TEST_CASE("the event's place is the literal mention nearest the trigger", "[extract][events]") {
    SECTION("nearest of two") {
        const auto e = only_event("A convoy left Damascus on Saturday morning, hours before air strikes hit Manbij.");
        CHECK(e.place.place_id == "geonames:1005");
        CHECK(e.location_mention == "Manbij");
    }
    SECTION("a sentence with no mention borrows the previous sentence's only place") {
        const auto events = extract_from("Warplanes bombed Manbij on Saturday. Shelling killed three people.");
        INFO(describe(events));
        REQUIRE(events.size() == 2);
        CHECK(events[1].sub_event_type == "Shelling/artillery/missile attack");
        CHECK(events[1].place.place_id == "geonames:1005");
        CHECK(events[1].confidence < events[0].confidence);
    }
    SECTION("but not when the previous sentence had two places") {
        const auto events = extract_from("Warplanes bombed Manbij and Al Bab on Saturday. Shelling killed three people.");
        INFO(describe(events));
        REQUIRE(events.size() == 1);
        CHECK(events[0].sub_event_type == "Air/drone strike");
    }
}

TEST_CASE("location mention and precision follow the qualifier and the kind of place", "[extract][events]") {
    SECTION("a town") {
        const auto e = only_event("Shelling hit Manbij on Saturday.");
        CHECK(e.location_mention == "Manbij");
        CHECK(e.qualifier.empty());
        CHECK(e.geo_precision == 1);
        CHECK(e.where_prec == 1);
    }
    SECTION("a compass part of a city") {
        const auto e = only_event("Shelling hit eastern Aleppo on Saturday.");
        CHECK(e.place.place_id == "geonames:1002");
        CHECK(e.location_mention == "eastern Aleppo");
        CHECK(e.qualifier.compass == extract::Compass::east);
        CHECK(e.geo_precision == 1);
        CHECK(e.where_prec == 2);
    }
    SECTION("the outskirts of a town") {
        const auto e = only_event("Shelling hit the outskirts of Manbij on Saturday.");
        CHECK(e.location_mention == "outskirts of Manbij");
        CHECK(e.geo_precision == 2);
        CHECK(e.where_prec == 2);
    }
    SECTION("a first-level division") {
        const auto e = only_event("Shelling in Idlib province killed four people on Saturday.");
        CHECK(e.place.place_id == "adm1:SY.12");
        CHECK(e.location_mention == "Idlib province");
        CHECK(e.geo_precision == 3);
        CHECK(e.where_prec == 4);
    }
    SECTION("a country") {
        const auto e = only_event("Air strikes hit targets across Syria on Saturday.");
        CHECK(e.place.feature_code == "PCLI");
        CHECK(e.geo_precision == 3);
        CHECK(e.where_prec == 6);
    }
}

TEST_CASE("dates are read relative to publication, never invented", "[extract][events]") {
    SECTION("a weekday before publication") {
        const auto e = only_event("Warplanes bombed Manbij on Saturday.", "2016-11-20");
        REQUIRE(e.date);
        CHECK(e.date->start == extract::CivilDate{2016, 11, 19});
        CHECK(e.date->end == extract::CivilDate{2016, 11, 19});
        CHECK(e.date->precision == extract::TimePrecision::day);
    }
    SECTION("a weekday without publication date") {
        const auto e = only_event("Warplanes bombed Manbij on Saturday.", "");
        CHECK_FALSE(e.date);
    }
    SECTION("an absolute date without publication date") {
        const auto e = only_event("Warplanes bombed Manbij on 12 November 2016.", "");
        REQUIRE(e.date);
        CHECK(e.date->start == extract::CivilDate{2016, 11, 12});
    }
    SECTION("an undated sentence takes the story's date") {
        const auto events = extract_from("Warplanes bombed Manbij on Saturday. Shelling hit Al Bab.");
        INFO(describe(events));
        REQUIRE(events.size() == 2);
        REQUIRE(events[1].date);
        CHECK(events[1].date->start == extract::CivilDate{2016, 11, 19});
    }
    SECTION("the story's date is that of the last earlier sentence naming one, with or without an event") {
        const auto events =
            extract_from("Warplanes bombed Manbij on Saturday. Officials met on Monday to talk about aid. Shelling hit Al Bab.");
        INFO(describe(events));
        REQUIRE(events.size() == 2);
        REQUIRE(events[1].date);
        CHECK(events[1].date->start == extract::CivilDate{2016, 11, 14});
    }
    SECTION("the story's date reaches back over several undated sentences") {
        const auto events = extract_from(
            "On Saturday warplanes bombed Manbij. Aid was blocked. Roads were closed. Shelling hit Al Bab. Mortars fell on Idlib.");
        INFO(describe(events));
        REQUIRE(events.size() == 3);
        for (const auto& e : events) {
            REQUIRE(e.date);
            CHECK(e.date->start == extract::CivilDate{2016, 11, 19});
        }
    }
    SECTION("an undated story: the week up to publication") {
        const auto e = only_event("Warplanes bombed Manbij.", "2016-11-20");
        REQUIRE(e.date);
        CHECK(e.date->start == extract::CivilDate{2016, 11, 14});
        CHECK(e.date->end == extract::CivilDate{2016, 11, 20});
        CHECK(e.date->precision == extract::TimePrecision::week);
        CHECK_FALSE(only_event("Warplanes bombed Manbij.", "").date);
    }
}

TEST_CASE("casualties of the sentence are attached to its event", "[extract][events]") {
    SECTION("killed and wounded") {
        const auto e = only_event("Air strikes killed at least 12 people and wounded 30 in Manbij on Saturday.");
        CHECK(e.fatalities == std::optional<std::int64_t>(12));
        CHECK(e.injured == std::optional<std::int64_t>(30));
        CHECK_FALSE(e.fatalities_total_over_days);
    }
    SECTION("a total over days") {
        const auto e = only_event("Shelling has killed 40 people in Manbij since Tuesday.");
        CHECK(e.fatalities == std::optional<std::int64_t>(40));
        CHECK(e.fatalities_total_over_days);
    }
    SECTION("none reported") {
        const auto e = only_event("Shelling hit Manbij on Saturday.");
        CHECK_FALSE(e.fatalities);
        CHECK_FALSE(e.injured);
    }
}

TEST_CASE("envoy talks are a strategic development at the talks' place, never an air strike", "[extract][events]") {
    const auto e = only_event("The UN envoy held talks in Geneva on Saturday on ending air strikes on Aleppo.");
    CHECK(e.event_type == "Strategic developments");
    CHECK(e.sub_event_type == "Other");
    CHECK(e.place.place_id == "geonames:1011");
    CHECK(e.actor1 == "United Nations");
}

TEST_CASE("the source names the article and the sentence in code points", "[extract][events]") {
    const std::string text = "Dārayyā was quiet. Warplanes bombed Manbij on Saturday.";
    const auto events = extract_from(document(text));
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].sources.size() == 1);
    const auto& s = events[0].sources[0];
    CHECK(s.doc_id == "doc-a");
    CHECK(s.url == "https://example.org/doc-a");
    CHECK(s.title == "Title of doc-a");
    CHECK(s.source == "Example News");
    CHECK(s.evidence_text == "Warplanes bombed Manbij on Saturday.");
    CHECK(s.evidence_start == 19);  // "Dārayyā was quiet. " is 19 code points (21 bytes)
    CHECK(s.evidence_end == 55);
}

TEST_CASE("event ids are stable and tell events apart", "[extract][events]") {
    const auto a = only_event("Warplanes bombed Manbij on Saturday.");
    const auto again = only_event("Jets bombed Manbij on Saturday, residents said.");
    const auto other_day = only_event("Warplanes bombed Manbij on Friday.");
    const auto other_place = only_event("Warplanes bombed Al Bab on Saturday.");
    const auto other_type = only_event("Shelling hit Manbij on Saturday.");
    CHECK(a.event_id.size() == 16);
    CHECK(a.event_id == again.event_id);
    CHECK(a.event_id != other_day.event_id);
    CHECK(a.event_id != other_place.event_id);
    CHECK(a.event_id != other_type.event_id);
}

TEST_CASE("one event reported by two articles merges into one with both sources", "[extract][events]") {
    auto first = extract_from(document("Air strikes killed at least 12 people in Manbij on Saturday.", "2016-11-20", "doc-b"));
    auto second = extract_from(document("Warplanes killed 15 people in Manbij on Saturday, activists said.", "2016-11-21", "doc-a"));
    REQUIRE(first.size() == 1);
    REQUIRE(second.size() == 1);
    REQUIRE(first[0].event_id == second[0].event_id);
    std::vector<Event> all = first;
    all.insert(all.end(), second.begin(), second.end());
    all.insert(all.end(), first.begin(), first.end());  // the same report twice
    const auto merged = extract::merge_events(all);
    REQUIRE(merged.size() == 1);
    REQUIRE(merged[0].sources.size() == 2);
    CHECK(merged[0].sources[0].doc_id == "doc-a");
    CHECK(merged[0].sources[1].doc_id == "doc-b");
    CHECK(merged[0].fatalities == std::optional<std::int64_t>(12));

    SECTION("events with other ids stay apart") {
        auto other = extract_from(document("Shelling hit Al Bab on Saturday.", "2016-11-20", "doc-c"));
        all.insert(all.end(), other.begin(), other.end());
        const auto two = extract::merge_events(all);
        REQUIRE(two.size() == 2);
        CHECK(two[1].sources.size() == 1);
        CHECK(two[1].sources[0].doc_id == "doc-c");
    }
}

TEST_CASE("the event lexicon rejects malformed lists, naming the file", "[extract][events]") {
    testing::TempDir dir;
    const auto write_all = [&](const std::string& triggers, const std::string& actors) {
        testing::write_file(dir / "event_triggers.tsv", triggers);
        testing::write_file(dir / "actors.tsv", actors);
        testing::write_file(dir / "event_cancel_cues.txt", "no\n");
        testing::write_file(dir / "event_place_prepositions.txt", "in\tall\nfrom\ttowns\n");
    };
    const std::string good_trigger = "shelling\tExplosions/Remote violence\tShelling/artillery/missile attack\t85\n";
    const std::string good_actor = "rebels\tRebel groups\tnon_state\n";
    SECTION("well-formed lists load") {
        write_all(good_trigger, good_actor);
        const auto lex = extract::EventLexicon::load(dir.path());
        REQUIRE(lex.trigger("shelling"));
        CHECK(lex.trigger("shelling")->precedence == 85);
        REQUIRE(lex.actor("rebels"));
        CHECK(lex.actor("rebels")->name == "Rebel groups");
        CHECK(lex.is_cancel_cue("no"));
        CHECK(lex.place_preposition("in") == extract::EventLexicon::PlaceScope::all);
        CHECK(lex.place_preposition("from") == extract::EventLexicon::PlaceScope::towns);
        CHECK(lex.place_preposition("with") == extract::EventLexicon::PlaceScope::none);
    }
    SECTION("a preposition scope that is not all or towns") {
        write_all(good_trigger, good_actor);
        testing::write_file(dir / "event_place_prepositions.txt", "in\teverywhere\n");
        CHECK_THROWS_WITH(extract::EventLexicon::load(dir.path()), Catch::Contains("event_place_prepositions.txt:1"));
    }
    SECTION("an unknown event type") {
        write_all("shelling\tExplosions\tShelling/artillery/missile attack\t85\n", good_actor);
        CHECK_THROWS_AS(extract::EventLexicon::load(dir.path()), gazetteer::InputError);
    }
    SECTION("a sub-event type of another event type") {
        write_all("shelling\tBattles\tShelling/artillery/missile attack\t85\n", good_actor);
        CHECK_THROWS_WITH(extract::EventLexicon::load(dir.path()), Catch::Contains("event_triggers.tsv"));
    }
    SECTION("a precedence that is no number") {
        write_all("shelling\tExplosions/Remote violence\tShelling/artillery/missile attack\thigh\n", good_actor);
        CHECK_THROWS_AS(extract::EventLexicon::load(dir.path()), gazetteer::InputError);
    }
    SECTION("an unknown actor kind") {
        write_all(good_trigger, "rebels\tRebel groups\tfriendly\n");
        CHECK_THROWS_WITH(extract::EventLexicon::load(dir.path()), Catch::Contains("actors.tsv"));
    }
    SECTION("a phrase listed twice") {
        write_all(good_trigger + good_trigger, good_actor);
        CHECK_THROWS_AS(extract::EventLexicon::load(dir.path()), gazetteer::InputError);
    }
}

TEST_CASE("an event whose words another event's overlap reads its own sentence, not the next", "[extract][events]") {
    // The talks (trigger at the end, place at the start) reach back over the shelling of Idlib,
    // so the shelling's part of the sentence has no words of its own: it takes the sentence, and
    // never the count and date of the sentence after.
    const auto events = extract_from("In Geneva, shelling of Idlib overshadowed talks. Officials said 40 people died on 3 October.",
                                     "2016-11-20");
    INFO(describe(events));
    REQUIRE(events.size() == 2);
    const auto shelling = std::find_if(events.begin(), events.end(), [](const extract::Event& e) {
        return e.sub_event_type == "Shelling/artillery/missile attack";
    });
    REQUIRE(shelling != events.end());
    CHECK(shelling->place.place_id == "geonames:1003");
    CHECK_FALSE(shelling->fatalities.has_value());
    REQUIRE(shelling->date.has_value());
    CHECK(shelling->date->start.to_iso() != "2016-10-03");
    // the same sentence last in its article: nothing read past its words (ASan builds check)
    const auto alone = extract_from("In Geneva, shelling of Idlib overshadowed talks.", "2016-11-20");
    INFO(describe(alone));
    CHECK(alone.size() == 2);
}

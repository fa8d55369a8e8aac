// Where events happen: countries as actors, containers, several events in one sentence,
// diplomacy at the place a preposition names. Sentences are the project's own, on the fixture
// gazetteer (tests/fixtures/geonames).
#include <catch2/catch.hpp>

#include "extract/event_test_helpers.hpp"

using extract::Event;
using testing::describe;
using testing::extract_from;
using testing::only_event;

namespace {

constexpr const char* kAleppo = "geonames:1002";
constexpr const char* kDamascus = "geonames:1004";
constexpr const char* kManbij = "geonames:1005";

bool any_at(const std::vector<Event>& events, std::string_view place_id) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.place.place_id == place_id; });
}

}  // namespace

TEST_CASE("a country named without a place preposition is an actor, not a place", "[extract][events][places]") {
    SECTION("the subject of a sentence") {
        const auto events = extract_from("The United States and Syria held talks on Saturday.");
        INFO(describe(events));
        CHECK(events.empty());
    }
    SECTION("after 'by' or 'with'") {
        CHECK(extract_from("A truce drafted by the United States was signed on Saturday.").empty());
        CHECK(extract_from("Negotiations with the United States resumed on Saturday.").empty());
    }
    SECTION("after 'in' or 'across' it is a place") {
        const auto e = only_event("Fighting raged across Syria on Saturday.");
        CHECK(e.place.feature_code == "PCLI");
        CHECK(e.geo_precision == 3);
    }
    SECTION("a compass part of a country is a place") {
        const auto e = only_event("Air strikes hit eastern Syria on Saturday.");
        CHECK(e.place.feature_code == "PCLI");
        CHECK(e.where_prec == 5);
    }
    SECTION("where a source is based is not where the event happened") {
        CHECK(extract_from("A monitoring group based in Syria said the strikes were the heaviest in weeks.").empty());
    }
    SECTION("the country does not take the event from the town in the same sentence") {
        const auto e = only_event("The United States condemned the shelling of Manbij on Saturday.");
        CHECK(e.place.place_id == kManbij);
    }
}

TEST_CASE("the most specific of nested places carries the event", "[extract][events][places]") {
    SECTION("a town and its country") {
        const auto e = only_event("Shelling hit Manbij in northern Syria on Saturday.");
        CHECK(e.place.place_id == kManbij);
    }
    SECTION("a suburb named as part of the city") {
        const auto e = only_event("Rebels surrendered Darayya, a suburb of Damascus, in August.");
        CHECK(e.place.place_id == "geonames:1001");
        CHECK(e.sub_event_type == "Non-violent transfer of territory");
        REQUIRE(e.date);
        CHECK(e.date->start.to_iso() == "2016-08-01");
        CHECK(e.date->precision == extract::TimePrecision::month);
    }
    SECTION("a district and its city") {
        const auto e = only_event("Strikes set fire to the district of Bustan al-Qasr in Aleppo on Wednesday.");
        CHECK(e.place.place_id == "geonames:3004");
        CHECK(e.sub_event_type == "Air/drone strike");
    }
    SECTION("two towns far apart are not nested: the nearer one") {
        const auto e = only_event("Convoys from Damascus waited while shelling hit Aleppo on Saturday.");
        CHECK(e.place.place_id == kAleppo);
    }
}

TEST_CASE("a sentence can report several events at several places", "[extract][events][places]") {
    SECTION("air strikes on one part of a city, shelling of another") {
        const auto events =
            extract_from("Air strikes pounded eastern Aleppo on Sunday and rebels answered by shelling the western parts of Aleppo.");
        INFO(describe(events));
        REQUIRE(events.size() == 2);
        CHECK(events[0].sub_event_type == "Air/drone strike");
        CHECK(events[0].location_mention == "eastern Aleppo");
        CHECK(events[1].sub_event_type == "Shelling/artillery/missile attack");
        CHECK(events[1].location_mention == "western Aleppo");
        CHECK(events[1].actor1 == "Rebel groups");
        for (const auto& e : events) {
            REQUIRE(e.date);
            CHECK(e.date->start.to_iso() == "2016-11-20");
        }
    }
    SECTION("each event keeps the count and the day of its own clause") {
        const auto events = extract_from(
            "Air strikes killed 12 people in Manbij on Friday, while shelling killed three people in Al Bab on Saturday.");
        INFO(describe(events));
        REQUIRE(events.size() == 2);
        CHECK(events[0].place.place_id == kManbij);
        CHECK(events[0].fatalities == 12);
        CHECK(events[0].date->start.to_iso() == "2016-11-18");
        CHECK(events[1].sub_event_type == "Shelling/artillery/missile attack");
        CHECK(events[1].fatalities == 3);
        CHECK(events[1].date->start.to_iso() == "2016-11-19");
    }
    SECTION("two triggers at one place make one event of the higher precedence") {
        const auto e = only_event("Clashes broke out in Manbij after warplanes bombed it on Saturday.");
        CHECK(e.sub_event_type == "Air/drone strike");
    }
}

TEST_CASE("a trigger far from every place makes no event there", "[extract][events][places]") {
    const auto events = extract_from(
        "Although air raids had gone on for days and nobody could say when they would stop or how many more "
        "families would have to leave their homes, the envoy still held talks in Damascus on Saturday.");
    INFO(describe(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].sub_event_type == "Other");
    CHECK(events[0].place.place_id == kDamascus);
}

TEST_CASE("diplomatic events happen where a preposition puts them", "[extract][events][places]") {
    SECTION("a press conference in a city") {
        const auto e = only_event("The envoy told a news conference in Geneva on Saturday that he was worried.");
        CHECK(e.sub_event_type == "Other");
        CHECK(e.place.country_code == "CH");
    }
    SECTION("not at the place the speaker talks about") {
        const auto events = extract_from("The minister said in a press conference that Aleppo would never be given up.");
        INFO(describe(events));
        CHECK_FALSE(any_at(events, kAleppo));
    }
    SECTION("a visit to a city, named as the object") {
        const auto e = only_event("The envoy visited Damascus on Saturday.");
        CHECK(e.place.place_id == kDamascus);
    }
    SECTION("a diplomatic sentence without a place does not borrow one") {
        const auto events = extract_from("Warplanes bombed Manbij on Saturday. Talks resumed on Sunday.");
        INFO(describe(events));
        REQUIRE(events.size() == 1);
        CHECK(events[0].sub_event_type == "Air/drone strike");
    }
}

TEST_CASE("a place nearer a cancelled trigger is not the place of another", "[extract][events][places]") {
    const auto events = extract_from("Envoys opened talks on Saturday on a plan to end the fighting in Aleppo.");
    INFO(describe(events));
    CHECK_FALSE(any_at(events, kAleppo));
}

TEST_CASE("names the gazetteer cannot resolve are kept in the event's notes", "[extract][events][places]") {
    // "Fairview" has sixteen equally likely namesakes in the fixture gazetteer: it stays unresolved.
    const auto e = only_event("Shelling hit the district of Fairview in Manbij on Saturday.");
    CHECK(e.place.place_id == kManbij);
    CHECK(e.notes == "trigger: Shelling; also named, not resolved: Fairview");
}

TEST_CASE("an event's notes name its trigger, a borrowed place and every unresolved name", "[extract][events][places]") {
    const auto events = extract_from("Warplanes struck Manbij on Saturday. Shelling followed at dawn.");
    INFO(describe(events));
    REQUIRE(events.size() == 2);
    CHECK(events[0].notes == "trigger: Warplanes");
    CHECK(events[1].notes == "trigger: Shelling; place from the previous sentence");
    const auto e = only_event("Shelling hit the district of Fairview and the district of Fairview in Manbij on Saturday.");
    CHECK(e.notes == "trigger: Shelling; also named, not resolved: Fairview, Fairview");
}

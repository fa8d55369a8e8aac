// Event coding without places: every ACLED sub-event type from a sentence of our own, through
// the shipped trigger and actor lists.
#include <catch2/catch.hpp>

#include "extract/event_coding.hpp"
#include "extract/event_test_helpers.hpp"

namespace {

std::string coded(const std::string& text) {
    const auto c = extract::classify_snippet(text, testing::event_lexicon());
    return c ? c->event_type + " / " + c->sub_event_type : std::string("None");
}

}  // namespace

TEST_CASE("every ACLED sub-event type is coded from a sentence", "[extract][events][coding]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Helicopter gunships strafed the ridge.", "Explosions/Remote violence / Air/drone strike"},
        {"Shells fell on the northern quarter.", "Explosions/Remote violence / Shelling/artillery/missile attack"},
        {"An IED hit the convoy south of the dam.", "Explosions/Remote violence / Remote explosive/landmine/IED"},
        {"A suicide car bomb struck the base gate.", "Explosions/Remote violence / Suicide bomb"},
        {"Medics reported a gas attack on the camp.", "Explosions/Remote violence / Chemical weapon"},
        {"A grenade went off in the bus depot.", "Explosions/Remote violence / Grenade"},
        {"The two militias clashed at the crossroads.", "Battles / Armed clash"},
        {"Government troops captured the old fort.", "Battles / Government regains territory"},
        {"Insurgents captured the old fort.", "Battles / Non-state actor overtakes territory"},
        {"Militiamen summarily executed the prisoners.", "Violence against civilians / Attack"},
        {"A doctor disappeared after the raid.", "Violence against civilians / Abduction/forced disappearance"},
        {"The report documents sexual violence in the camps.", "Violence against civilians / Sexual violence"},
        {"Nurses rallied in front of the clinic.", "Protests / Peaceful protest"},
        {"Riot police used tear gas on the marchers.", "Protests / Protest with intervention"},
        {"Soldiers fired on demonstrators near the palace.", "Protests / Excessive force against protesters"},
        {"Rioting spread to the eastern suburbs.", "Riots / Violent demonstration"},
        {"A mob attacked the tax office.", "Riots / Mob violence"},
        {"The parties signed an accord on prisoner swaps.", "Strategic developments / Agreement"},
        {"Police detained the organisers overnight.", "Strategic developments / Arrests"},
        {"A brigade commander defected with forty men.", "Strategic developments / Change to group/activity"},
        {"A missile was shot down over the bay.", "Explosions/Remote violence / Shelling/artillery/missile attack"},
        {"Bomb squads defused the device under the bridge.", "Strategic developments / Disrupted weapons use"},
        {"The group moved its headquarters to the valley.", "Strategic developments / Headquarters or base established"},
        {"Looting followed the retreat.", "Strategic developments / Looting/property destruction"},
        {"Fighters handed over the town to the army.", "Strategic developments / Non-violent transfer of territory"},
        {"The envoy met tribal leaders on Sunday.", "Strategic developments / Other"},
        {"The harvest festival drew large crowds.", "None"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(coded(text) == expected);
    }
}

TEST_CASE("a snippet is coded by its strongest live trigger", "[extract][events][coding]") {
    std::string trigger;
    const auto c = extract::classify_snippet("Talks stalled. Then warplanes bombed the depot and clashes followed.",
                                             testing::event_lexicon(), &trigger);
    REQUIRE(c);
    CHECK(c->sub_event_type == "Air/drone strike");
    CHECK(trigger == "warplanes");
    CHECK_FALSE(extract::classify_snippet("There was no shelling on Sunday.", testing::event_lexicon()));
}

TEST_CASE("live_triggers hands out the sentence's actors for code_event", "[extract][events][coding]") {
    const auto& lex = testing::event_lexicon();
    const std::string text = "Government troops shelled the camp where insurgents had gathered. The harvest drew the army.";
    const auto tokenized = extract::tokenize_and_fold(text);
    std::vector<extract::Word> words;
    std::vector<extract::Sentence> sentences;
    extract::split_sentences(text, tokenized, words, sentences);
    REQUIRE(sentences.size() == 2);

    std::vector<extract::ActorMatch> actors;
    const auto triggers = extract::live_triggers(words, sentences[0], lex, nullptr, &actors);
    REQUIRE(triggers.size() == 1);
    const auto own = extract::find_phrases(words, sentences[0], lex.actors());
    REQUIRE(actors.size() == own.size());
    REQUIRE(actors.size() >= 2);
    for (std::size_t i = 0; i < actors.size(); ++i) {
        CHECK(actors[i].first == own[i].first);
        CHECK(actors[i].last == own[i].last);
        CHECK(actors[i].entry == own[i].entry);
    }
    const auto given = extract::code_event(words, sentences[0], triggers.front(), lex, actors);
    const auto found = extract::code_event(words, sentences[0], triggers.front(), lex);
    CHECK(given.actor1 == found.actor1);
    CHECK(given.actor2 == found.actor2);
    CHECK(given.sub_event_type == found.sub_event_type);
    CHECK_FALSE(given.actor1.empty());
    CHECK_FALSE(given.actor2.empty());

    // a sentence without a trigger leaves the list empty, whatever it held before
    CHECK(extract::live_triggers(words, sentences[1], lex, nullptr, &actors).empty());
    CHECK(actors.empty());
}

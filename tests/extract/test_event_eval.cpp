#include <catch2/catch.hpp>

#include "extract/event_eval.hpp"
#include "extract/event_test_helpers.hpp"
#include "fixtures.hpp"
#include "gazetteer/error.hpp"

TEST_CASE("labelled snippets are read with their labels checked", "[extract][events][eval]") {
    testing::TempDir dir;
    const auto file = dir / "snippets.tsv";
    SECTION("header, comments, sub-event types, event types and None") {
        testing::write_file(file, "label\ttext\n# ours\nAir/drone strike\tJets hit the depot.\nBattles\tThey fought.\nNone\tCalm.\n");
        const auto s = extract::read_labelled_snippets(file);
        REQUIRE(s.size() == 3);
        CHECK(s[0].label == "Air/drone strike");
        CHECK(s[0].line == 3);
        CHECK(s[1].label == "Battles");
        CHECK(s[2].text == "Calm.");
    }
    SECTION("an unknown label names file and line") {
        testing::write_file(file, "Air/drone strike\tJets hit the depot.\nAirstrike\tJets hit it again.\n");
        CHECK_THROWS_WITH(extract::read_labelled_snippets(file), Catch::Contains("snippets.tsv:2") && Catch::Contains("Airstrike"));
    }
    SECTION("a line without a tab, an empty snippet") {
        testing::write_file(file, "Air/drone strike Jets hit the depot.\n");
        CHECK_THROWS_AS(extract::read_labelled_snippets(file), gazetteer::InputError);
        testing::write_file(file, "Air/drone strike\t \n");
        CHECK_THROWS_WITH(extract::read_labelled_snippets(file), Catch::Contains("empty snippet"));
    }
}

TEST_CASE("event coding scores: accuracy, per-class precision and recall, macro-F1", "[extract][events][eval]") {
    // Four snippets: two coded as labelled, one no-event right, one labelled Armed clash that the
    // lists code as an air strike (a disagreement we make on purpose).
    const std::vector<extract::LabelledSnippet> snippets = {
        {"Air/drone strike", "Warplanes bombed the depot.", 1},
        {"Shelling/artillery/missile attack", "Mortars hit the square.", 2},
        {"None", "The library opened a new wing.", 3},
        {"Armed clash", "Jets bombed the positions of both sides.", 4},
    };
    std::vector<extract::EventEvalMiss> misses;
    const auto s = extract::evaluate_events(snippets, testing::event_lexicon(), &misses);
    CHECK(s.snippets == 4);
    CHECK(s.sub_type_snippets == 4);
    CHECK(s.sub_type_accuracy == Approx(0.75));
    // event types: Explosions right twice, None right, Battles predicted as Explosions
    CHECK(s.type_accuracy == Approx(0.75));
    const auto& air = s.sub_types.at("Air/drone strike");
    CHECK(air.support == 1);
    CHECK(air.predicted == 2);
    CHECK(air.precision == Approx(0.5));
    CHECK(air.recall == Approx(1.0));
    CHECK(s.sub_types.at("Armed clash").recall == 0.0);
    // macro-F1 over the four classes with support: air 2/3, shelling 1, None 1, clash 0
    CHECK(s.sub_type_macro_f1 == Approx((2.0 / 3.0 + 1.0 + 1.0 + 0.0) / 4.0));
    REQUIRE(misses.size() == 1);
    CHECK(misses[0].line == 4);
    CHECK(misses[0].predicted == "Air/drone strike");
    CHECK(misses[0].trigger == "Jets");  // the first of equal precedence
}

TEST_CASE("an event-type label is scored at the type level only", "[extract][events][eval]") {
    const std::vector<extract::LabelledSnippet> snippets = {{"Battles", "Government troops captured the old fort.", 1}};
    const auto s = extract::evaluate_events(snippets, testing::event_lexicon());
    CHECK(s.type_accuracy == 1.0);
    CHECK(s.sub_type_snippets == 0);
    CHECK(s.sub_types.empty());
}

#include <catch2/catch.hpp>

#include <limits>

#include "gazetteer/rank.hpp"
#include "gazetteer/resolver_score.hpp"

namespace {

gazetteer::PlaceView place(std::string_view feature_class, std::string_view feature_code) {
    gazetteer::PlaceView p;
    p.feature_class = feature_class;
    p.feature_code = feature_code;
    return p;
}

}  // namespace

TEST_CASE("Place facts read the feature class and code", "[resolver_score]") {
    const auto country = gazetteer::place_facts(place("A", "PCLI"));
    CHECK(country.country);
    CHECK_FALSE(country.admin1);
    CHECK(gazetteer::place_facts(place("A", "PCLD")).country);
    CHECK(gazetteer::place_facts(place("A", "TERR")).country);
    CHECK_FALSE(gazetteer::place_facts(place("A", "PCX")).country);  // not a PCL* code
    CHECK(gazetteer::place_facts(place("A", "ADM1")).admin1);
    CHECK_FALSE(gazetteer::place_facts(place("A", "ADM1H")).admin1);
    CHECK(gazetteer::place_facts(place("A", "ADM2")).admin2);
    CHECK(gazetteer::place_facts(place("A", "ADMD")).admin2);
    const auto capital = gazetteer::place_facts(place("P", "PPLC"));
    CHECK(capital.populated);
    CHECK(capital.capital);
    CHECK_FALSE(gazetteer::place_facts(place("P", "PPLA")).capital);
    CHECK_FALSE(gazetteer::place_facts(place("", "")).populated);
}

TEST_CASE("The resolver's score weighs the level asked for, containers, proximity and statements", "[resolver_score]") {
    const auto town = gazetteer::place_facts(place("P", "PPL"));
    const auto province = gazetteer::place_facts(place("A", "ADM1"));
    const auto country = gazetteer::place_facts(place("A", "PCLI"));
    const auto capital = gazetteer::place_facts(place("P", "PPLC"));
    gazetteer::CandidateEvidence none;
    CHECK(gazetteer::resolver_score(town, 4.0, none) == Approx(4.0));

    SECTION("\"X province\" favours the first-level division over a bigger town") {
        gazetteer::CandidateEvidence e;
        e.level = gazetteer::WantedLevel::admin1;
        CHECK(gazetteer::resolver_score(province, 3.0, e) > gazetteer::resolver_score(town, 6.0, e));
        e.level = gazetteer::WantedLevel::city;
        CHECK(gazetteer::resolver_score(town, 3.0, e) > gazetteer::resolver_score(province, 6.0, e));
    }
    SECTION("a namesake city inside a division counts against the division unless asked for") {
        gazetteer::CandidateEvidence e;
        e.namesake_place_inside = true;
        CHECK(gazetteer::resolver_score(province, 5.0, e) == Approx(5.0 - gazetteer::kNamesakeDivisionPenalty));
        e.level = gazetteer::WantedLevel::admin1;
        CHECK(gazetteer::resolver_score(province, 5.0, e) > 5.0);
    }
    SECTION("a nearer neighbour adds more, none adds nothing") {
        gazetteer::CandidateEvidence near, far, unknown;
        near.nearest_km = 10;
        far.nearest_km = 500;
        unknown.nearest_km = -1;
        CHECK(gazetteer::resolver_score(town, 1.0, near) > gazetteer::resolver_score(town, 1.0, far));
        CHECK(gazetteer::resolver_score(town, 1.0, far) > gazetteer::resolver_score(town, 1.0, unknown));
        CHECK(gazetteer::resolver_score(town, 1.0, unknown) == Approx(1.0));
    }
    SECTION("governments speak through countries and capitals") {
        gazetteer::CandidateEvidence e;
        e.statement_subject = true;
        CHECK(gazetteer::resolver_score(capital, 1.0, e) == Approx(4.0));
        CHECK(gazetteer::resolver_score(country, 1.0, e) == Approx(4.0));
        CHECK(gazetteer::resolver_score(town, 1.0, e) == Approx(1.0));
    }
    SECTION("a container named after a place is a division or a country") {
        gazetteer::CandidateEvidence e;
        e.is_container = true;
        CHECK(gazetteer::resolver_score(province, 1.0, e) == Approx(4.0));
        CHECK(gazetteer::resolver_score(town, 1.0, e) == Approx(1.0));
    }
}

TEST_CASE("Nearness adds nothing from the reach on, however far", "[resolver_score]") {
    const auto town = gazetteer::place_facts(place("P", "PPL"));
    gazetteer::CandidateEvidence within, at, far, unknown;
    within.nearest_km = gazetteer::kProximityReachKm - 1;
    at.nearest_km = gazetteer::kProximityReachKm;
    far.nearest_km = std::numeric_limits<double>::infinity();
    CHECK(gazetteer::resolver_score(town, 1.0, within) > 1.0);
    CHECK(gazetteer::resolver_score(town, 1.0, at) == Approx(1.0));
    CHECK(gazetteer::resolver_score(town, 1.0, far) == Approx(1.0));
    CHECK(gazetteer::resolver_score(town, 1.0, unknown) == Approx(1.0));
}

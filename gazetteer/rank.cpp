#include "gazetteer/rank.hpp"

#include <cmath>

namespace gazetteer {
namespace {

double feature_bonus(const PlaceView& p) noexcept {
    const auto code = p.feature_code;
    const auto cls = p.feature_class;
    if (code == "CONT") return 6.0;
    if (code.substr(0, 3) == "PCL" || code == "TERR") return 3.5;
    if (code == "RGN" || code == "RGNE") return 4.5;
    // (A division that shares its name with a city inside it ranks below that city: see
    // rank_candidates; a qualifier such as "province" selects the division instead.)
    if (code == "ADM1") return 1.0;
    if (code == "PPLC") return 1.5;
    if (code == "PPLA") return 0.8;
    if (code == "PPLA2") return 0.3;
    if (cls == "P") return 0.0;
    if (cls == "A") return 0.5;
    return -0.5;
}

double match_penalty(MatchKind kind) noexcept {
    switch (kind) {
        case MatchKind::name:
        case MatchKind::ascii: return 0.0;
        case MatchKind::short_form: return 0.3;
        case MatchKind::abbreviation:
        case MatchKind::demonym: return 0.5;
        case MatchKind::alternate: return 0.3;
        case MatchKind::code: return 1.0;
    }
    return 1.0;
}

}  // namespace

double place_prior(const PlaceView& place) noexcept {
    return std::log10(static_cast<double>(place.population > 0 ? place.population : 0) + 10.0) +
           feature_bonus(place);
}

double candidate_score(const PlaceView& place, MatchKind match) noexcept {
    return place_prior(place) - match_penalty(match);
}

}  // namespace gazetteer

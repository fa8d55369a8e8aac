#include "gazetteer/resolver_score.hpp"

#include <algorithm>
#include <cmath>

#include "gazetteer/rank.hpp"

namespace gazetteer {
namespace {

double level_fit(const PlaceFacts& p, WantedLevel level) {
    switch (level) {
        case WantedLevel::none: return 0.0;
        case WantedLevel::admin1: return p.admin1 ? 6.0 : p.country ? -2.0 : -1.0;
        case WantedLevel::admin2: return p.admin2 ? 6.0 : p.admin1 ? 1.0 : -1.0;
        case WantedLevel::city: return p.populated ? 2.0 : -2.0;
    }
    return 0.0;
}

double proximity(double km) {
    if (km < 0) return 0.0;
    if (km < 30) return 2.5;
    if (km < 100) return 2.0;
    if (km < 300) return 1.2;
    if (km < kProximityReachKm) return 0.5;
    return 0.0;
}

}  // namespace

PlaceFacts place_facts(const PlaceView& p) noexcept {
    PlaceFacts f;
    f.country = p.feature_code.substr(0, 3) == "PCL" || p.feature_code == "TERR";
    f.admin1 = p.feature_code == "ADM1";
    f.admin2 = p.feature_code == "ADM2" || p.feature_code == "ADMD";
    f.populated = p.feature_class == "P";
    f.capital = p.feature_code == "PPLC";
    return f;
}

double resolver_score(const PlaceFacts& place, double prior, const CandidateEvidence& e) noexcept {
    double score = prior;
    score += 6.0 * e.country_focus;
    score += 3.0 * e.admin1_focus;
    if (e.namesake_place_inside && e.level != WantedLevel::admin1 && !e.is_container && !e.compass_part) {
        score -= kNamesakeDivisionPenalty;
    }
    score += level_fit(place, e.level);
    if (e.in_container_admin1) score += 5.0;
    else if (e.in_container_country) score += 3.0;
    if (e.is_container && (place.admin1 || place.country)) score += 3.0;
    score += proximity(e.nearest_km);
    if (e.statement_subject && (place.country || place.capital)) score += 3.0;
    return score;
}

double confidence_of_best(const std::vector<double>& scores) noexcept {
    if (scores.empty()) return 0.0;
    const double best = *std::max_element(scores.begin(), scores.end());
    double sum = 0.0;
    for (double s : scores) sum += std::exp(s - best);
    return 1.0 / sum;
}

}  // namespace gazetteer

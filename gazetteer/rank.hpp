#pragma once
// Prior scores of candidate places: how likely a name means this place before any context.
#include <algorithm>
#include <cstdint>

#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace gazetteer {

/// Importance of a place from its feature type and population alone (about 0 to 12): countries
/// and continents first, then first-level divisions and capitals, then by population.
double place_prior(const PlaceView& place) noexcept;

/// Penalty for a first-level division when a populated place inside it bears the same name
/// ("Aleppo", "Idlib", "New York" alone mean the city): the name means the division only when
/// the text says so ("Aleppo province") or uses it as a container ("Albany, New York").
inline constexpr double kNamesakeDivisionPenalty = 3.0;

/// The population of the largest populated place among `others` that lies inside `division`
/// (an ADM1 or ADM2 that shares the name), or -1 when there is none.
template <typename Range, typename Get>
std::int64_t namesake_place_inside(const PlaceView& division, const Range& others, Get get) {
    const bool adm1 = division.feature_code == "ADM1";
    const bool adm2 = division.feature_code == "ADM2";
    if (!adm1 && !adm2) return -1;
    std::int64_t largest = -1;
    for (const auto& o : others) {
        const PlaceView& p = get(o);
        if (p.feature_class != "P" || p.country_code != division.country_code || p.admin1_code != division.admin1_code) continue;
        if (adm2 && p.admin2_name != division.admin2_name) continue;
        largest = std::max(largest, p.population);
    }
    return largest;
}

/// place_prior() less a penalty for weaker kinds of name match (an alternate name, a demonym).
double candidate_score(const PlaceView& place, MatchKind match) noexcept;

}  // namespace gazetteer

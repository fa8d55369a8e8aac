#pragma once
// Prior scores of candidate places: how likely a name means this place before any context.
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

/// True when `division` is an ADM1 and one of `others` is a populated place inside it.
template <typename Range, typename Get>
bool has_namesake_place_inside(const PlaceView& division, const Range& others, Get get) {
    if (division.feature_code != "ADM1") return false;
    for (const auto& o : others) {
        const PlaceView& p = get(o);
        if (p.feature_class == "P" && p.country_code == division.country_code && p.admin1_code == division.admin1_code) {
            return true;
        }
    }
    return false;
}

/// place_prior() less a penalty for weaker kinds of name match (an alternate name, a demonym).
double candidate_score(const PlaceView& place, MatchKind match) noexcept;

}  // namespace gazetteer

#pragma once
// Prior scores of candidate places: how likely a name means this place before any context.
#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace gazetteer {

/// Importance of a place from its feature type and population alone (about 0 to 12): countries
/// and continents first, then first-level divisions and capitals, then by population.
double place_prior(const PlaceView& place) noexcept;

/// place_prior() less a penalty for weaker kinds of name match (an alternate name, a demonym).
double candidate_score(const PlaceView& place, MatchKind match) noexcept;

}  // namespace gazetteer

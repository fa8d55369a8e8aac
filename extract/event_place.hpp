#pragma once
// Where an event happened: which place mentions of a sentence can carry an event, which of them
// is the most specific, and how precise the place is in ACLED's and UCDP's codes.
#include <string>
#include <string_view>

#include "extract/mention.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {

bool is_country(const gazetteer::PlaceView& p);       ///< PCL* or TERR
bool is_large_region(const gazetteer::PlaceView& p);  ///< RGN or CONT: "the Middle East", "Africa"
bool is_sea(const gazetteer::PlaceView& p);           ///< class H: OCN, SEA, GULF, BAY

/// ACLED geo_precision: 3 for a country, first-level division, large region or sea, 2 for a
/// second-level division or a place qualified by surroundings (outskirts, countryside, suburb,
/// near), else 1 (a town, or a compass part of it).
int geo_precision(const gazetteer::PlaceView& p, const Qualifier& q);

/// UCDP GED where_prec: 7 a sea or ocean, 6 a country, 5 a compass part of a country or a large
/// region, 4 a first-level division, 3 a second-level division, 2 a place qualified by
/// surroundings or compass, else 1.
int where_prec(const gazetteer::PlaceView& p, const Qualifier& q);

/// The mention's text with its qualifier in a canonical form ("eastern Aleppo", "Idlib
/// province", "western countryside of Aleppo", "near Manbij"), so that two articles wording it
/// differently give the same text.
std::string location_mention(const Mention& m);

/// A word that may stand between a preposition and the place it governs: an article, "of", a
/// compass word or a part of an area ("in the eastern part of Aleppo", "on the outskirts of").
bool is_place_filler(std::string_view folded_word);

/// True when `inner` lies within `outer`, so that an event reported at both happened at
/// `inner`, the more specific: a place of a country within the country, of a first- or
/// second-level division within it (same codes or names), a smaller populated place within a
/// town's extent (geo::extent_radius_km; "Daraya, a suburb of Damascus"). A place never
/// contains itself.
bool contains(const gazetteer::PlaceView& outer, const gazetteer::PlaceView& inner);

}  // namespace extract

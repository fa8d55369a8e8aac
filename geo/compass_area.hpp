#pragma once
// Compass parts of an area: "eastern Aleppo" is the eastern part of Aleppo's extent. The extent
// is a disk around the place's point (the gazetteer's footprint, when it has one, is a later
// refinement); the part is cut from it with Boost.Geometry in a local metric projection.
#include <vector>

#include "geo/point.hpp"

namespace geo {

enum class CompassPart { whole, north, northeast, east, southeast, south, southwest, west, northwest, central };

struct Area {
    std::vector<LatLon> ring;  ///< closed outer ring (first point repeated last), counter-clockwise
    LatLon representative;     ///< a point inside the area (its centroid)
};

/// The part of the disk of `radius_km` around `center`: a half for north/east/south/west, a
/// quarter for the intercardinal directions, the inner half-radius disk for central, the whole
/// disk for whole. `radius_km` must be positive; rings have 72 vertices on the circle.
Area compass_area(const LatLon& center, double radius_km, CompassPart part);

/// A plausible radius for a place without a footprint, from its kind and population: cities
/// grow with the square root of their population (Aleppo, 1.6 M: about 13 km), first-level
/// divisions and countries get regional extents.
double extent_radius_km(bool is_country, bool is_admin1, bool is_admin2, long long population);

}  // namespace geo

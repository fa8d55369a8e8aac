#pragma once
// Compass parts of a footprint: when the gazetteer has a place's polygon, "eastern Aleppo" is
// the part of that polygon east of its centroid, cut with Boost.Geometry (the disk of
// geo/compass_area.hpp stands in for places without one).
#include <optional>
#include <string>
#include <string_view>

#include "geo/compass_area.hpp"
#include "geo/polygon.hpp"

namespace geo {

struct FootprintPart {
    MultiPolygon shape;      ///< lon/lat
    LatLon representative;   ///< a point inside the part: its centroid when that lies inside, else the
                             ///< middle of the longest horizontal chord through it
};

/// The part of `footprint` on that side of its centroid: a half-plane for north/east/south/
/// west, a quadrant for the intercardinal directions, the footprint shrunk to half its size
/// around the centroid (intersected with it) for central, the footprint itself for whole.
/// nullopt for an empty footprint or an empty part. Planar in longitude/latitude, which is
/// what "the east of a city" means at the scale of a city or a province.
std::optional<FootprintPart> footprint_part(const MultiPolygon& footprint, CompassPart part);

/// Reads MULTIPOLYGON or POLYGON WKT (lon lat) and corrects its orientation; nullopt when it
/// cannot be read or holds no polygon.
std::optional<MultiPolygon> read_multipolygon_wkt(std::string_view wkt);

/// The WKT of a multipolygon ("MULTIPOLYGON(((lon lat,...)))"), 7 decimals.
std::string to_wkt(const MultiPolygon& shape);

}  // namespace geo

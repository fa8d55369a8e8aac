#pragma once
// Polygons in longitude/latitude degrees, as Boost.Geometry models: x is the longitude, y the
// latitude, and edges are straight lines in that plane (as in GeoJSON, Shapefiles and GIS software,
// not great-circle arcs). Boost's defaults: outer rings clockwise, holes counter-clockwise, rings
// closed (first point repeated last); boost::geometry::correct() puts any ring that way.
#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace geo {

using LonLatPoint = boost::geometry::model::d2::point_xy<double>;  ///< x = longitude, y = latitude
using Polygon = boost::geometry::model::polygon<LonLatPoint>;
using MultiPolygon = boost::geometry::model::multi_polygon<Polygon>;

}  // namespace geo

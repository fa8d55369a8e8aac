#pragma once
// Regions for region reports: the polygons of any layer GDAL opens (GeoJSON, GeoPackage,
// Shapefile, FlatGeobuf…), each with a name and an optional code (an OCHA P-code such as SY01),
// in WGS84 longitude/latitude, valid, ready for geo::RegionIndex and for writing as WKT.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geo/polygon.hpp"
#include "geo/region_index.hpp"

namespace output {

/// Where regions come from: a dataset GDAL opens and one of its layers.
struct RegionSource {
    std::string path;
    std::string layer;  ///< empty: the first layer
};

/// Splits "SOURCE[:LAYER]". A SOURCE that exists as given (a file or folder) is taken whole, ':'
/// and all; otherwise the text after the last ':' names the layer, unless it is empty or holds a
/// '/' (then the whole text is the path). Only looks at the file system; throws
/// std::invalid_argument when `spec` or its SOURCE is empty.
RegionSource parse_region_source(std::string_view spec);

/// Which fields hold what.
struct RegionFields {
    std::string name;  ///< required
    std::string code;  ///< optional; empty: no code
};

struct Region {
    std::int64_t fid = 0;  ///< the feature's id in its layer
    std::string name;      ///< may be empty (reported in RegionLayer::warnings)
    std::string code;      ///< empty without a code field or when the value is null
    /// Every other field that is set and not null, as text, in layer order (admin names, the
    /// parent's code, area…).
    std::vector<std::pair<std::string, std::string>> attributes;
    geo::MultiPolygon geometry;  ///< lon/lat, valid (OGC), Boost orientation (boost::geometry::correct)
    std::string wkt;             ///< the same geometry as MULTIPOLYGON WKT, "lon lat", 15 digits
};

struct RegionLayer {
    std::string path;
    std::string layer;            ///< the layer read (its name also when it was taken by default)
    std::vector<Region> regions;  ///< in feature order
    /// Regions kept with a change or a doubt, one line each naming the file, layer, feature id
    /// and name: polygons repaired, parts that were not polygons dropped, empty names, duplicate
    /// codes; and a layer without a CRS, read as lon/lat.
    std::vector<std::string> warnings;
    /// Features not loaded, one line each naming the file, layer, feature id and name, and why:
    /// no geometry, not a polygon, a polygon that cannot be repaired, a failed transformation,
    /// coordinates outside longitude/latitude ranges.
    std::vector<std::string> errors;
};

/// Reads every feature of the layer. Layers in another CRS are transformed to WGS84 (longitude,
/// latitude order); curved geometries are linearised, Z and M dropped; an invalid polygon is
/// repaired with GDAL's MakeValid (GEOS) and reported in `warnings`, or, when it cannot be,
/// reported in `errors` and left out. Nothing is dropped without a line in one of the lists.
/// GDAL's own messages do not reach stderr: they end up in those lines or in the exception.
///
/// Throws std::runtime_error naming the file and layer: a dataset GDAL cannot open, no such layer
/// (listing the layers), a field that is not there (listing the fields), a layer of points, lines
/// or no geometry, or of unknown type without a single polygon, a CRS that cannot be transformed
/// to WGS84, a layer without a CRS whose extent is not in longitude/latitude ranges.
RegionLayer read_region_layer(const RegionSource& source, const RegionFields& fields);

/// An index of the layer's regions: the value it reports for layer.regions[i] is i.
geo::RegionIndex make_region_index(const RegionLayer& layer);

}  // namespace output

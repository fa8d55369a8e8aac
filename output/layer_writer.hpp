#pragma once
// Map layers (points or polygons with typed attributes) written through GDAL/OGR in one of
// several vector formats, all or nothing. Knows nothing about events: callers map their records
// to LayerSpec + Feature rows.
//
// Files written under `out_dir`, by format:
//   geojson     <layer>.geojson  RFC 7946 (lon/lat WGS84, 7 decimals, no bbox), dates as
//               "YYYY-MM-DD" (GDAL reads them back as Date). The id_field is also the feature "id"
//               (a string or a number, as the field is typed) through a copy field named "id" that
//               GDAL's ID_FIELD moves out of the properties; an id_field named "id" itself is only
//               the feature id. GDAL writes a one-part multipolygon as a Polygon, so a polygon layer
//               may mix Polygon and MultiPolygon (QGIS opens it as one MultiPolygon layer).
//   gpkg        layers.gpkg      (a fixed name: the folder names the run) every layer in one file,
//               spatial index, a default QGIS style per layer with a qml_style in the table
//               `layer_styles` as QGIS creates it (useAsDefault 1); "layer_styles" is not a layer name
//   csv         <layer>.csv      X,Y (points) or WKT (polygons) first, then the fields; line 2 is
//               the HXL hashtag row (#geo+lon, #geo+lat or #geo+bounds, then FieldSpec::hxl; empty
//               when none). A null is an empty cell. No .csvt: readers see every column as text and
//               the HXL row as a first data row.
//   kml         <layer>.kml      LIBKML driver (KML when absent); dates as text, integer64 as float
//   flatgeobuf  <layer>.fgb      spatial index; date fields read back as DateTime (midnight)
//   shapefile   <layer>.shp      with .shx .dbf .prj and .cpg (UTF-8). The driver cuts field names
//               to 10 characters ("location_mention" -> "location_m") and strings to 254 bytes;
//               string widths follow the data. Integer fields read back as Integer64 when a value
//               needs 10 or more digits. Replacing a shapefile removes its old .qix/.sbn/.sbx.
//
// Coordinates are WGS84 (EPSG:4326) longitude/latitude in every format.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace output {

enum class FieldType { integer, integer64, real, string, date /* "YYYY-MM-DD" */ };

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::string;
    std::string hxl;  ///< HXL hashtag for the CSV tag row ("#date+occurred"); may be empty
};

enum class GeometryKind {
    point,
    polygon,  ///< written as MultiPolygon layers: each feature may be a POLYGON or MULTIPOLYGON
};

struct LayerSpec {
    std::string name;  ///< layer and file name: not empty, no '/' or '\\', not starting with '.'
    GeometryKind geometry = GeometryKind::point;
    std::vector<FieldSpec> fields;
    std::string id_field;   ///< a field of `fields` written as the GeoJSON feature id; may be empty
    std::string qml_style;  ///< QGIS style (QML) stored as the layer's default style in GeoPackage
};

/// A field value: null, an integer, a real or a string. Integer fields take std::int64_t
/// (integer: within 32 bits), real fields std::int64_t or double, string and date fields
/// std::string (date: "YYYY-MM-DD").
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Feature {
    std::vector<FieldValue> values;  ///< one a field, in LayerSpec::fields order
    double lat = 0;                  ///< points
    double lon = 0;                  ///< points
    std::string polygon_wkt;         ///< polygons: POLYGON or MULTIPOLYGON WKT, lon/lat
};

using LayerData = std::pair<LayerSpec, std::vector<Feature>>;

enum class Format {
    geojson,
    gpkg,
    csv,
    kml,
    flatgeobuf,
    shapefile,
    postgis,  ///< tables of a PostgreSQL/PostGIS database: written by output/postgis_store.hpp, not write_layers
};

/// "geojson", "gpkg", "csv", "kml", "fgb" or "flatgeobuf", "shp" or "shapefile"; nullopt otherwise.
std::optional<Format> format_from_string(std::string_view name);
/// The canonical name of a format ("geojson", "gpkg", "csv", "kml", "flatgeobuf", "shapefile", "postgis").
std::string_view format_name(Format format);

struct WriteOptions {
    Format format = Format::geojson;
    bool overwrite = false;  ///< replace existing output files; without it they are an error
};

/// The files write_layers creates under `out_dir` for these layers, in layer order (a shapefile's
/// sidecars included).
std::vector<std::filesystem::path> output_files(const std::filesystem::path& out_dir,
                                                const std::vector<LayerData>& layers, Format format);

/// Writes the layers under `out_dir` (created when missing), in any format but postgis.
///
/// All or nothing: everything is written to a temporary folder inside `out_dir` and moved into
/// place (rename) only when every layer is complete; old files are first moved aside and put back
/// if a rename fails. Existing output files are replaced only with `options.overwrite`; a failure
/// leaves no new file and the old files as they were. GDAL's own messages do not reach stderr:
/// they end up in the exception.
/// Throws std::runtime_error naming the file, layer, feature (0-based) and field at fault: an
/// existing file without overwrite, an invalid spec (duplicate names, unknown id_field), a value
/// of the wrong type or count, an unparsable or non-polygonal WKT, coordinates outside WGS84
/// ranges, or a GDAL failure (with GDAL's message).
void write_layers(const std::filesystem::path& out_dir, const std::vector<LayerData>& layers,
                  const WriteOptions& options);

}  // namespace output

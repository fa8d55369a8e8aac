#include "output/ogr_layer.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace output {

namespace fs = std::filesystem;

OGRSpatialReference wgs84() {
    OGRSpatialReference srs;
    if (srs.importFromEPSG(4326) != OGRERR_NONE) srs.SetWellKnownGeogCS("WGS84");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// --- Fields and features -----------------------------------------------------------------

OGRFieldType ogr_type(FieldType type, Format format) {
    switch (type) {
        case FieldType::integer: return OFTInteger;
        case FieldType::integer64:
            // LIBKML writes Integer64 as float anyway; declaring Real says so.
            return format == Format::kml ? OFTReal : OFTInteger64;
        case FieldType::real: return OFTReal;
        case FieldType::string: return OFTString;
        case FieldType::date:
            // CSV would write "YYYY/MM/DD" and KML drops dates from its schema: text keeps ISO dates.
            return format == Format::csv || format == Format::kml ? OFTString : OFTDate;
    }
    return OFTString;
}



std::optional<YearMonthDay> parse_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    YearMonthDay d;
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        const char* first = text.data() + pos;
        const auto [ptr, ec] = std::from_chars(first, first + len, out);
        return ec == std::errc() && ptr == first + len;
    };
    if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                          std::chrono::day{static_cast<unsigned>(d.day)}};
    if (!ymd.ok()) return std::nullopt;
    return d;
}

std::string type_name(const FieldValue& value) {
    switch (value.index()) {
        case 1: return "an integer";
        case 2: return "a real";
        case 3: return "a string";
        default: return "null";
    }
}

/// Shapefile (DBF) field widths from the data: string fields as wide as their longest value in
/// bytes (the driver's default of 80 would cut longer ones; 254 at most), integer fields 9 digits
/// (read back as Integer) unless a value needs 10 or 11 (then read back as Integer64).
std::vector<int> dbf_widths(const LayerSpec& spec, const std::vector<Feature>& features) {
    std::vector<int> widths(spec.fields.size(), 0);
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        if (spec.fields[i].type == FieldType::string) widths[i] = 1;
        if (spec.fields[i].type == FieldType::integer) widths[i] = 9;
    }
    for (const auto& feature : features) {
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            if (spec.fields[i].type == FieldType::string) {
                if (const auto* s = std::get_if<std::string>(&feature.values[i])) {
                    widths[i] = std::max(widths[i], static_cast<int>(std::min<std::size_t>(s->size(), 254)));
                }
            } else if (spec.fields[i].type == FieldType::integer) {
                if (const auto* v = std::get_if<std::int64_t>(&feature.values[i])) {
                    widths[i] = std::max(widths[i], static_cast<int>(std::to_string(*v).size()));
                }
            }
        }
    }
    return widths;
}

OGRLayer* create_layer(GDALDataset& ds, const LayerSpec& spec, const std::vector<Feature>& features, Format format,
                       const fs::path& file) {
    CPLStringList options;
    switch (format) {
        case Format::geojson:
            options.SetNameValue("RFC7946", "YES");
            options.SetNameValue("COORDINATE_PRECISION", "7");
            options.SetNameValue("WRITE_BBOX", "NO");
            // The id_field itself when it is named "id", else its copy named "id".
            if (!spec.id_field.empty()) options.SetNameValue("ID_FIELD", kGeoJsonIdField);
            break;
        case Format::gpkg: options.SetNameValue("SPATIAL_INDEX", "YES"); break;
        case Format::csv:
            options.SetNameValue("GEOMETRY", spec.geometry == GeometryKind::point ? "AS_XY" : "AS_WKT");
            options.SetNameValue("LINEFORMAT", "LF");
            break;
        case Format::flatgeobuf: options.SetNameValue("SPATIAL_INDEX", "YES"); break;
        case Format::shapefile: options.SetNameValue("ENCODING", "UTF-8"); break;
        case Format::kml: break;
        case Format::postgis:
            options.SetNameValue("GEOMETRY_NAME", "geom");
            options.SetNameValue("FID", "fid");
            options.SetNameValue("SPATIAL_INDEX", "GIST");
            break;
    }
    const OGRwkbGeometryType type = spec.geometry == GeometryKind::point ? wkbPoint : wkbMultiPolygon;
    OGRSpatialReference srs = wgs84();
    OGRLayer* layer = ds.CreateLayer(spec.name.c_str(), &srs, type, options.List());
    if (!layer) {
        throw std::runtime_error(fmt::format("cannot create layer '{}' in '{}': {}", spec.name, file.string(), gdal_message()));
    }
    const auto widths = format == Format::shapefile ? dbf_widths(spec, features) : std::vector<int>(spec.fields.size(), 0);
    auto add_field = [&](const std::string& name, OGRFieldType type, int width) {
        OGRFieldDefn defn(name.c_str(), type);
        if (width > 0) defn.SetWidth(width);
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            throw std::runtime_error(fmt::format("cannot create field '{}' of layer '{}' in '{}': {}", name, spec.name,
                                                 file.string(), gdal_message()));
        }
    };
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        add_field(spec.fields[i].name, ogr_type(spec.fields[i].type, format), widths[i]);
    }
    if (format == Format::geojson && !spec.id_field.empty() && spec.id_field != kGeoJsonIdField) {
        for (const auto& field : spec.fields) {
            if (field.name == spec.id_field) add_field(kGeoJsonIdField, ogr_type(field.type, format), 0);
        }
    }
    return layer;
}

}  // namespace output

#pragma once
// Layers and features through OGR, shared by the files layer_writer.hpp writes and the PostGIS
// store (postgis_store.hpp): field types per format, a layer's creation, and FeatureWriter, which
// checks a Feature against its LayerSpec and writes it. Internal to the output library.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "output/gdal_errors.hpp"
#include "output/layer_writer.hpp"

namespace output {

/// GeoJSON: the field GDAL writes as the feature "id" (ID_FIELD) when id_field has another name,
/// so that the id_field itself stays among the properties.
inline constexpr const char* kGeoJsonIdField = "id";

/// EPSG:4326 in longitude/latitude order.
OGRSpatialReference wgs84();

/// The OGR type a field is declared with in `format`.
OGRFieldType ogr_type(FieldType type, Format format);

struct YearMonthDay {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// "YYYY-MM-DD" as a valid calendar date, else nullopt.
std::optional<YearMonthDay> parse_date(const std::string& text);

/// "an integer", "a real", "a string" or "null".
std::string type_name(const FieldValue& value);

/// Creates the layer of `spec` in `ds` with the options of `format` (a shapefile's string widths
/// follow `features`), in WGS84 lon/lat. `file` names the dataset in errors.
OGRLayer* create_layer(GDALDataset& ds, const LayerSpec& spec, const std::vector<Feature>& features, Format format,
                       const std::filesystem::path& file);

/// Writes features of `spec` to `layer`, checking each value against its field.
class FeatureWriter {
public:
    FeatureWriter(OGRLayer* layer, const LayerSpec& spec, Format format, std::filesystem::path file)
        : layer_(layer), spec_(spec), format_(format), file_(std::move(file)) {
        if (format_ == Format::geojson && !spec_.id_field.empty() && spec_.id_field != kGeoJsonIdField) {
            for (std::size_t i = 0; i < spec_.fields.size(); ++i) {
                if (spec_.fields[i].name == spec_.id_field) id_copy_from_ = static_cast<int>(i);
            }
            id_copy_to_ = static_cast<int>(spec_.fields.size());
        }
    }

    void write(const Feature& feature, std::size_t number) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer_->GetLayerDefn()));
        for (std::size_t i = 0; i < spec_.fields.size(); ++i) {
            set_field(*f, static_cast<int>(i), feature.values[i], number);
        }
        if (id_copy_to_ >= 0) set_field(*f, id_copy_to_, feature.values[static_cast<std::size_t>(id_copy_from_)], number, id_copy_from_);
        f->SetGeometryDirectly(make_geometry(feature, number).release());
        if (layer_->CreateFeature(f.get()) != OGRERR_NONE) {
            throw std::runtime_error(fmt::format("cannot write '{}': layer '{}' feature {}: {}", file_.string(),
                                                 spec_.name, number, gdal_message()));
        }
    }

private:
    [[noreturn]] void fail(std::size_t number, const FieldSpec& field, const std::string& what) const {
        throw std::runtime_error(fmt::format("layer '{}' feature {} field '{}': {}", spec_.name, number, field.name, what));
    }

    void set_field(OGRFeature& f, int index, const FieldValue& value, std::size_t number, int spec_index = -1) {
        const auto& field = spec_.fields[static_cast<std::size_t>(spec_index >= 0 ? spec_index : index)];
        if (std::holds_alternative<std::monostate>(value)) {
            f.SetFieldNull(index);
            return;
        }
        const auto wrong = [&] {
            fail(number, field, fmt::format("{} value for a {} field", type_name(value), field_type_name(field.type)));
        };
        switch (field.type) {
            case FieldType::integer: {
                const auto* v = std::get_if<std::int64_t>(&value);
                if (!v) wrong();
                if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
                    fail(number, field, fmt::format("{} does not fit a 32-bit integer field", *v));
                }
                f.SetField(index, static_cast<int>(*v));
                return;
            }
            case FieldType::integer64: {
                const auto* v = std::get_if<std::int64_t>(&value);
                if (!v) wrong();
                if (ogr_type(field.type, format_) == OFTReal) {
                    f.SetField(index, static_cast<double>(*v));
                } else {
                    f.SetField(index, static_cast<GIntBig>(*v));
                }
                return;
            }
            case FieldType::real: {
                double d = 0;
                if (const auto* i = std::get_if<std::int64_t>(&value)) {
                    d = static_cast<double>(*i);
                } else if (const auto* r = std::get_if<double>(&value)) {
                    d = *r;
                } else {
                    wrong();
                }
                if (!std::isfinite(d)) fail(number, field, "not a finite number");
                f.SetField(index, d);
                return;
            }
            case FieldType::string: {
                const auto* v = std::get_if<std::string>(&value);
                if (!v) wrong();
                f.SetField(index, v->c_str());
                return;
            }
            case FieldType::date: {
                const auto* v = std::get_if<std::string>(&value);
                if (!v) wrong();
                const auto d = parse_date(*v);
                if (!d) fail(number, field, fmt::format("'{}' is not a date (YYYY-MM-DD)", *v));
                if (ogr_type(field.type, format_) == OFTDate) {
                    f.SetField(index, d->year, d->month, d->day);
                } else {
                    f.SetField(index, v->c_str());
                }
                return;
            }
        }
    }

    static const char* field_type_name(FieldType type) {
        switch (type) {
            case FieldType::integer: return "integer";
            case FieldType::integer64: return "integer64";
            case FieldType::real: return "real";
            case FieldType::string: return "string";
            case FieldType::date: return "date";
        }
        return "?";
    }

    std::unique_ptr<OGRGeometry> make_geometry(const Feature& feature, std::size_t number) const {
        if (spec_.geometry == GeometryKind::point) {
            if (!(feature.lat >= -90 && feature.lat <= 90 && feature.lon >= -180 && feature.lon <= 180)) {
                throw std::runtime_error(fmt::format("layer '{}' feature {}: coordinates ({}, {}) out of range", spec_.name,
                                                     number, feature.lat, feature.lon));
            }
            return std::make_unique<OGRPoint>(feature.lon, feature.lat);
        }
        OGRGeometry* raw = nullptr;
        const OGRErr err = OGRGeometryFactory::createFromWkt(feature.polygon_wkt.c_str(), nullptr, &raw);
        std::unique_ptr<OGRGeometry> geometry(raw);
        const auto bad = [&](const char* why) {
            std::string wkt = feature.polygon_wkt.substr(0, 60);
            if (feature.polygon_wkt.size() > 60) wkt += "...";
            return std::runtime_error(fmt::format("layer '{}' feature {}: {} polygon WKT '{}'", spec_.name, number, why, wkt));
        };
        if (err != OGRERR_NONE || !geometry) throw bad("unparsable");
        const auto flat = wkbFlatten(geometry->getGeometryType());
        if (flat != wkbPolygon && flat != wkbMultiPolygon) throw bad("not a");
        if (geometry->IsEmpty()) throw bad("empty");
        OGREnvelope env;
        geometry->getEnvelope(&env);
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90) throw bad("out of lon/lat range:");
        geometry->flattenTo2D();
        return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(geometry.release()));
    }

    OGRLayer* layer_;
    const LayerSpec& spec_;
    Format format_;
    std::filesystem::path file_;
    int id_copy_from_ = -1;
    int id_copy_to_ = -1;
};

}  // namespace output

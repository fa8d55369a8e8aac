#include <charconv>
#include <memory>

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <simdjson.h>

#include <fmt/format.h>

#include "gazetteer/importers.hpp"

namespace gazetteer {
namespace {

std::string field_list(OGRFeatureDefn* defn) {
    std::string out;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (i > 0) out += ", ";
        out += defn->GetFieldDefn(i)->GetNameRef();
    }
    return out;
}

int require_field(OGRFeatureDefn* defn, const std::string& path, const std::string& field) {
    if (field.empty()) return -1;
    const int index = defn->GetFieldIndex(field.c_str());
    if (index < 0) {
        throw InputError(path, 0, fmt::format("layer '{}' has no field '{}' (fields: {})", defn->GetName(),
                                              field, field_list(defn)));
    }
    return index;
}

bool is_polygonal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon;
}

}  // namespace

void import_vector_layer(ImportContext& ctx, const VectorSource& vs) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(vs.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        throw InputError(vs.path, 0, fmt::format("GDAL cannot open it as a vector layer: {}", CPLGetLastErrorMsg()));
    }
    OGRLayer* layer = vs.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(vs.layer.c_str());
    if (!layer) {
        std::string names;
        for (auto* l : ds->GetLayers()) names += std::string(names.empty() ? "" : ", ") + l->GetName();
        throw InputError(vs.path, 0, fmt::format("no layer '{}' (layers: {})", vs.layer, names));
    }
    auto* defn = layer->GetLayerDefn();
    const int name_index = require_field(defn, vs.path, vs.name_field);
    const int id_index = require_field(defn, vs.path, vs.id_field);
    const int admin1_index = require_field(defn, vs.path, vs.admin1_field);
    const int admin2_index = require_field(defn, vs.path, vs.admin2_field);
    const int population_index = require_field(defn, vs.path, vs.population_field);
    const int country_index = require_field(defn, vs.path, vs.country_field);
    std::vector<std::pair<int, std::string>> alt_indexes;
    for (const auto& alt : vs.alt_fields) alt_indexes.emplace_back(require_field(defn, vs.path, alt.field), alt.lang);
    std::vector<int> code_indexes;
    for (const auto& code : vs.code_fields) code_indexes.push_back(require_field(defn, vs.path, code));

    // Everything is stored in WGS84 longitude/latitude order.
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (const auto* srs = layer->GetSpatialRef()) {
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRSpatialReference> source_srs(srs->Clone());
        source_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!source_srs->IsSame(&wgs84)) {
            to_wgs84.reset(OGRCreateCoordinateTransformation(source_srs.get(), &wgs84));
            if (!to_wgs84) throw InputError(vs.path, 0, "cannot transform the layer's CRS to WGS84");
        }
    }

    const auto source = ctx.builder.begin_source(vs.path, "vector");
    const auto skipped_before = ctx.bad_rows.count();
    std::uint64_t rows = 0;
    std::uint64_t feature_number = 0;
    const std::string layer_name = layer->GetName();
    // Feature errors name the feature by its position (1-based) and FID.
    auto where = [&](const OGRFeature& f) { return fmt::format("layer '{}' feature {} (FID {})", layer_name, feature_number, f.GetFID()); };
    auto text_field = [&](const OGRFeature& f, int index, std::string& out) -> bool {
        out = f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
        if (simdjson::validate_utf8(out.data(), out.size())) return true;
        ctx.bad_rows.report(vs.path, 0, fmt::format("{}: field '{}' is not valid UTF-8", where(f),
                                                   defn->GetFieldDefn(index)->GetNameRef()));
        out.clear();
        return false;
    };
    layer->ResetReading();
    NewPlace place;
    std::string value;
    for (auto& feature : *layer) {
        ++feature_number;
        if (!text_field(*feature, name_index, place.name)) continue;
        if (place.name.empty()) {
            ctx.bad_rows.report(vs.path, 0, fmt::format("{}: field '{}' is empty", where(*feature), vs.name_field));
            continue;
        }
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) {
            ctx.bad_rows.report(vs.path, 0, fmt::format("{}: no geometry", where(*feature)));
            continue;
        }
        std::unique_ptr<OGRGeometry> owned(geometry->clone());
        if (to_wgs84 && owned->transform(to_wgs84.get()) != OGRERR_NONE) {
            ctx.bad_rows.report(vs.path, 0, fmt::format("{}: cannot transform its geometry to WGS84", where(*feature)));
            continue;
        }
        place.footprint_wkb.clear();
        OGRPoint point;
        if (wkbFlatten(owned->getGeometryType()) == wkbPoint) {
            point = *owned->toPoint();
        } else if (is_polygonal(owned->getGeometryType())) {
            if (!owned->IsValid()) {
                std::unique_ptr<OGRGeometry> repaired(owned->MakeValid());
                if (!repaired || !repaired->IsValid() || !is_polygonal(repaired->getGeometryType())) {
                    ctx.bad_rows.report(vs.path, 0, fmt::format("{}: invalid polygon that cannot be repaired", where(*feature)));
                    continue;
                }
                ctx.log(fmt::format("{}: {}: invalid polygon repaired", vs.path, where(*feature)));
                owned = std::move(repaired);
            }
            std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(owned.release()));
            // A point inside the footprint (GEOS), unlike a centroid that may fall outside it.
            OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(multi.get()));
            if (!inside || OGR_G_IsEmpty(inside)) {
                if (inside) OGR_G_DestroyGeometry(inside);
                ctx.bad_rows.report(vs.path, 0, fmt::format("{}: no point on its surface", where(*feature)));
                continue;
            }
            point.setX(OGR_G_GetX(inside, 0));
            point.setY(OGR_G_GetY(inside, 0));
            OGR_G_DestroyGeometry(inside);
            multi->flattenTo2D();  // the footprint column is XY: heights and measures are dropped
            place.footprint_wkb.resize(multi->WkbSize());
            multi->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(place.footprint_wkb.data()), wkbVariantIso);
            owned = std::move(multi);
        } else if (owned->Centroid(&point) != OGRERR_NONE) {
            ctx.bad_rows.report(vs.path, 0, fmt::format("{}: cannot compute a point for its geometry", where(*feature)));
            continue;
        }
        place.latitude = point.getY();
        place.longitude = point.getX();
        if (!(place.latitude >= -90 && place.latitude <= 90 && place.longitude >= -180 && place.longitude <= 180)) {
            ctx.bad_rows.report(vs.path, 0, fmt::format("{}: coordinates out of range (not WGS84?)", where(*feature)));
            continue;
        }
        if (id_index >= 0) {
            if (!text_field(*feature, id_index, value) || value.empty()) {
                if (value.empty()) ctx.bad_rows.report(vs.path, 0, fmt::format("{}: field '{}' is empty", where(*feature), vs.id_field));
                continue;
            }
            place.place_id = vs.id_prefix + value;
        } else {
            place.place_id = fmt::format("{}{}:{}", vs.id_prefix, layer_name, feature->GetFID());
        }
        place.asciiname.clear();
        const bool polygonal = !place.footprint_wkb.empty();
        place.feature_class = polygonal ? "A" : "P";
        place.feature_code = !vs.feature_code.empty() ? vs.feature_code : polygonal ? "ADMD" : "PPL";
        if (country_index >= 0) text_field(*feature, country_index, place.country_code);
        else place.country_code = vs.country_code;
        place.admin1_code.clear();
        place.admin2_code.clear();
        if (admin1_index >= 0) text_field(*feature, admin1_index, place.admin1_name);
        if (admin2_index >= 0) text_field(*feature, admin2_index, place.admin2_name);
        place.population = population_index >= 0 && feature->IsFieldSetAndNotNull(population_index)
                               ? feature->GetFieldAsInteger64(population_index) : 0;
        const auto pid = ctx.builder.add_place(place, source);
        for (const auto& [index, lang] : alt_indexes) {
            if (text_field(*feature, index, value)) ctx.builder.add_name(pid, value, lang, MatchKind::alternate);
        }
        if (id_index >= 0) ctx.builder.add_name(pid, place.place_id.substr(vs.id_prefix.size()), {}, MatchKind::code);
        for (int index : code_indexes) {
            if (text_field(*feature, index, value)) ctx.builder.add_name(pid, value, {}, MatchKind::code);
        }
        ++rows;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{} (layer '{}'): {} places", vs.path, layer_name, rows));
}

}  // namespace gazetteer

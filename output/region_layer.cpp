#include "output/region_layer.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <boost/geometry/algorithms/correct.hpp>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

namespace output {
namespace {

namespace fs = std::filesystem;

// Coordinates may stray this far outside [-180, 180] x [-90, 90] (rounding in a transformation).
constexpr double kRangeTolerance = 1e-7;
constexpr std::size_t kMaxMessage = 300;

/// Collects GDAL's warnings and errors (GEOS's reasons for invalidity among them) instead of
/// letting them reach stderr. GDAL's handler stack is per thread.
class GdalMessages {
public:
    GdalMessages() {
        CPLPushErrorHandlerEx(&GdalMessages::handle, this);
        CPLErrorReset();
    }
    ~GdalMessages() { CPLPopErrorHandler(); }
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;

    /// The messages since the last call, joined with "; ", or `fallback` when there were none.
    std::string take(std::string_view fallback = "no message from GDAL") {
        std::string out = text_.empty() ? std::string(fallback) : std::move(text_);
        text_.clear();
        return out;
    }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        if (!self || level == CE_Debug || level == CE_None || !message || !*message) return;
        if (self->text_.size() >= kMaxMessage) return;
        if (!self->text_.empty()) self->text_ += "; ";
        self->text_ += message;
        if (self->text_.size() > kMaxMessage) self->text_.replace(kMaxMessage, std::string::npos, "…");
    }
    std::string text_;
};

void register_drivers() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

bool is_polygonal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon || flat == wkbMultiSurface;
}

/// Layer types that may still hold polygons, feature by feature.
bool is_mixed(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbUnknown || flat == wkbGeometryCollection;
}

std::string field_list(OGRFeatureDefn& defn) {
    std::string out;
    for (int i = 0; i < defn.GetFieldCount(); ++i) out += fmt::format("{}{}", i ? ", " : "", defn.GetFieldDefn(i)->GetNameRef());
    return out.empty() ? "none" : out;
}

/// The polygons in `geometry` (a polygon, a multipolygon or a collection) as one multipolygon;
/// `other_parts` counts the parts that are not polygons (points, lines), which are left out.
std::unique_ptr<OGRMultiPolygon> polygons_of(const OGRGeometry& geometry, int& other_parts) {
    auto out = std::make_unique<OGRMultiPolygon>();
    auto add = [&](auto&& self, const OGRGeometry& part) -> void {
        if (part.IsEmpty()) return;
        switch (wkbFlatten(part.getGeometryType())) {
            case wkbPolygon: out->addGeometry(&part); break;
            case wkbMultiPolygon:
            case wkbGeometryCollection:
                for (const OGRGeometry* sub : *part.toGeometryCollection()) self(self, *sub);
                break;
            default: ++other_parts;
        }
    };
    add(add, geometry);
    return out;
}

geo::MultiPolygon to_boost(const OGRMultiPolygon& multi) {
    geo::MultiPolygon out;
    out.reserve(static_cast<std::size_t>(multi.getNumGeometries()));
    auto copy_ring = [](const OGRLinearRing& ring, auto& target) {
        const int n = ring.getNumPoints();
        target.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) target.emplace_back(ring.getX(i), ring.getY(i));
    };
    for (const OGRPolygon* polygon : multi) {
        geo::Polygon p;
        if (const OGRLinearRing* outer = polygon->getExteriorRing()) copy_ring(*outer, p.outer());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) {
            p.inners().emplace_back();
            copy_ring(*polygon->getInteriorRing(i), p.inners().back());
        }
        out.push_back(std::move(p));
    }
    boost::geometry::correct(out);
    return out;
}

bool in_lonlat_range(const OGREnvelope& e) {
    return e.MinX >= -180 - kRangeTolerance && e.MaxX <= 180 + kRangeTolerance && e.MinY >= -90 - kRangeTolerance &&
           e.MaxY <= 90 + kRangeTolerance;
}

}  // namespace

RegionSource parse_region_source(std::string_view spec) {
    if (spec.empty()) throw std::invalid_argument("region source: empty (expected SOURCE[:LAYER])");
    RegionSource source{std::string(spec), {}};
    std::error_code ec;
    if (fs::exists(fs::path(source.path), ec)) return source;
    const auto colon = spec.rfind(':');
    if (colon == std::string_view::npos) return source;
    const auto layer = spec.substr(colon + 1);
    if (layer.empty() || layer.find('/') != std::string_view::npos) return source;
    if (colon == 0) throw std::invalid_argument(fmt::format("region source '{}': no SOURCE before ':'", spec));
    source.path = std::string(spec.substr(0, colon));
    source.layer = std::string(layer);
    return source;
}

RegionLayer read_region_layer(const RegionSource& source, const RegionFields& fields) {
    register_drivers();
    GdalMessages messages;
    RegionLayer result;
    result.path = source.path;
    if (fields.name.empty()) throw std::runtime_error(fmt::format("'{}': no name field given for its regions", source.path));

    GDALDatasetUniquePtr dataset(GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        throw std::runtime_error(fmt::format("'{}': GDAL cannot open it as a vector dataset: {}", source.path, messages.take()));
    }
    auto layer_names = [&] {
        std::string names;
        for (OGRLayer* l : dataset->GetLayers()) names += fmt::format("{}'{}'", names.empty() ? "" : ", ", l->GetName());
        return names.empty() ? std::string("none") : names;
    };
    OGRLayer* layer = source.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(source.layer.c_str());
    if (!layer) {
        if (source.layer.empty()) throw std::runtime_error(fmt::format("'{}': no layers", source.path));
        throw std::runtime_error(fmt::format("'{}': no layer '{}' (layers: {})", source.path, source.layer, layer_names()));
    }
    result.layer = layer->GetName();
    const std::string where = fmt::format("'{}': layer '{}'", source.path, result.layer);

    OGRFeatureDefn& defn = *layer->GetLayerDefn();
    auto field_index = [&](const std::string& name, const char* role) {
        const int index = defn.GetFieldIndex(name.c_str());
        if (index < 0) {
            throw std::runtime_error(fmt::format("{} has no {} field '{}' (fields: {})", where, role, name, field_list(defn)));
        }
        return index;
    };
    const int name_index = field_index(fields.name, "name");
    const int code_index = fields.code.empty() ? -1 : field_index(fields.code, "code");

    const OGRwkbGeometryType layer_type = layer->GetGeomType();
    if (wkbFlatten(layer_type) == wkbNone) throw std::runtime_error(fmt::format("{} has no geometry, not polygons", where));
    if (!is_polygonal(layer_type) && !is_mixed(layer_type)) {
        throw std::runtime_error(fmt::format("{} holds {} geometries, not polygons", where, OGRGeometryTypeToName(layer_type)));
    }

    // Everything is kept in WGS84 longitude/latitude order.
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    OGRSpatialReference wgs84;
    if (wgs84.importFromEPSG(4326) != OGRERR_NONE) wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        std::unique_ptr<OGRSpatialReference> layer_srs(srs->Clone());
        layer_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const char* const same_options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                            "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
        if (!layer_srs->IsSame(&wgs84, same_options)) {
            to_wgs84.reset(OGRCreateCoordinateTransformation(layer_srs.get(), &wgs84));
            if (!to_wgs84) {
                throw std::runtime_error(fmt::format("{}: cannot transform its CRS ({}) to WGS84: {}", where,
                                                     layer_srs->GetName() ? layer_srs->GetName() : "unnamed",
                                                     messages.take()));
            }
        }
    } else {
        OGREnvelope extent;
        if (layer->GetExtent(&extent, TRUE) == OGRERR_NONE && !in_lonlat_range(extent)) {
            throw std::runtime_error(fmt::format(
                "{} has no CRS and its extent ({}, {}) - ({}, {}) is not in longitude/latitude degrees", where,
                extent.MinX, extent.MinY, extent.MaxX, extent.MaxY));
        }
        result.warnings.push_back(fmt::format("{} has no CRS: its coordinates are taken as WGS84 longitude/latitude", where));
    }

    OGRWktOptions wkt_options;
    wkt_options.variant = wkbVariantIso;
    wkt_options.precision = 15;
    std::map<std::string, std::int64_t> code_owner;
    std::size_t polygon_features = 0, other_features = 0;
    std::map<std::string, std::size_t> other_types;
    layer->ResetReading();
    for (auto& feature : *layer) {
        messages.take();
        Region region;
        region.fid = feature->GetFID();
        region.name = feature->IsFieldSetAndNotNull(name_index) ? feature->GetFieldAsString(name_index) : "";
        const std::string label = fmt::format("{}, feature {} ({} '{}')", where, region.fid, fields.name, region.name);
        auto fail = [&](const std::string& why) { result.errors.push_back(fmt::format("{}: {}", label, why)); };

        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) {
            fail("no geometry");
            continue;
        }
        std::unique_ptr<OGRGeometry> owned(geometry->clone());
        owned->flattenTo2D();
        if (owned->hasCurveGeometry(TRUE)) owned.reset(owned->getLinearGeometry());
        int other_parts = 0;
        std::unique_ptr<OGRMultiPolygon> polygons = polygons_of(*owned, other_parts);
        if (polygons->IsEmpty()) {
            ++other_features;
            ++other_types[OGRGeometryTypeToName(geometry->getGeometryType())];
            fail(fmt::format("a {}, not a polygon", OGRGeometryTypeToName(geometry->getGeometryType())));
            continue;
        }
        ++polygon_features;
        if (to_wgs84 && polygons->transform(to_wgs84.get()) != OGRERR_NONE) {
            fail(fmt::format("cannot transform its geometry to WGS84: {}", messages.take()));
            continue;
        }
        OGREnvelope envelope;
        polygons->getEnvelope(&envelope);
        if (!in_lonlat_range(envelope)) {
            fail(fmt::format("coordinates outside longitude/latitude ranges: ({}, {}) - ({}, {})", envelope.MinX,
                             envelope.MinY, envelope.MaxX, envelope.MaxY));
            continue;
        }
        messages.take();
        if (!polygons->IsValid()) {
            const std::string reason = messages.take("invalid");
            std::unique_ptr<OGRGeometry> made(polygons->MakeValid());
            int collapsed = 0;
            std::unique_ptr<OGRMultiPolygon> repaired = made ? polygons_of(*made, collapsed) : nullptr;
            if (!repaired || repaired->IsEmpty() || !repaired->IsValid()) {
                fail(fmt::format("invalid polygon that cannot be repaired ({}; {})", reason,
                                 made ? fmt::format("MakeValid gives a {}", made->getGeometryName()) : messages.take()));
                continue;
            }
            result.warnings.push_back(fmt::format("{}: invalid polygon repaired ({}){}", label, reason,
                                                  collapsed ? fmt::format("; {} collapsed parts dropped", collapsed) : ""));
            polygons = std::move(repaired);
        }
        if (other_parts > 0) {
            result.warnings.push_back(fmt::format("{}: {} parts that are not polygons dropped", label, other_parts));
        }
        if (region.name.empty()) result.warnings.push_back(fmt::format("{}: field '{}' is empty", label, fields.name));
        if (code_index >= 0 && feature->IsFieldSetAndNotNull(code_index)) {
            region.code = feature->GetFieldAsString(code_index);
            const auto [owner, fresh] = code_owner.emplace(region.code, region.fid);
            if (!fresh && !region.code.empty()) {
                result.warnings.push_back(fmt::format("{}: code '{}' is also the code of feature {}", label, region.code,
                                                      owner->second));
            }
        }
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            if (i == name_index || i == code_index || !feature->IsFieldSetAndNotNull(i)) continue;
            region.attributes.emplace_back(defn.GetFieldDefn(i)->GetNameRef(), feature->GetFieldAsString(i));
        }
        region.geometry = to_boost(*polygons);
        region.wkt = polygons->exportToWkt(wkt_options);
        result.regions.push_back(std::move(region));
    }
    if (polygon_features == 0 && other_features > 0) {
        std::string types;
        for (const auto& [type, count] : other_types) types += fmt::format("{}{} {}", types.empty() ? "" : ", ", count, type);
        throw std::runtime_error(fmt::format("{} holds no polygons ({})", where, types));
    }
    return result;
}

geo::RegionIndex make_region_index(const RegionLayer& layer) {
    std::vector<geo::MultiPolygon> shapes;
    shapes.reserve(layer.regions.size());
    for (const auto& region : layer.regions) shapes.push_back(region.geometry);
    return geo::RegionIndex(shapes);
}

}  // namespace output

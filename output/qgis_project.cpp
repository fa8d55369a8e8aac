#include "output/qgis_project.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <fmt/format.h>
#include <pugixml.hpp>

namespace output {
namespace {

// EPSG:4326 as QGIS 3.22 (PROJ 9) writes it in a project: with srsid, authid and WKT, QGIS
// finds the CRS by any of them.
constexpr const char* kWgs84Wkt =
    "GEOGCRS[\"WGS 84\",ENSEMBLE[\"World Geodetic System 1984 ensemble\",MEMBER[\"World Geodetic System 1984 "
    "(Transit)\"],MEMBER[\"World Geodetic System 1984 (G730)\"],MEMBER[\"World Geodetic System 1984 "
    "(G873)\"],MEMBER[\"World Geodetic System 1984 (G1150)\"],MEMBER[\"World Geodetic System 1984 "
    "(G1674)\"],MEMBER[\"World Geodetic System 1984 (G1762)\"],MEMBER[\"World Geodetic System 1984 "
    "(G2139)\"],ELLIPSOID[\"WGS 84\",6378137,298.257223563,LENGTHUNIT[\"metre\",1]],ENSEMBLEACCURACY[2.0]],"
    "PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],CS[ellipsoidal,2],AXIS[\"geodetic latitude "
    "(Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],AXIS[\"geodetic longitude "
    "(Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\",0.0174532925199433]],USAGE[SCOPE[\"Horizontal component of 3D "
    "system.\"],AREA[\"World.\"],BBOX[-90,-180,90,180]],ID[\"EPSG\",4326]]";

void add_text(pugi::xml_node parent, const char* name, std::string_view text) {
    parent.append_child(name).text().set(std::string(text).c_str());
}

void add_wgs84(pugi::xml_node parent) {
    auto srs = parent.append_child("spatialrefsys");
    add_text(srs, "wkt", kWgs84Wkt);
    add_text(srs, "proj4", "+proj=longlat +datum=WGS84 +no_defs");
    add_text(srs, "srsid", "3452");
    add_text(srs, "srid", "4326");
    add_text(srs, "authid", "EPSG:4326");
    add_text(srs, "description", "WGS 84");
    add_text(srs, "projectionacronym", "longlat");
    add_text(srs, "ellipsoidacronym", "EPSG:7030");
    add_text(srs, "geographicflag", "true");
}

void add_extent(pugi::xml_node parent, const char* name, const QgisExtent& e) {
    auto node = parent.append_child(name);
    add_text(node, "xmin", fmt::format("{:.7f}", e.west));
    add_text(node, "ymin", fmt::format("{:.7f}", e.south));
    add_text(node, "xmax", fmt::format("{:.7f}", e.east));
    add_text(node, "ymax", fmt::format("{:.7f}", e.north));
}

/// A layer id as QGIS makes them (name, then something unique): letters, digits and '_' only.
std::string layer_id(const std::string& name, std::size_t index) {
    std::string id;
    for (const char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return fmt::format("{}_geoevents_{}", id, index);
}

/// Copies the style of a QML document (the children of its <qgis> root, and the root's
/// attributes QGIS reads from a map layer such as labelsEnabled or minScale) into `maplayer`.
void embed_style(pugi::xml_node maplayer, const QgisProjectLayer& layer) {
    if (layer.qml_style.empty()) return;
    pugi::xml_document qml;
    const auto parsed = qml.load_string(layer.qml_style.c_str());
    if (!parsed) {
        throw std::runtime_error(fmt::format("layer '{}': the QML style is not XML ({} at offset {})", layer.name,
                                             parsed.description(), parsed.offset));
    }
    const auto root = qml.child("qgis");
    if (!root) throw std::runtime_error(fmt::format("layer '{}': the QML style has no <qgis> root", layer.name));
    for (const auto& attr : root.attributes()) {
        const std::string_view n = attr.name();
        if (n == "version" || n == "styleCategories") continue;
        auto a = maplayer.attribute(attr.name());
        if (!a) a = maplayer.append_attribute(attr.name());
        a.set_value(attr.value());
    }
    for (const auto& child : root.children()) {
        if (child.type() == pugi::node_element) maplayer.append_copy(child);
    }
}

/// QgsVectorLayerTemporalProperties as QGIS 3.22 writes them. A feature lasts one day from its
/// date: mode 4 (ModeFeatureDateTimeStartAndEndFromExpressions) from `to_datetime("field")` to a
/// day later, startField naming the field. Not mode 1 (ModeFeatureDateTimeInstantFromField with a
/// fixed duration): QGIS 3.22 compares a Date (or date text) with the frame's date-times as text
/// there, so in GeoPackage, KML and CSV layers every event also showed in the frame of the day
/// before its own; through to_datetime the comparison is between date-times in every format.
void add_temporal(pugi::xml_node maplayer, const std::string& field) {
    const bool on = !field.empty();
    const auto start = on ? fmt::format("to_datetime(\"{}\")", field) : std::string();
    const auto end = on ? start + " + make_interval(days:=1)" : std::string();
    auto t = maplayer.append_child("temporal");
    t.append_attribute("enabled") = on ? "1" : "0";
    t.append_attribute("mode") = on ? "4" : "0";
    t.append_attribute("startField") = field.c_str();
    t.append_attribute("endField") = "";
    t.append_attribute("durationField") = "";
    t.append_attribute("startExpression") = start.c_str();
    t.append_attribute("endExpression") = end.c_str();
    t.append_attribute("durationUnit") = on ? "d" : "min";
    t.append_attribute("fixedDuration") = on ? "1" : "0";
    t.append_attribute("accumulate") = "0";
    t.append_attribute("limitMode") = "0";
    auto range = t.append_child("fixedRange");
    range.append_child("start");
    range.append_child("end");
}

void add_maplayer(pugi::xml_node parent, const QgisProjectLayer& layer, const std::string& id) {
    auto m = parent.append_child("maplayer");
    const char* geometry = layer.geometry == GeometryKind::point ? "Point" : "Polygon";
    m.append_attribute("type") = "vector";
    m.append_attribute("geometry") = geometry;
    m.append_attribute("wkbType") = layer.geometry == GeometryKind::point ? "Point" : "MultiPolygon";
    m.append_attribute("styleCategories") = "AllStyleCategories";
    m.append_attribute("hasScaleBasedVisibilityFlag") = "0";
    m.append_attribute("minScale") = "0";
    m.append_attribute("maxScale") = "0";
    m.append_attribute("labelsEnabled") = "0";
    m.append_attribute("readOnly") = "0";
    add_text(m, "id", id);
    add_text(m, "datasource", layer.datasource);
    add_text(m, "layername", layer.name);
    add_wgs84(m.append_child("srs"));
    auto provider = m.append_child("provider");
    provider.append_attribute("encoding") = layer.provider == "ogr" ? "UTF-8" : "";
    provider.text().set(layer.provider.c_str());
    auto styles = m.append_child("map-layer-style-manager");
    styles.append_attribute("current") = "default";
    styles.append_child("map-layer-style").append_attribute("name") = "default";
    add_temporal(m, layer.temporal_field);
    embed_style(m, layer);
}

void check(const QgisProjectSpec& spec) {
    std::set<std::string> names;
    for (const auto& l : spec.layers) {
        if (l.name.empty()) throw std::runtime_error("QGIS project: a layer has no name");
        if (!names.insert(l.name).second) throw std::runtime_error(fmt::format("QGIS project: two layers are named '{}'", l.name));
        if (l.datasource.empty()) throw std::runtime_error(fmt::format("QGIS project: layer '{}' has no datasource", l.name));
        if (l.provider != "ogr" && l.provider != "delimitedtext") {
            throw std::runtime_error(fmt::format("QGIS project: layer '{}': unknown provider '{}' (ogr or delimitedtext)",
                                                 l.name, l.provider));
        }
    }
}

/// Every longitude/latitude pair of a WKT text, in order.
template <typename F>
void for_each_wkt_point(const std::string& wkt, F&& f) {
    std::vector<double> numbers;
    const char* p = wkt.c_str();
    while (*p) {
        if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.') {
            char* end = nullptr;
            numbers.push_back(std::strtod(p, &end));
            p = end == p ? p + 1 : end;
        } else {
            ++p;
        }
    }
    for (std::size_t i = 0; i + 1 < numbers.size(); i += 2) f(numbers[i], numbers[i + 1]);
}

/// `name` in `dir` as QGIS writes a relative path: "./" or "../" first (QgsPathResolver takes a
/// path without either for an absolute one or one relative to the working folder).
std::string path_in(const std::filesystem::path& dir, const std::string& name) {
    const auto path = (dir / name).lexically_normal();
    const auto text = path.generic_string();
    if (path.is_absolute() || text.rfind("../", 0) == 0) return text;
    return "./" + text;
}

std::string datasource(const LayerSpec& spec, Format format, const std::filesystem::path& dir) {
    const auto file = [&](std::string_view ext) { return path_in(dir, spec.name + std::string(ext)); };
    switch (format) {
        case Format::geojson: return file(".geojson");
        case Format::gpkg: return fmt::format("{}|layername={}", path_in(dir, "layers.gpkg"), spec.name);
        case Format::csv:
            return spec.geometry == GeometryKind::point
                       ? file(".csv") + "?type=csv&xField=X&yField=Y&crs=EPSG:4326&geomType=point&spatialIndex=yes"
                       : file(".csv") + "?type=csv&wktField=WKT&crs=EPSG:4326&geomType=polygon&spatialIndex=yes";
        case Format::kml: return file(".kml");
        case Format::flatgeobuf: return file(".fgb");
        case Format::shapefile: return file(".shp");
        case Format::postgis: throw std::runtime_error("a QGIS project of PostGIS layers is not written: add the tables in QGIS");
    }
    return file("");
}

}  // namespace

QgisProjectSpec qgis_project_spec(const std::vector<LayerData>& layers, Format format,
                                  const std::filesystem::path& layers_dir, const TemporalLayer& temporal) {
    QgisProjectSpec spec;
    spec.title = "geoevents";
    double west = std::numeric_limits<double>::infinity(), south = west, east = -west, north = -west;
    const auto extend = [&](double lon, double lat) {
        west = std::min(west, lon);
        east = std::max(east, lon);
        south = std::min(south, lat);
        north = std::max(north, lat);
    };
    for (const auto& [layer, features] : layers) {
        QgisProjectLayer l;
        l.name = layer.name;
        l.provider = format == Format::csv ? "delimitedtext" : "ogr";
        l.datasource = datasource(layer, format, layers_dir);
        l.geometry = layer.geometry;
        l.qml_style = layer.qml_style;
        if (layer.name == temporal.layer) {
            const auto field = std::find_if(layer.fields.begin(), layer.fields.end(),
                                            [&](const FieldSpec& f) { return f.name == temporal.field; });
            if (field != layer.fields.end()) {
                l.temporal_field = temporal.field;
                const auto index = static_cast<std::size_t>(field - layer.fields.begin());
                for (const auto& f : features) {
                    if (index >= f.values.size()) continue;
                    const auto* date = std::get_if<std::string>(&f.values[index]);
                    if (!date || date->empty()) continue;
                    if (spec.time_start.empty() || *date < spec.time_start) spec.time_start = *date;
                    if (spec.time_end.empty() || *date > spec.time_end) spec.time_end = *date;
                }
            }
        }
        for (const auto& f : features) {
            if (layer.geometry == GeometryKind::point) {
                extend(f.lon, f.lat);
            } else {
                for_each_wkt_point(f.polygon_wkt, extend);
            }
        }
        spec.layers.push_back(std::move(l));
    }
    if (west <= east) {
        // a margin of a tenth of the size, at least a tenth of a degree, kept within WGS84
        const double mx = std::max(0.1, (east - west) * 0.1), my = std::max(0.1, (north - south) * 0.1);
        spec.extent = QgisExtent{std::max(-180.0, west - mx), std::max(-90.0, south - my), std::min(180.0, east + mx),
                                 std::min(90.0, north + my)};
    }
    return spec;
}

std::string qgis_project_xml(const QgisProjectSpec& spec) {
    check(spec);
    pugi::xml_document doc;
    doc.append_child(pugi::node_doctype).set_value("qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
    auto qgis = doc.append_child("qgis");
    qgis.append_attribute("version") = "3.22.0";
    qgis.append_attribute("projectname") = spec.title.c_str();
    qgis.append_child("homePath").append_attribute("path") = "";
    add_text(qgis, "title", spec.title);
    add_wgs84(qgis.append_child("projectCrs"));

    std::vector<std::string> ids;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) ids.push_back(layer_id(spec.layers[i].name, i));

    auto tree = qgis.append_child("layer-tree-group");
    tree.append_child("customproperties");
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const auto& l = spec.layers[i];
        auto node = tree.append_child("layer-tree-layer");
        node.append_attribute("id") = ids[i].c_str();
        node.append_attribute("name") = l.name.c_str();
        node.append_attribute("source") = l.datasource.c_str();
        node.append_attribute("providerKey") = l.provider.c_str();
        node.append_attribute("checked") = "Qt::Checked";
        node.append_attribute("expanded") = "1";
        node.append_child("customproperties");
    }
    auto order = tree.append_child("custom-order");
    order.append_attribute("enabled") = "0";
    for (const auto& id : ids) add_text(order, "item", id);

    if (spec.extent) {
        auto canvas = qgis.append_child("mapcanvas");
        canvas.append_attribute("name") = "theMapCanvas";
        canvas.append_attribute("annotationsVisible") = "1";
        add_text(canvas, "units", "degrees");
        add_extent(canvas, "extent", *spec.extent);
        add_text(canvas, "rotation", "0");
        add_wgs84(canvas.append_child("destinationsrs"));
        add_text(canvas, "rendermaptile", "0");
    }

    auto projectlayers = qgis.append_child("projectlayers");
    for (std::size_t i = 0; i < spec.layers.size(); ++i) add_maplayer(projectlayers, spec.layers[i], ids[i]);
    auto layerorder = qgis.append_child("layerorder");
    for (const auto& id : ids) layerorder.append_child("layer").append_attribute("id") = id.c_str();

    auto properties = qgis.append_child("properties");
    auto absolute = properties.append_child("Paths").append_child("Absolute");
    absolute.append_attribute("type") = "bool";
    absolute.text().set("false");

    auto view = qgis.append_child("ProjectViewSettings");
    view.append_attribute("UseProjectScales") = "0";
    view.append_attribute("rotation") = "0";
    view.append_child("Scales");
    if (spec.extent) {
        auto e = view.append_child("DefaultViewExtent");
        e.append_attribute("xmin") = spec.extent->west;
        e.append_attribute("ymin") = spec.extent->south;
        e.append_attribute("xmax") = spec.extent->east;
        e.append_attribute("ymax") = spec.extent->north;
        add_wgs84(e);
    }

    if (!spec.time_start.empty() && !spec.time_end.empty()) {
        // one frame a day; the range ends at the end of the last day
        auto time = qgis.append_child("ProjectTimeSettings");
        time.append_attribute("timeStepUnit") = "d";
        time.append_attribute("timeStep") = "1";
        time.append_attribute("frameRate") = "1";
        time.append_attribute("cumulativeTemporalRange") = "0";
        auto range = time.append_child("TemporalRange");
        add_text(range, "start", spec.time_start + "T00:00:00");
        add_text(range, "end", spec.time_end + "T23:59:59");
    }

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

void write_qgis_project(const std::filesystem::path& qgz_path, const QgisProjectSpec& spec) {
    const std::string xml = qgis_project_xml(spec);
    if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw std::runtime_error(fmt::format("cannot write '{}': the project is too large", qgz_path.string()));
    }
    auto dir = qgz_path.parent_path();
    if (dir.empty()) dir = ".";
    const auto temp = dir / fmt::format(".{}.tmp-{}", qgz_path.filename().string(), ::getpid());
    const auto fail = [&](std::string_view what) {
        return std::runtime_error(fmt::format("cannot write '{}': {}{}{}", qgz_path.string(), what,
                                              *CPLGetLastErrorMsg() ? ": " : "", CPLGetLastErrorMsg()));
    };
    struct TempGuard {
        std::filesystem::path path;
        bool keep = false;
        ~TempGuard() {
            std::error_code ignored;
            if (!keep) std::filesystem::remove(path, ignored);
        }
    } guard{temp};
    {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
    }
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    struct PopHandler {
        ~PopHandler() { CPLPopErrorHandler(); }
    } pop;
    const auto closer = [](void* zip) { CPLCloseZip(zip); };
    std::unique_ptr<void, decltype(closer)> zip(CPLCreateZip(temp.c_str(), nullptr), closer);
    if (!zip) throw fail("cannot create the zip file");
    const std::string entry = qgz_path.stem().string() + ".qgs";
    if (CPLCreateFileInZip(zip.get(), entry.c_str(), nullptr) != CE_None) throw fail("cannot add " + entry);
    if (CPLWriteFileInZip(zip.get(), xml.data(), static_cast<int>(xml.size())) != CE_None) throw fail("cannot write " + entry);
    if (CPLCloseFileInZip(zip.get()) != CE_None) throw fail("cannot close " + entry);
    if (CPLCloseZip(zip.release()) != CE_None) throw fail("cannot close the zip file");
    std::error_code ec;
    std::filesystem::rename(temp, qgz_path, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot write '{}': {}", qgz_path.string(), ec.message()));
    guard.keep = true;
}

}  // namespace output

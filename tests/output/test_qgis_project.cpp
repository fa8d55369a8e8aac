#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <pugixml.hpp>

#include "fixtures.hpp"
#include "output/qgis_project.hpp"

using namespace output;
namespace fs = std::filesystem;

namespace {

constexpr const char* kEventsQml = R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology" labelsEnabled="0">
  <renderer-v2 type="categorizedSymbol" attr="event_type"><categories/><symbols/></renderer-v2>
  <blendMode>0</blendMode>
</qgis>
)";
constexpr const char* kAreasQml = R"(<qgis version="3.22.0"><renderer-v2 type="singleSymbol"/></qgis>)";

std::vector<LayerData> run_layers() {
    LayerSpec ev{"events", GeometryKind::point,
                 {{"event_id", FieldType::string, ""}, {"event_date", FieldType::date, ""}, {"event_type", FieldType::string, ""}},
                 "event_id", kEventsQml};
    std::vector<Feature> events(3);
    events[0].values = {std::string("e1"), std::string("2016-11-20"), std::string("Battles")};
    events[0].lat = 36.2;
    events[0].lon = 37.16;
    events[1].values = {std::string("e2"), std::string("2016-11-18"), std::string("Protests")};
    events[1].lat = 36.52;
    events[1].lon = 37.95;
    events[2].values = {std::string("e3"), FieldValue{}, std::string("Riots")};  // no date
    events[2].lat = 33.51;
    events[2].lon = 36.29;
    LayerSpec ar{"areas", GeometryKind::polygon, {{"area_id", FieldType::string, ""}}, "area_id", kAreasQml};
    std::vector<Feature> areas(1);
    areas[0].values = {std::string("a1")};
    areas[0].polygon_wkt = "POLYGON((37.1 36.1,38.5 36.1,38.5 36.3,37.1 36.1))";
    return {{ev, events}, {ar, areas}};
}

/// The names of the files in a zip, and the text of one of them.
std::vector<std::string> zip_entries(const fs::path& zip) {
    char** list = VSIReadDir(("/vsizip/{" + zip.string() + "}").c_str());
    std::vector<std::string> names;
    for (char** p = list; p && *p; ++p) names.emplace_back(*p);
    CSLDestroy(list);
    return names;
}

std::string zip_entry_text(const fs::path& zip, const std::string& entry) {
    VSILFILE* f = VSIFOpenL(("/vsizip/{" + zip.string() + "}/" + entry).c_str(), "rb");
    REQUIRE(f != nullptr);
    std::string text;
    char buffer[4096];
    for (;;) {
        const auto n = VSIFReadL(buffer, 1, sizeof buffer, f);
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    VSIFCloseL(f);
    return text;
}

pugi::xml_node maplayer(const pugi::xml_document& doc, const std::string& name) {
    for (const auto& m : doc.child("qgis").child("projectlayers").children("maplayer")) {
        if (name == m.child_value("layername")) return m;
    }
    return {};
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("write_qgis_project writes a .qgz holding a .qgs with the layers, styled and temporal", "[output][qgis]") {
    testing::TempDir dir;
    const auto qgz = dir / "project.qgz";
    write_qgis_project(qgz, qgis_project_spec(run_layers(), Format::gpkg, "", {"events", "event_date"}));

    REQUIRE(zip_entries(qgz) == std::vector<std::string>{"project.qgs"});
    const auto text = zip_entry_text(qgz, "project.qgs");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(text.c_str()));
    const auto qgis = doc.child("qgis");
    REQUIRE(qgis);
    CHECK(std::string(qgis.child("projectCrs").child("spatialrefsys").child_value("authid")) == "EPSG:4326");

    const auto events = maplayer(doc, "events");
    const auto areas = maplayer(doc, "areas");
    REQUIRE(events);
    REQUIRE(areas);
    CHECK(std::string(events.child_value("datasource")) == "./layers.gpkg|layername=events");
    CHECK(std::string(areas.child_value("datasource")) == "./layers.gpkg|layername=areas");
    CHECK(std::string(events.child_value("provider")) == "ogr");
    CHECK(std::string(events.attribute("geometry").value()) == "Point");
    CHECK(std::string(areas.attribute("geometry").value()) == "Polygon");
    CHECK(std::string(events.child("srs").child("spatialrefsys").child_value("authid")) == "EPSG:4326");
    CHECK(std::string(qgis.child("properties").child("Paths").child_value("Absolute")) == "false");

    SECTION("the QML styles are embedded in their layers") {
        CHECK(std::string(events.child("renderer-v2").attribute("type").value()) == "categorizedSymbol");
        CHECK(std::string(events.child("renderer-v2").attribute("attr").value()) == "event_type");
        CHECK(events.child("blendMode"));
        CHECK(std::string(events.attribute("labelsEnabled").value()) == "0");
        CHECK(std::string(events.attribute("styleCategories").value()) == "AllStyleCategories");  // not the QML's
        CHECK(std::string(areas.child("renderer-v2").attribute("type").value()) == "singleSymbol");
    }
    SECTION("the events layer is temporal on event_date, each event lasting its day") {
        const auto t = events.child("temporal");
        REQUIRE(t);
        CHECK(std::string(t.attribute("enabled").value()) == "1");
        CHECK(std::string(t.attribute("mode").value()) == "4");  // start and end from expressions
        CHECK(std::string(t.attribute("startField").value()) == "event_date");
        CHECK(std::string(t.attribute("startExpression").value()) == R"(to_datetime("event_date"))");
        CHECK(std::string(t.attribute("endExpression").value()) == R"(to_datetime("event_date") + make_interval(days:=1))");
        CHECK(std::string(areas.child("temporal").attribute("enabled").value()) == "0");
        const auto range = qgis.child("ProjectTimeSettings").child("TemporalRange");
        CHECK(std::string(range.child_value("start")) == "2016-11-18T00:00:00");
        CHECK(std::string(range.child_value("end")) == "2016-11-20T23:59:59");
    }
    SECTION("the layer tree lists the layers in order, events on top") {
        std::vector<std::string> names;
        for (const auto& l : qgis.child("layer-tree-group").children("layer-tree-layer")) names.emplace_back(l.attribute("name").value());
        CHECK(names == std::vector<std::string>{"events", "areas"});
        CHECK(std::string(qgis.child("layer-tree-group").child("layer-tree-layer").attribute("id").value()) ==
              events.child_value("id"));
    }
    SECTION("the view covers every point and polygon") {
        const auto e = qgis.child("mapcanvas").child("extent");
        CHECK(std::stod(e.child_value("xmin")) < 36.29);
        CHECK(std::stod(e.child_value("xmax")) > 38.5);
        CHECK(std::stod(e.child_value("ymin")) < 33.51);
        CHECK(std::stod(e.child_value("ymax")) > 36.52);
    }
    CHECK(files_in(dir.path()) == std::vector<fs::path>{"project.qgz"});
}

TEST_CASE("qgis_project_spec gives each format's relative datasource and provider", "[output][qgis]") {
    const auto layers = run_layers();
    const TemporalLayer temporal{"events", "event_date"};
    SECTION("geojson, in a subfolder of the project's") {
        const auto spec = qgis_project_spec(layers, Format::geojson, "layers", temporal);
        REQUIRE(spec.layers.size() == 2);
        CHECK(spec.layers[0].datasource == "./layers/events.geojson");
        CHECK(spec.layers[0].provider == "ogr");
        CHECK(spec.layers[0].temporal_field == "event_date");
        CHECK(spec.layers[1].temporal_field.empty());
        CHECK(qgis_project_spec(layers, Format::geojson, "../run", temporal).layers[0].datasource == "../run/events.geojson");
        CHECK(qgis_project_spec(layers, Format::geojson, "/data/run", temporal).layers[0].datasource == "/data/run/events.geojson");
    }
    SECTION("csv through the delimited-text provider") {
        const auto spec = qgis_project_spec(layers, Format::csv, ".", temporal);
        CHECK(spec.layers[0].provider == "delimitedtext");
        CHECK(spec.layers[0].datasource.rfind("./events.csv?type=csv&xField=X&yField=Y&crs=EPSG:4326", 0) == 0);
        CHECK(spec.layers[1].datasource.rfind("./areas.csv?type=csv&wktField=WKT&crs=EPSG:4326", 0) == 0);
    }
    SECTION("shapefile, flatgeobuf, kml") {
        CHECK(qgis_project_spec(layers, Format::shapefile, "", temporal).layers[1].datasource == "./areas.shp");
        CHECK(qgis_project_spec(layers, Format::flatgeobuf, "", temporal).layers[1].datasource == "./areas.fgb");
        CHECK(qgis_project_spec(layers, Format::kml, "", temporal).layers[1].datasource == "./areas.kml");
    }
    SECTION("a temporal field the layer lacks makes no layer temporal") {
        const auto spec = qgis_project_spec(layers, Format::geojson, "", {"events", "no_such_field"});
        CHECK(spec.layers[0].temporal_field.empty());
        CHECK(spec.time_start.empty());
    }
}

TEST_CASE("write_qgis_project replaces a project whole and leaves nothing on failure", "[output][qgis]") {
    testing::TempDir dir;
    const auto qgz = dir / "run.qgz";
    SECTION("an old project is replaced") {
        testing::write_file(qgz, "old");
        write_qgis_project(qgz, qgis_project_spec(run_layers(), Format::geojson, "", {"events", "event_date"}));
        CHECK(zip_entries(qgz) == std::vector<std::string>{"run.qgs"});
        CHECK(files_in(dir.path()) == std::vector<fs::path>{"run.qgz"});
    }
    SECTION("an invalid spec throws, naming the fault, and writes nothing") {
        auto spec = qgis_project_spec(run_layers(), Format::geojson, "", {"events", "event_date"});
        SECTION("two layers of one name") {
            spec.layers[1].name = "events";
            CHECK_THROWS_WITH(write_qgis_project(qgz, spec), Catch::Contains("two layers are named 'events'"));
        }
        SECTION("a style that is not XML") {
            spec.layers[1].qml_style = "<qgis><renderer-v2>";
            CHECK_THROWS_WITH(write_qgis_project(qgz, spec), Catch::Contains("layer 'areas': the QML style is not XML"));
        }
        SECTION("an unknown provider") {
            spec.layers[0].provider = "postgres";
            CHECK_THROWS_WITH(write_qgis_project(qgz, spec), Catch::Contains("unknown provider 'postgres'"));
        }
        CHECK(files_in(dir.path()).empty());
    }
    SECTION("a folder that does not exist is an error naming the file") {
        CHECK_THROWS_WITH(write_qgis_project(dir / "missing" / "p.qgz",
                                             qgis_project_spec(run_layers(), Format::geojson, "", {"events", "event_date"})),
                          Catch::Contains("p.qgz"));
    }
}

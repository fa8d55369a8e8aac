#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "output/layer_writer.hpp"

using namespace output;
namespace fs = std::filesystem;

namespace {

const std::string kHalab = "Ḥalab حلب";
const std::string kZone = "Zone Nord – é";
constexpr const char* kQml = R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0" styleCategories="Symbology"><renderer-v2 type="singleSymbol"/></qgis>
)";

// Points with every field type, a null of each and non-ASCII text; "location_mention" is longer
// than a shapefile's 10-character field names.
LayerData events_layer() {
    LayerSpec spec;
    spec.name = "events";
    spec.geometry = GeometryKind::point;
    spec.fields = {{"event_id", FieldType::string, "#event+id"},
                   {"date", FieldType::date, "#date+occurred"},
                   {"fatalities", FieldType::integer, "#affected+killed"},
                   {"big", FieldType::integer64, ""},
                   {"confidence", FieldType::real, "#meta+confidence"},
                   {"location_mention", FieldType::string, "#loc+name"}};
    spec.id_field = "event_id";
    spec.qml_style = kQml;
    std::vector<Feature> f(3);
    f[0].values = {std::string("ev-1"), std::string("2024-03-01"), std::int64_t{5}, std::int64_t{9000000000}, 0.75, kHalab};
    f[0].lat = 36.2;
    f[0].lon = 37.1;
    f[1].values = {std::string("ev-2"), std::monostate{}, std::monostate{}, std::monostate{}, 0.5, std::string("Idlib")};
    f[1].lat = 35.93;
    f[1].lon = 36.63;
    f[2].values = {std::string("ev-3"), std::string("2024-02-29"), std::int64_t{0}, std::int64_t{-1}, 0.25, std::monostate{}};
    f[2].lat = -12.5;
    f[2].lon = -45.25;
    return {spec, f};
}

LayerData areas_layer() {
    LayerSpec spec;
    spec.name = "areas";
    spec.geometry = GeometryKind::polygon;
    spec.fields = {{"area_id", FieldType::string, "#adm1+code"}, {"name", FieldType::string, "#adm1+name"},
                   {"pop", FieldType::integer64, "#population"}};
    spec.id_field = "area_id";
    spec.qml_style = kQml;
    std::vector<Feature> f(2);
    f[0].values = {std::string("A1"), kZone, std::int64_t{9000000001}};
    f[0].polygon_wkt = "POLYGON ((37 36,38 36,38 37,37 37,37 36))";
    f[1].values = {std::string("A2"), std::string("Two parts"), std::monostate{}};
    f[1].polygon_wkt = "MULTIPOLYGON (((10 10,11 10,11 11,10 10)),((20 20,22 20,22 22,20 22,20 20)))";
    return {spec, f};
}

std::vector<LayerData> both_layers() { return {events_layer(), areas_layer()}; }

/// Field values as text, the same way for every format: dates as YYYY-MM-DD, null as "null".
std::string value_text(OGRFeature& f, int index) {
    if (index < 0) return "<no field>";
    if (!f.IsFieldSetAndNotNull(index)) return "null";
    switch (f.GetFieldDefnRef(index)->GetType()) {
        case OFTDate:
        case OFTDateTime: {
            int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
            float s = 0;
            f.GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz);
            return fmt::format("{:04}-{:02}-{:02}", y, m, d);
        }
        case OFTInteger:
        case OFTInteger64: return std::to_string(f.GetFieldAsInteger64(index));
        case OFTReal: return fmt::format("{}", f.GetFieldAsDouble(index));
        default: return f.GetFieldAsString(index);
    }
}

GDALDatasetUniquePtr open(const fs::path& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    INFO(path.string() << ": " << CPLGetLastErrorMsg());
    REQUIRE(ds);
    return ds;
}

std::string epsg_code(OGRLayer& layer) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return "none";
    std::unique_ptr<OGRSpatialReference> copy(srs->Clone());
    copy->AutoIdentifyEPSG();
    const char* name = copy->GetAuthorityName(nullptr);
    const char* code = copy->GetAuthorityCode(nullptr);
    return fmt::format("{}:{}", name ? name : "?", code ? code : "?");
}

std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        out.insert(fs::relative(entry.path(), dir).string());
    }
    return out;
}

/// How a format reads back: the OGR types of the fields and the name a long field gets.
struct ReadBack {
    OGRFieldType date_type = OFTDate;
    OGRFieldType int64_type = OFTInteger64;
    std::string location_field = "location_mention";
    bool has_srs = true;
};

// Checks one point layer and one polygon layer read back from `ds_events` and `ds_areas`.
void check_layers(GDALDataset& ds_events, GDALDataset& ds_areas, const ReadBack& rb, Format format) {
    OGRLayer* events = ds_events.GetLayerByName("events");
    OGRLayer* areas = ds_areas.GetLayerByName("areas");
    REQUIRE(events);
    REQUIRE(areas);
    CHECK(events->GetFeatureCount() == 3);
    CHECK(areas->GetFeatureCount() == 2);
    if (format != Format::kml) {  // LIBKML layers have no declared geometry type
        CHECK(wkbFlatten(events->GetGeomType()) == wkbPoint);
        // A shapefile's polygon type covers multipolygons. GDAL's RFC 7946 writer turns a one-part
        // multipolygon into a Polygon, so the GeoJSON layer mixes both (QGIS merges them).
        const auto expected_type = format == Format::shapefile ? wkbPolygon
                                   : format == Format::geojson ? wkbUnknown
                                                               : wkbMultiPolygon;
        CHECK(wkbFlatten(areas->GetGeomType()) == expected_type);
    }
    if (rb.has_srs) {
        CHECK(epsg_code(*events) == "EPSG:4326");
        CHECK(epsg_code(*areas) == "EPSG:4326");
    }

    auto* defn = events->GetLayerDefn();
    const int i_id = defn->GetFieldIndex("event_id");
    const int i_date = defn->GetFieldIndex("date");
    const int i_fat = defn->GetFieldIndex("fatalities");
    const int i_big = defn->GetFieldIndex("big");
    const int i_conf = defn->GetFieldIndex("confidence");
    const int i_loc = defn->GetFieldIndex(rb.location_field.c_str());
    REQUIRE(i_id >= 0);
    REQUIRE(i_date >= 0);
    REQUIRE(i_fat >= 0);
    REQUIRE(i_big >= 0);
    REQUIRE(i_conf >= 0);
    REQUIRE(i_loc >= 0);
    CHECK(defn->GetFieldDefn(i_id)->GetType() == OFTString);
    CHECK(defn->GetFieldDefn(i_date)->GetType() == rb.date_type);
    CHECK(defn->GetFieldDefn(i_fat)->GetType() == OFTInteger);
    CHECK(defn->GetFieldDefn(i_big)->GetType() == rb.int64_type);
    CHECK(defn->GetFieldDefn(i_conf)->GetType() == OFTReal);
    CHECK(defn->GetFieldDefn(i_loc)->GetType() == OFTString);

    const std::vector<std::vector<std::string>> expected = {
        {"ev-1", "2024-03-01", "5", "9000000000", "0.75", kHalab},
        {"ev-2", "null", "null", "null", "0.5", "Idlib"},
        {"ev-3", "2024-02-29", "0", "-1", "0.25", "null"}};
    const std::vector<std::pair<double, double>> lonlat = {{37.1, 36.2}, {36.63, 35.93}, {-45.25, -12.5}};
    events->ResetReading();
    std::size_t n = 0;
    for (auto& f : *events) {
        REQUIRE(n < expected.size());
        const std::vector<std::string> got = {value_text(*f, i_id),  value_text(*f, i_date), value_text(*f, i_fat),
                                              value_text(*f, i_big), value_text(*f, i_conf), value_text(*f, i_loc)};
        CHECK(got == expected[n]);
        const OGRGeometry* g = f->GetGeometryRef();
        REQUIRE(g);
        REQUIRE(wkbFlatten(g->getGeometryType()) == wkbPoint);
        CHECK(g->toPoint()->getX() == Approx(lonlat[n].first).margin(1e-7));
        CHECK(g->toPoint()->getY() == Approx(lonlat[n].second).margin(1e-7));
        ++n;
    }
    CHECK(n == 3);

    auto* adefn = areas->GetLayerDefn();
    const int a_id = adefn->GetFieldIndex("area_id");
    const int a_name = adefn->GetFieldIndex("name");
    const int a_pop = adefn->GetFieldIndex("pop");
    REQUIRE(a_id >= 0);
    REQUIRE(a_name >= 0);
    REQUIRE(a_pop >= 0);
    CHECK(adefn->GetFieldDefn(a_pop)->GetType() == rb.int64_type);
    const std::vector<std::vector<std::string>> area_values = {{"A1", kZone, "9000000001"}, {"A2", "Two parts", "null"}};
    const std::vector<double> area_sizes = {1.0, 0.5 + 4.0};
    const std::vector<int> parts = {1, 2};
    areas->ResetReading();
    n = 0;
    for (auto& f : *areas) {
        REQUIRE(n < area_values.size());
        CHECK(std::vector<std::string>{value_text(*f, a_id), value_text(*f, a_name), value_text(*f, a_pop)} == area_values[n]);
        const OGRGeometry* g = f->GetGeometryRef();
        REQUIRE(g);
        const auto type = wkbFlatten(g->getGeometryType());
        REQUIRE((type == wkbPolygon || type == wkbMultiPolygon));
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
        CHECK(multi->toMultiPolygon()->getNumGeometries() == parts[n]);
        CHECK(multi->toMultiPolygon()->get_Area() == Approx(area_sizes[n]));
        ++n;
    }
    CHECK(n == 2);
}

}  // namespace

TEST_CASE("format names", "[layer_writer]") {
    CHECK(format_from_string("geojson") == Format::geojson);
    CHECK(format_from_string("GPKG") == Format::gpkg);
    CHECK(format_from_string("csv") == Format::csv);
    CHECK(format_from_string("kml") == Format::kml);
    CHECK(format_from_string("fgb") == Format::flatgeobuf);
    CHECK(format_from_string("flatgeobuf") == Format::flatgeobuf);
    CHECK(format_from_string("shp") == Format::shapefile);
    CHECK(format_from_string("shapefile") == Format::shapefile);
    CHECK_FALSE(format_from_string("xlsx"));
    CHECK(format_name(Format::flatgeobuf) == "flatgeobuf");
}

TEST_CASE("GeoJSON: one RFC 7946 file a layer, ids as feature ids, typed dates", "[layer_writer]") {
    testing::TempDir dir;
    write_layers(dir.path(), both_layers(), {Format::geojson, false});
    CHECK(listing(dir.path()) == std::set<std::string>{"events.geojson", "areas.geojson"});
    auto events = open(dir / "events.geojson");
    auto areas = open(dir / "areas.geojson");
    check_layers(*events, *areas, ReadBack{}, Format::geojson);

    const std::string text = testing::read_file(dir / "events.geojson");
    CHECK_THAT(text, Catch::Contains(R"("id": "ev-1")"));
    CHECK_THAT(text, Catch::Contains(R"("event_id": "ev-1")"));  // still among the properties
    CHECK_THAT(text, Catch::Contains(R"("date": "2024-03-01")"));
    CHECK_THAT(text, Catch::Contains(R"("coordinates": [ 37.1, 36.2 ])"));
    CHECK_THAT(text, !Catch::Contains("bbox"));
    CHECK_THAT(text, !Catch::Contains("\"crs\""));
    // GDAL reads string feature ids back as an "id" field.
    OGRLayer* layer = events->GetLayer(0);
    const int id_index = layer->GetLayerDefn()->GetFieldIndex("id");
    REQUIRE(id_index >= 0);
    layer->ResetReading();
    std::vector<std::string> ids;
    for (auto& f : *layer) ids.emplace_back(f->GetFieldAsString(id_index));
    CHECK(ids == std::vector<std::string>{"ev-1", "ev-2", "ev-3"});
    CHECK_THAT(testing::read_file(dir / "areas.geojson"), Catch::Contains(R"("id": "A2")"));
}

TEST_CASE("GeoPackage: all layers in layers.gpkg with a default QGIS style each", "[layer_writer]") {
    testing::TempDir dir;
    write_layers(dir.path(), both_layers(), {Format::gpkg, false});
    CHECK(listing(dir.path()) == std::set<std::string>{"layers.gpkg"});
    auto ds = open(dir / "layers.gpkg");
    check_layers(*ds, *ds, ReadBack{}, Format::gpkg);
    CHECK(ds->GetLayerByName("events")->TestCapability(OLCFastSpatialFilter));  // spatial index

    OGRLayer* styles = ds->ExecuteSQL(
        "SELECT f_table_name, f_geometry_column, styleName, styleQML, useAsDefault FROM layer_styles ORDER BY f_table_name",
        nullptr, nullptr);
    REQUIRE(styles);
    std::vector<std::string> rows;
    for (auto& f : *styles) {
        rows.push_back(fmt::format("{}|{}|{}|{}|{}", f->GetFieldAsString(0), f->GetFieldAsString(1), f->GetFieldAsString(2),
                                   f->GetFieldAsString(3) == std::string(kQml) ? "qml" : "other", f->GetFieldAsInteger(4)));
    }
    ds->ReleaseResultSet(styles);
    CHECK(rows == std::vector<std::string>{"areas|geom|areas|qml|1", "events|geom|events|qml|1"});
}

TEST_CASE("CSV: X,Y or WKT columns and an HXL row as line 2", "[layer_writer]") {
    testing::TempDir dir;
    write_layers(dir.path(), both_layers(), {Format::csv, false});
    CHECK(listing(dir.path()) == std::set<std::string>{"events.csv", "areas.csv"});
    const std::string events = testing::read_file(dir / "events.csv");
    CHECK(events.rfind("X,Y,event_id,date,fatalities,big,confidence,location_mention\n"
                       "#geo+lon,#geo+lat,#event+id,#date+occurred,#affected+killed,,#meta+confidence,#loc+name\n",
                       0) == 0);
    CHECK_THAT(events, Catch::Contains("2024-03-01"));
    CHECK_THAT(events, Catch::Contains(kHalab));
    const std::string areas = testing::read_file(dir / "areas.csv");
    CHECK(areas.rfind("WKT,area_id,name,pop\n#geo+bounds,#adm1+code,#adm1+name,#population\n", 0) == 0);

    // Read back through GDAL: the HXL row is its first row, the data follow as text; a null is
    // an empty cell.
    auto ds = open(dir / "events.csv");
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(std::string(layer->GetName()) == "events");
    CHECK(layer->GetFeatureCount() == 4);
    auto* defn = layer->GetLayerDefn();
    std::vector<std::string> got;
    for (auto& f : *layer) {
        got.push_back(fmt::format("{} {} {} {} {}", value_text(*f, defn->GetFieldIndex("X")), value_text(*f, defn->GetFieldIndex("Y")),
                                  value_text(*f, defn->GetFieldIndex("event_id")), value_text(*f, defn->GetFieldIndex("date")),
                                  value_text(*f, defn->GetFieldIndex("location_mention"))));
    }
    CHECK(got == std::vector<std::string>{"#geo+lon #geo+lat #event+id #date+occurred #loc+name",
                                          "37.1 36.2 ev-1 2024-03-01 " + kHalab, "36.63 35.93 ev-2  Idlib",
                                          "-45.25 -12.5 ev-3 2024-02-29 "});
}

TEST_CASE("KML, FlatGeobuf and Shapefile round-trip", "[layer_writer]") {
    testing::TempDir dir;
    SECTION("KML") {
        write_layers(dir.path(), both_layers(), {Format::kml, false});
        CHECK(listing(dir.path()) == std::set<std::string>{"events.kml", "areas.kml"});
        auto events = open(dir / "events.kml");
        auto areas = open(dir / "areas.kml");
        ReadBack rb;
        rb.date_type = OFTString;  // KML has no date type in its schemas
        rb.int64_type = OFTReal;
        rb.has_srs = true;
        check_layers(*events, *areas, rb, Format::kml);
    }
    SECTION("FlatGeobuf") {
        write_layers(dir.path(), both_layers(), {Format::flatgeobuf, false});
        CHECK(listing(dir.path()) == std::set<std::string>{"events.fgb", "areas.fgb"});
        auto events = open(dir / "events.fgb");
        auto areas = open(dir / "areas.fgb");
        ReadBack rb;
        rb.date_type = OFTDateTime;  // FlatGeobuf has DateTime columns only
        check_layers(*events, *areas, rb, Format::flatgeobuf);
    }
    SECTION("Shapefile") {
        write_layers(dir.path(), both_layers(), {Format::shapefile, false});
        CHECK(listing(dir.path()) == std::set<std::string>{"events.shp", "events.shx", "events.dbf", "events.prj",
                                                           "events.cpg", "areas.shp", "areas.shx", "areas.dbf",
                                                           "areas.prj", "areas.cpg"});
        CHECK(testing::read_file(dir / "events.cpg") == "UTF-8");
        auto events = open(dir / "events.shp");
        auto areas = open(dir / "areas.shp");
        ReadBack rb;
        rb.location_field = "location_m";  // cut to 10 characters by the driver
        check_layers(*events, *areas, rb, Format::shapefile);
    }
}

TEST_CASE("existing output is replaced only with overwrite", "[layer_writer]") {
    testing::TempDir dir;
    const auto format = GENERATE(Format::geojson, Format::gpkg, Format::shapefile);
    CAPTURE(format_name(format));
    write_layers(dir.path(), {events_layer()}, {format, false});
    const fs::path main_file = output_files(dir.path(), {events_layer()}, format).front();
    const std::string before = testing::read_file(main_file);
    const auto files_before = listing(dir.path());

    auto changed = events_layer();
    changed.second.pop_back();
    CHECK_THROWS_WITH(write_layers(dir.path(), {changed}, {format, false}),
                      Catch::Contains(main_file.string()) && Catch::Contains("already exists"));
    CHECK(testing::read_file(main_file) == before);
    CHECK(listing(dir.path()) == files_before);

    write_layers(dir.path(), {changed}, {format, true});
    CHECK(listing(dir.path()) == files_before);
    auto ds = open(main_file);
    CHECK(ds->GetLayerByName("events")->GetFeatureCount() == 2);
}

TEST_CASE("a failed write leaves no new file and the old ones intact", "[layer_writer]") {
    testing::TempDir dir;
    const auto format = GENERATE(Format::geojson, Format::gpkg, Format::csv, Format::kml, Format::flatgeobuf, Format::shapefile);
    CAPTURE(format_name(format));
    write_layers(dir.path(), {events_layer()}, {format, false});
    const fs::path main_file = output_files(dir.path(), {events_layer()}, format).front();
    const std::string before = testing::read_file(main_file);
    const auto files_before = listing(dir.path());

    auto fewer = events_layer();
    fewer.second.pop_back();  // would change the events file if it were written
    SECTION("invalid polygon WKT") {
        auto bad = areas_layer();
        bad.second[1].polygon_wkt = "POLYGON ((0 0, 1 1";
        CHECK_THROWS_WITH(write_layers(dir.path(), {fewer, bad}, {format, true}),
                          Catch::Contains("layer 'areas' feature 1") && Catch::Contains("unparsable"));
    }
    SECTION("a point where a polygon belongs") {
        auto bad = areas_layer();
        bad.second[0].polygon_wkt = "POINT (1 2)";
        CHECK_THROWS_WITH(write_layers(dir.path(), {fewer, bad}, {format, true}), Catch::Contains("not a polygon"));
    }
    SECTION("a value of the wrong type") {
        auto bad = areas_layer();
        bad.second[1].values[2] = std::string("many");
        CHECK_THROWS_WITH(write_layers(dir.path(), {fewer, bad}, {format, true}),
                          Catch::Contains("layer 'areas' feature 1 field 'pop'") && Catch::Contains("a string value"));
    }
    SECTION("an invalid date") {
        auto bad = events_layer();
        bad.second[2].values[1] = std::string("2023-02-29");
        CHECK_THROWS_WITH(write_layers(dir.path(), {bad}, {format, true}), Catch::Contains("'2023-02-29' is not a date"));
    }
    SECTION("two layers of the same name") {
        CHECK_THROWS_WITH(write_layers(dir.path(), {fewer, areas_layer(), fewer}, {format, true}),
                          Catch::Contains("two layers are named 'events'"));
    }
    SECTION("a point out of range") {
        auto bad = events_layer();
        bad.second[0].lat = 137.0;
        CHECK_THROWS_WITH(write_layers(dir.path(), {bad}, {format, true}), Catch::Contains("out of range"));
    }
    CHECK(testing::read_file(main_file) == before);
    CHECK(listing(dir.path()) == files_before);
}

TEST_CASE("invalid specs are refused before anything is written", "[layer_writer]") {
    testing::TempDir dir;
    const fs::path out = dir / "new";
    auto layer = events_layer();
    SECTION("values and fields do not match") {
        layer.second[1].values.pop_back();
        CHECK_THROWS_WITH(write_layers(out, {layer}, {}), Catch::Contains("layer 'events' feature 1: 5 values for 6 fields"));
    }
    SECTION("unknown id field") {
        layer.first.id_field = "nope";
        CHECK_THROWS_WITH(write_layers(out, {layer}, {}), Catch::Contains("id_field 'nope'"));
    }
    SECTION("a layer name with a slash") {
        layer.first.name = "../events";
        CHECK_THROWS_WITH(write_layers(out, {layer}, {}), Catch::Contains("invalid layer name"));
    }
    SECTION("an integer too large for 32 bits") {
        layer.second[0].values[2] = std::int64_t{5000000000};
        CHECK_THROWS_WITH(write_layers(out, {layer}, {}), Catch::Contains("does not fit a 32-bit integer"));
        REQUIRE(fs::exists(out));  // the folder is made before writing; it stays empty
    }
    if (fs::exists(out)) CHECK(listing(out).empty());
}

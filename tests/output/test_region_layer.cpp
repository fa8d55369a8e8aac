#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/is_valid.hpp>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "output/region_layer.hpp"

using namespace output;
namespace bg = boost::geometry;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

// Three governorates of a made-up country: A and B share the border x = 37, C is two islands,
// A has a hole (a lake) that no region fills.
constexpr const char* kGovernorates = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "id": 1, "properties": {"ADM1_EN": "Alpha", "ADM1_PCODE": "XY01", "ADM0_EN": "Xland", "area": 1.5},
 "geometry": {"type": "Polygon", "coordinates": [[[36,33],[37,33],[37,34],[36,34],[36,33]],
                                                  [[36.2,33.2],[36.4,33.2],[36.4,33.4],[36.2,33.4],[36.2,33.2]]]}},
{"type": "Feature", "id": 2, "properties": {"ADM1_EN": "Beta", "ADM1_PCODE": "XY02", "ADM0_EN": "Xland", "area": null},
 "geometry": {"type": "Polygon", "coordinates": [[[37,33,100],[38,33,100],[38,34,100],[37,34,100],[37,33,100]]]}},
{"type": "Feature", "id": 3, "properties": {"ADM1_EN": "Gamma", "ADM1_PCODE": "XY03", "ADM0_EN": "Xland", "area": 0.1},
 "geometry": {"type": "MultiPolygon", "coordinates": [[[[39,33],[39.5,33],[39.5,33.5],[39,33]]],
                                                       [[[40,33],[40.5,33],[40.5,33.5],[40,33.5],[40,33]]]]}}
]})";

std::string feature(int id, const std::string& name, const std::string& geometry) {
    return fmt::format(R"({{"type": "Feature", "id": {}, "properties": {{"name": "{}"}}, "geometry": {}}})", id, name, geometry);
}

std::string collection(const std::string& features, const std::string& extra = "") {
    return fmt::format(R"({{"type": "FeatureCollection", {} "features": [{}]}})", extra, features);
}

fs::path write(const testing::TempDir& dir, const std::string& name, const std::string& content) {
    const auto path = dir / name;
    testing::write_file(path, content);
    return path;
}

RegionLayer read(const fs::path& path, const std::string& name_field = "name", const std::string& code_field = "") {
    return read_region_layer(parse_region_source(path.string()), {name_field, code_field});
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(no exception)";
}

/// Web Mercator (EPSG:3857) metres of a lon/lat point.
std::pair<double, double> mercator(double lon, double lat) {
    constexpr double kR = 6378137.0, kPi = 3.14159265358979323846;
    return {kR * lon * kPi / 180, kR * std::log(std::tan(kPi / 4 + lat * kPi / 360))};
}

}  // namespace

TEST_CASE("parse_region_source splits SOURCE[:LAYER]", "[output][regions]") {
    const testing::TempDir dir;
    SECTION("a path alone") {
        const auto s = parse_region_source("boundaries/adm1.gpkg");
        CHECK(s.path == "boundaries/adm1.gpkg");
        CHECK(s.layer.empty());
    }
    SECTION("a path and a layer") {
        const auto s = parse_region_source("boundaries/adm.gpkg:adm1");
        CHECK(s.path == "boundaries/adm.gpkg");
        CHECK(s.layer == "adm1");
    }
    SECTION("an existing file with ':' in its name is taken whole") {
        const auto path = write(dir, "regions:v2.geojson", kGovernorates);
        const auto s = parse_region_source(path.string());
        CHECK(s.path == path.string());
        CHECK(s.layer.empty());
        const auto with_layer = parse_region_source(path.string() + ":adm1");
        CHECK(with_layer.path == path.string());
        CHECK(with_layer.layer == "adm1");
    }
    SECTION("no layer after a trailing ':' or when the rest holds a '/'") {
        CHECK(parse_region_source("a.gpkg:").path == "a.gpkg:");
        CHECK(parse_region_source("/vsicurl/http://example.org/a.fgb").layer.empty());
    }
    SECTION("empty") {
        CHECK_THROWS_AS(parse_region_source(""), std::invalid_argument);
        CHECK_THROWS_AS(parse_region_source(":adm1"), std::invalid_argument);
    }
}

TEST_CASE("read_region_layer reads names, codes, other fields and polygons", "[output][regions]") {
    const testing::TempDir dir;
    const auto path = write(dir, "adm1.geojson", kGovernorates);
    const auto layer = read(path, "ADM1_EN", "ADM1_PCODE");
    CHECK(layer.path == path.string());
    CHECK(layer.layer == "adm1");
    CHECK(layer.warnings.empty());
    CHECK(layer.errors.empty());
    REQUIRE(layer.regions.size() == 3);
    const auto& a = layer.regions[0];
    CHECK(a.fid == 1);
    CHECK(a.name == "Alpha");
    CHECK(a.code == "XY01");
    CHECK(a.attributes == std::vector<std::pair<std::string, std::string>>{{"ADM0_EN", "Xland"}, {"area", "1.5"}});
    CHECK(layer.regions[1].attributes.size() == 1);  // the null is left out
    REQUIRE(a.geometry.size() == 1);
    CHECK(a.geometry.front().inners().size() == 1);
    CHECK(bg::area(a.geometry) == Approx(1.0 - 0.04));
    CHECK(layer.regions[2].geometry.size() == 2);
    for (const auto& r : layer.regions) {
        CHECK(bg::is_valid(r.geometry));
        CHECK_THAT(r.wkt, Contains("MULTIPOLYGON"));
        OGRGeometry* parsed = nullptr;
        CHECK(OGRGeometryFactory::createFromWkt(r.wkt.c_str(), nullptr, &parsed) == OGRERR_NONE);
        REQUIRE(parsed != nullptr);
        CHECK(parsed->IsValid());
        CHECK(parsed->getCoordinateDimension() == 2);  // Beta's Z is dropped
        OGRGeometryFactory::destroyGeometry(parsed);
    }
    SECTION("the index built from it") {
        const auto index = make_region_index(layer);
        REQUIRE(index.size() == 3);
        CHECK(index.locate({33.5, 36.5}) == 0u);
        CHECK(index.locate({33.5, 37.5}) == 1u);
        CHECK(index.locate({33.5, 37.0}) == 1u);            // the shared border: the east side
        CHECK_FALSE(index.locate({33.3, 36.3}).has_value());  // the lake
        CHECK(index.locate({33.25, 40.25}) == 2u);
        CHECK_FALSE(index.locate({33.5, 41.0}).has_value());
    }
    SECTION("the same file named with its layer") {
        CHECK(read_region_layer(parse_region_source(path.string() + ":adm1"), {"ADM1_EN", ""}).regions.size() == 3);
    }
}

TEST_CASE("read_region_layer transforms other CRSs to WGS84 longitude/latitude", "[output][regions]") {
    const testing::TempDir dir;
    std::string ring;
    for (const auto& [lon, lat] : {std::pair{36.0, 33.0}, {37.0, 33.0}, {37.0, 34.0}, {36.0, 34.0}, {36.0, 33.0}}) {
        const auto [x, y] = mercator(lon, lat);
        ring += fmt::format("{}[{:.4f},{:.4f}]", ring.empty() ? "" : ",", x, y);
    }
    const auto path = write(dir, "mercator.geojson",
                            collection(feature(7, "Metres", R"({"type": "Polygon", "coordinates": [[)" + ring + "]]}"),
                                       R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},)"));
    const auto layer = read(path);
    CHECK(layer.errors.empty());
    REQUIRE(layer.regions.size() == 1);
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& p : layer.regions[0].geometry.front().outer()) {
        x0 = std::min(x0, p.x());
        y0 = std::min(y0, p.y());
        x1 = std::max(x1, p.x());
        y1 = std::max(y1, p.y());
    }
    CHECK(x0 == Approx(36.0).margin(1e-7));
    CHECK(x1 == Approx(37.0).margin(1e-7));
    CHECK(y0 == Approx(33.0).margin(1e-7));
    CHECK(y1 == Approx(34.0).margin(1e-7));
    CHECK(make_region_index(layer).locate({33.5, 36.5}) == 0u);
}

TEST_CASE("read_region_layer repairs invalid polygons or reports them, never drops them silently", "[output][regions]") {
    const testing::TempDir dir;
    const auto path = write(
        dir, "invalid.geojson",
        collection(feature(1, "Bowtie", R"({"type": "Polygon", "coordinates": [[[0,0],[2,2],[2,0],[0,2],[0,0]]]})") + "," +
                   feature(2, "Flat", R"({"type": "Polygon", "coordinates": [[[5,5],[6,6],[7,7],[5,5]]]})") + "," +
                   feature(3, "Good", R"({"type": "Polygon", "coordinates": [[[10,10],[11,10],[11,11],[10,10]]]})") + "," +
                   feature(4, "Nothing", "null")));
    const auto layer = read(path);
    REQUIRE(layer.regions.size() == 2);
    CHECK(layer.regions[0].name == "Bowtie");
    CHECK(layer.regions[0].geometry.size() == 2);  // two triangles
    CHECK(bg::area(layer.regions[0].geometry) == Approx(2.0));
    CHECK(layer.regions[1].name == "Good");

    REQUIRE(layer.warnings.size() == 1);
    const auto& warning = layer.warnings[0];
    CHECK_THAT(warning, Contains(path.string()) && Contains("layer 'invalid'") && Contains("feature 1") &&
                            Contains("'Bowtie'") && Contains("repaired") && Contains("elf-intersection"));
    REQUIRE(layer.errors.size() == 2);
    CHECK_THAT(layer.errors[0], Contains(path.string()) && Contains("layer 'invalid'") && Contains("feature 2") &&
                                    Contains("'Flat'") && Contains("cannot be repaired"));
    CHECK_THAT(layer.errors[1], Contains("feature 4") && Contains("'Nothing'") && Contains("no geometry"));

    const auto index = make_region_index(layer);
    CHECK(index.locate({1.0, 0.3}) == 0u);  // in the bowtie's left triangle
    CHECK(index.locate({1.5, 1.0}) == std::nullopt);  // the gap above the crossing
}

TEST_CASE("read_region_layer names the file, layer and field that are missing", "[output][regions]") {
    const testing::TempDir dir;
    const auto path = write(dir, "adm1.geojson", kGovernorates);
    SECTION("name field") {
        const auto what = message_of([&] { read(path, "NAME_EN"); });
        CHECK_THAT(what, Contains(path.string()) && Contains("layer 'adm1'") && Contains("no name field 'NAME_EN'") &&
                             Contains("fields: ADM1_EN, ADM1_PCODE, ADM0_EN, area"));
    }
    SECTION("code field") {
        const auto what = message_of([&] { read(path, "ADM1_EN", "PCODE"); });
        CHECK_THAT(what, Contains(path.string()) && Contains("no code field 'PCODE'") && Contains("ADM1_PCODE"));
    }
    SECTION("layer") {
        const auto what = message_of([&] { read_region_layer({path.string(), "adm2"}, {"ADM1_EN", ""}); });
        CHECK_THAT(what, Contains(path.string()) && Contains("no layer 'adm2'") && Contains("layers: 'adm1'"));
    }
    SECTION("file") {
        const auto missing = (dir / "missing.geojson").string();
        CHECK_THAT(message_of([&] { read_region_layer({missing, ""}, {"name", ""}); }),
                   Contains(missing) && Contains("cannot open"));
    }
}

TEST_CASE("read_region_layer refuses layers that hold no polygons", "[output][regions]") {
    const testing::TempDir dir;
    SECTION("a point layer") {
        const auto path = write(dir, "towns.geojson", collection(feature(1, "Daraya", R"({"type": "Point", "coordinates": [36.2, 33.4]})")));
        CHECK_THAT(message_of([&] { read(path); }),
                   Contains(path.string()) && Contains("layer 'towns'") && Contains("Point") && Contains("not polygons"));
    }
    SECTION("a layer of mixed types without a polygon") {
        const auto path = write(dir, "mixed.geojson",
                                collection(feature(1, "Town", R"({"type": "Point", "coordinates": [36.2, 33.4]})") + "," +
                                           feature(2, "Road", R"({"type": "LineString", "coordinates": [[36, 33], [37, 34]]})")));
        CHECK_THAT(message_of([&] { read(path); }), Contains(path.string()) && Contains("layer 'mixed'") &&
                                                         Contains("holds no polygons") && Contains("1 Point"));
    }
    SECTION("a mixed layer with polygons: the others are reported") {
        const auto path = write(dir, "some.geojson",
                                collection(feature(1, "Town", R"({"type": "Point", "coordinates": [36.2, 33.4]})") + "," +
                                           feature(2, "Area", R"({"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]})")));
        const auto layer = read(path);
        REQUIRE(layer.regions.size() == 1);
        REQUIRE(layer.errors.size() == 1);
        CHECK_THAT(layer.errors[0], Contains("feature 1") && Contains("'Town'") && Contains("not a polygon"));
    }
}

TEST_CASE("read_region_layer takes the first layer by default, or the one named", "[output][regions]") {
    const testing::TempDir dir;
    const auto path = dir / "two.gpkg";
    {
        GDALAllRegister();
        auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        REQUIRE(driver != nullptr);
        GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* points = ds->CreateLayer("towns", &wgs84, wkbPoint, nullptr);
        OGRLayer* polygons = ds->CreateLayer("districts", &wgs84, wkbMultiPolygon, nullptr);
        REQUIRE(points);
        REQUIRE(polygons);
        for (OGRLayer* l : {points, polygons}) {
            OGRFieldDefn name("name", OFTString);
            REQUIRE(l->CreateField(&name) == OGRERR_NONE);
        }
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(polygons->GetLayerDefn()));
        f->SetField("name", "Daraya");
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt("MULTIPOLYGON(((36.2 33.4,36.3 33.4,36.3 33.5,36.2 33.4)))", nullptr, &g) == OGRERR_NONE);
        f->SetGeometryDirectly(g);
        REQUIRE(polygons->CreateFeature(f.get()) == OGRERR_NONE);
    }
    std::string first;
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        first = ds->GetLayer(0)->GetName();
    }
    if (first == "towns") CHECK_THAT(message_of([&] { read(path); }), Contains("layer 'towns'"));
    else CHECK(read(path).layer == first);
    CHECK_THAT(message_of([&] { read_region_layer(parse_region_source(path.string() + ":towns"), {"name", ""}); }),
               Contains(path.string()) && Contains("layer 'towns'") && Contains("Point") && Contains("not polygons"));
    const auto layer = read_region_layer(parse_region_source(path.string() + ":districts"), {"name", ""});
    CHECK(layer.layer == "districts");
    REQUIRE(layer.regions.size() == 1);
    CHECK(layer.regions[0].name == "Daraya");
}

TEST_CASE("read_region_layer and layers without a CRS", "[output][regions]") {
    const testing::TempDir dir;
    SECTION("lon/lat coordinates: read as WGS84, with a warning") {
        const auto path = write(dir, "plain.csv", "name,WKT\nSquare,\"POLYGON((36 33,37 33,37 34,36 34,36 33))\"\n");
        const auto layer = read(path);
        REQUIRE(layer.regions.size() == 1);
        REQUIRE(layer.warnings.size() == 1);
        CHECK_THAT(layer.warnings[0], Contains(path.string()) && Contains("no CRS"));
    }
    SECTION("coordinates that are not degrees") {
        const auto path = write(dir, "metres.csv", "name,WKT\nSquare,\"POLYGON((4000000 3900000,4100000 3900000,4100000 4000000,4000000 3900000))\"\n");
        CHECK_THAT(message_of([&] { read(path); }), Contains(path.string()) && Contains("no CRS") && Contains("not in longitude/latitude"));
    }
}

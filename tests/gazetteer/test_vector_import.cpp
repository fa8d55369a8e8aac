#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/sqlite.hpp"

using namespace gazetteer;

namespace {
// A team's own community list: points with P-codes and Arabic names, and one polygon.
const std::string kCommunities = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"pcode": "C1001", "name_en": "Tall Rifaat", "name_ar": "تل رفعت", "adm1": "Aleppo", "pop": 20000},
  "geometry": {"type": "Point", "coordinates": [37.097, 36.473]}},
 {"type": "Feature", "properties": {"pcode": "C1002", "name_en": "Hraytan", "name_ar": "حريتان", "adm1": "Aleppo", "pop": 15000},
  "geometry": {"type": "Point", "coordinates": [37.082, 36.303]}},
 {"type": "Feature", "properties": {"pcode": "Z01", "name_en": "North Zone", "name_ar": null, "adm1": "Aleppo", "pop": null},
  "geometry": {"type": "Polygon", "coordinates": [[[37.0, 36.0], [38.0, 36.0], [38.0, 37.0], [37.0, 37.0], [37.0, 36.0]]]}}
]})";

BuildOptions vector_build(const testing::TempDir& dir, const std::string& spec, bool skip = false) {
    BuildOptions o;
    o.output = dir / "teams.sqlite";
    o.vector_sources.push_back(parse_vector_source(spec));
    o.skip_bad_rows = skip;
    return o;
}
}  // namespace

TEST_CASE("parse_vector_source reads PATH,key=value lists", "[vector]") {
    const auto s = parse_vector_source("a.geojson,name=n,id=p,alt=ar@ar,alt=fr,country=SY,layer=L");
    CHECK(s.path == "a.geojson");
    CHECK(s.name_field == "n");
    CHECK(s.id_field == "p");
    REQUIRE(s.alt_fields.size() == 2);
    CHECK(s.alt_fields[0].field == "ar");
    CHECK(s.alt_fields[0].lang == "ar");
    CHECK(s.alt_fields[1].lang.empty());
    CHECK(s.country_code == "SY");
    CHECK(s.layer == "L");
    CHECK_THROWS_WITH(parse_vector_source("a.geojson,id=p"), Catch::Contains("name=FIELD"));
    CHECK_THROWS_WITH(parse_vector_source("a.geojson,name=n,colour=red"), Catch::Contains("colour"));
    CHECK_THROWS_WITH(parse_vector_source("a.geojson,name"), Catch::Contains("key=value"));
}

TEST_CASE("a GDAL vector layer becomes a gazetteer with its own codes", "[vector]") {
    testing::TempDir dir;
    testing::write_file(dir / "communities.geojson", kCommunities);
    build_gazetteer(vector_build(dir, (dir / "communities.geojson").string() +
                                          ",id=pcode,name=name_en,alt=name_ar@ar,admin1=adm1,population=pop,country=SY"));
    const Gazetteer gaz(dir / "teams.sqlite");
    const auto tr = gaz.lookup("Tall Rifaat");
    REQUIRE(tr.size() == 1);
    CHECK(tr[0].place.place_id == "C1001");
    CHECK(tr[0].place.country_code == "SY");
    CHECK(tr[0].place.admin1_name == "Aleppo");
    CHECK(tr[0].place.population == 20000);
    CHECK(tr[0].place.latitude == Approx(36.473));
    CHECK(tr[0].place.feature_code == "PPL");
    CHECK(gaz.lookup("تل رفعت")[0].place.place_id == "C1001");
    const auto by_code = gaz.lookup("C1002");
    REQUIRE(by_code.size() == 1);
    CHECK(by_code[0].match == MatchKind::code);

    SECTION("polygons are kept as footprints, with a point inside them") {
        const auto zone = gaz.lookup("North Zone");
        REQUIRE(zone.size() == 1);
        CHECK(zone[0].place.feature_code == "ADMD");
        CHECK(zone[0].place.latitude > 36.0);
        CHECK(zone[0].place.latitude < 37.0);
        CHECK(zone[0].place.longitude > 37.0);
        CHECK(zone[0].place.longitude < 38.0);
        CHECK(gaz.info().footprints == 1);
        Database db((dir / "teams.sqlite").string(), Database::Mode::create);  // CheckSpatialIndex writes its findings
        Statement index(db, "SELECT pkid, xmin, xmax, ymin, ymax, CheckSpatialIndex('places', 'footprint') FROM idx_places_footprint");
        REQUIRE(index.step());
        CHECK(index.column_int(0) == zone[0].place.index);
        CHECK(index.column_double(1) == 37.0);
        CHECK(index.column_double(2) == 38.0);
        CHECK(index.column_double(3) == 36.0);
        CHECK(index.column_double(4) == 37.0);
        CHECK(index.column_int(5) == 1);
        CHECK_FALSE(index.step());
        index.reset();
        Statement check(db, "SELECT rtreecheck('idx_places_footprint')");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
        // SpatiaLite's triggers keep the footprint index after the build
        db.exec("UPDATE places SET footprint = CastToMultiPolygon(BuildMbr(10, 20, 11, 21, 4326)) WHERE place_id = 'C1001'");
        Statement added(db, "SELECT count(*) FROM idx_places_footprint WHERE xmin <= 10.5 AND xmax >= 10.5 AND ymin <= 20.5 AND ymax >= 20.5");
        REQUIRE(added.step());
        CHECK(added.column_int(0) == 1);
    }
}

TEST_CASE("polygons with heights are kept as flat footprints", "[vector]") {
    testing::TempDir dir;
    testing::write_file(dir / "zones3d.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"code": "Z9", "name": "High Zone"},
  "geometry": {"type": "Polygon", "coordinates": [[[36.0, 35.0, 400], [36.5, 35.0, 410], [36.5, 35.5, 420], [36.0, 35.5, 430], [36.0, 35.0, 400]]]}}
]})");
    build_gazetteer(vector_build(dir, (dir / "zones3d.geojson").string() + ",id=code,name=name,country=SY"));
    Database db((dir / "teams.sqlite").string(), Database::Mode::create);
    Statement footprint(db, "SELECT CoordDimension(footprint), GeometryType(footprint), CheckSpatialIndex('places', 'footprint') "
                            "FROM places WHERE place_id = 'Z9'");
    REQUIRE(footprint.step());
    CHECK(footprint.column_text(0) == "XY");
    CHECK(footprint.column_text(1) == "MULTIPOLYGON");
    CHECK(footprint.column_int(2) == 1);
}

TEST_CASE("a layer in another CRS is transformed to WGS84", "[vector]") {
    testing::TempDir dir;
    // Web Mercator metres for lon 37.16, lat 36.20 (Aleppo).
    testing::write_file(dir / "mercator.geojson", R"({"type": "FeatureCollection",
      "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
      "features": [{"type": "Feature", "properties": {"name": "Citadel"},
                    "geometry": {"type": "Point", "coordinates": [4136704.4, 4327442.0]}}]})");
    build_gazetteer(vector_build(dir, (dir / "mercator.geojson").string() + ",name=name"));
    const auto c = Gazetteer(dir / "teams.sqlite").lookup("Citadel");
    REQUIRE(c.size() == 1);
    CHECK(c[0].place.longitude == Approx(37.16).margin(0.01));
    CHECK(c[0].place.latitude == Approx(36.20).margin(0.01));
}

TEST_CASE("a missing field is named, with the fields the layer has", "[vector]") {
    testing::TempDir dir;
    testing::write_file(dir / "communities.geojson", kCommunities);
    CHECK_THROWS_WITH(build_gazetteer(vector_build(dir, (dir / "communities.geojson").string() + ",name=admin4Name")),
                      Catch::Contains("no field 'admin4Name'") && Catch::Contains("name_en"));
}

TEST_CASE("a file GDAL cannot open gives one clear message", "[vector]") {
    testing::TempDir dir;
    testing::write_file(dir / "broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
    CHECK_THROWS_WITH(build_gazetteer(vector_build(dir, (dir / "broken.geojson").string() + ",name=n")),
                      Catch::Contains("broken.geojson") && Catch::Contains("GDAL cannot open"));
    CHECK_THROWS_WITH(build_gazetteer(vector_build(dir, (dir / "absent.gpkg").string() + ",name=n")),
                      Catch::Contains("absent.gpkg"));
}

TEST_CASE("features with broken text stop the build, or are skipped and counted", "[vector]") {
    testing::TempDir dir;
    std::string bad = kCommunities;
    const auto at = bad.find("حريتان");
    bad.replace(at, std::string("حريتان").size(), "\xd8\xad\xd8");  // cut in the middle of a letter
    testing::write_file(dir / "bad.geojson", bad);
    const auto spec = (dir / "bad.geojson").string() + ",id=pcode,name=name_en,alt=name_ar@ar";
    CHECK_THROWS_WITH(build_gazetteer(vector_build(dir, spec)),
                      Catch::Contains("feature 2") && Catch::Contains("name_ar") && Catch::Contains("UTF-8"));
    const auto report = build_gazetteer(vector_build(dir, spec, true));
    CHECK(report.skipped_rows == 1);
    // the feature itself is kept with its valid names
    CHECK(Gazetteer(dir / "teams.sqlite").lookup("Hraytan").size() == 1);
}

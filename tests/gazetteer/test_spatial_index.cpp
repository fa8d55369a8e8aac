#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/sqlite.hpp"

using namespace gazetteer;

namespace {

/// A GeoNames-format dump of `n` villages scattered over a few countries, one per line.
std::string scattered_villages(int n) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> lat(-60.0, 70.0), lon(-170.0, 170.0);
    std::ostringstream out;
    for (int i = 0; i < n; ++i) {
        out << fmt::format("{}\tVillage {}\tVillage {}\t\t{:.5f}\t{:.5f}\tP\tPPL\tSY\t\t01\t\t\t\t{}\t\t100\tAsia/Damascus\t2020-01-01\n",
                           5000 + i, i, i, lat(rng), lon(rng), 100 + i);
    }
    return out.str();
}

std::int64_t single_int(Database& db, const std::string& sql) {
    Statement s(db, sql);
    REQUIRE(s.step());
    return s.column_int(0);
}

std::set<std::int64_t> ids(Statement& s) {
    std::set<std::int64_t> out;
    while (s.step()) out.insert(s.column_int(0));
    s.reset();
    return out;
}

}  // namespace

TEST_CASE("a built gazetteer's places are in SpatiaLite's spatial index, which SpatiaLite keeps up to date", "[build][spatial]") {
    testing::TempDir dir;
    testing::write_file(dir / "villages.txt", scattered_villages(700));
    BuildOptions o;
    o.output = dir / "g.sqlite";
    o.geonames_files = {(dir / "villages.txt").string()};
    build_gazetteer(o);

    Database db(o.output.string(), Database::Mode::create);
    const auto places = single_int(db, "SELECT count(*) FROM places");
    CHECK(places >= 700);
    CHECK(single_int(db, "SELECT count(*) FROM idx_places_geom") == places);
    CHECK(single_int(db, "SELECT CheckSpatialIndex('places', 'geom')") == 1);
    {
        Statement check(db, "SELECT rtreecheck('idx_places_geom')");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
    }
    CHECK(single_int(db, "SELECT spatial_index_enabled FROM geometry_columns WHERE f_geometry_column = 'geom'") == 1);

    // SpatiaLite's own query interface finds what a scan finds.
    Statement indexed(db, "SELECT pid FROM places WHERE ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
                          "f_table_name = 'places' AND f_geometry_column = 'geom' AND search_frame = BuildMbr(?, ?, ?, ?, 4326))");
    Statement scanned(db, "SELECT pid FROM places WHERE longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?");
    for (double x = -170.0; x < 170.0; x += 37.0) {
        const double y = x / 3.0;
        indexed.bind(1, x).bind(2, y).bind(3, x + 25.0).bind(4, y + 20.0);
        scanned.bind(1, x).bind(2, x + 25.0).bind(3, y).bind(4, y + 20.0);
        const auto found = ids(indexed);
        CHECK(found == ids(scanned));
        CHECK_FALSE(found.empty());
    }

    SECTION("its triggers are back: new rows are indexed and checked") {
        db.exec("INSERT INTO places(pid, place_id, name, latitude, longitude, geom) "
                "VALUES (99999, 'team:1', 'Added Later', 1.25, 2.5, MakePoint(2.5, 1.25, 4326))");
        CHECK(single_int(db, "SELECT count(*) FROM idx_places_geom WHERE pkid = 99999 AND xmin <= 2.5 AND xmax >= 2.5") == 1);
        CHECK(single_int(db, "SELECT CheckSpatialIndex('places', 'geom')") == 1);
        db.exec("DELETE FROM places WHERE pid = 99999");
        CHECK(single_int(db, "SELECT count(*) FROM idx_places_geom WHERE pkid = 99999") == 0);
        // the geometry type check: a line is no POINT
        CHECK_THROWS(db.exec("INSERT INTO places(pid, place_id, name, latitude, longitude, geom) VALUES "
                             "(99998, 'team:2', 'Line', 0, 0, GeomFromText('LINESTRING(0 0, 1 1)', 4326))"));
    }
}

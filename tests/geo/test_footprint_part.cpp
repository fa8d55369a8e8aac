#include <catch2/catch.hpp>

#include <boost/geometry.hpp>

#include "geo/footprint_part.hpp"

namespace bg = boost::geometry;

namespace {

geo::MultiPolygon shape(const char* wkt) {
    auto s = geo::read_multipolygon_wkt(wkt);
    REQUIRE(s);
    return *s;
}

bool inside(const geo::LatLon& p, const geo::MultiPolygon& m) { return bg::covered_by(geo::LonLatPoint(p.lon, p.lat), m); }

}  // namespace

TEST_CASE("compass parts of a footprint are cut from the polygon itself", "[geo][footprint]") {
    // A 2 x 1 degree rectangle: centroid (11, 20.5).
    const auto rect = shape("POLYGON((10 20,12 20,12 21,10 21,10 20))");
    SECTION("east: the half east of the centroid") {
        const auto part = geo::footprint_part(rect, geo::CompassPart::east);
        REQUIRE(part);
        CHECK(bg::area(part->shape) == Approx(1.0));
        CHECK(part->representative.lon == Approx(11.5));
        CHECK(part->representative.lat == Approx(20.5));
        CHECK(inside(part->representative, part->shape));
    }
    SECTION("northwest: a quadrant") {
        const auto part = geo::footprint_part(rect, geo::CompassPart::northwest);
        REQUIRE(part);
        CHECK(bg::area(part->shape) == Approx(0.5));
        CHECK(part->representative.lon < 11.0);
        CHECK(part->representative.lat > 20.5);
    }
    SECTION("central: the footprint shrunk to half around its centroid") {
        const auto part = geo::footprint_part(rect, geo::CompassPart::central);
        REQUIRE(part);
        CHECK(bg::area(part->shape) == Approx(0.5));
    }
    SECTION("whole") {
        const auto part = geo::footprint_part(rect, geo::CompassPart::whole);
        REQUIRE(part);
        CHECK(bg::area(part->shape) == Approx(2.0));
    }
}

TEST_CASE("the representative point lies inside even when the centroid does not", "[geo][footprint]") {
    // A U shape whose centroid falls in the gap between its arms.
    const auto u = shape("POLYGON((0 0,3 0,3 3,2 3,2 1,1 1,1 3,0 3,0 0))");
    const auto part = geo::footprint_part(u, geo::CompassPart::whole);
    REQUIRE(part);
    CHECK(inside(part->representative, u));
}

TEST_CASE("footprint WKT that cannot be used gives nothing", "[geo][footprint]") {
    CHECK_FALSE(geo::read_multipolygon_wkt("POINT(1 2)"));
    CHECK_FALSE(geo::read_multipolygon_wkt("MULTIPOLYGON((("));
    CHECK_FALSE(geo::footprint_part(geo::MultiPolygon{}, geo::CompassPart::east));
    const auto round = geo::read_multipolygon_wkt(geo::to_wkt(shape("MULTIPOLYGON(((10 20,12 20,12 21,10 20)))")));
    REQUIRE(round);
    CHECK(bg::area(*round) == Approx(1.0));
}

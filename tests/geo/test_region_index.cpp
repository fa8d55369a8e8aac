#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/io/wkt/read.hpp>

#include "geo/region_index.hpp"

namespace bg = boost::geometry;
using geo::LatLon;
using geo::MultiPolygon;
using geo::RegionIndex;

namespace {

MultiPolygon from_wkt(const std::string& wkt) {
    MultiPolygon m;
    if (wkt.rfind("POLYGON", 0) == 0) {
        geo::Polygon p;
        bg::read_wkt(wkt, p);
        m.push_back(p);
    } else {
        bg::read_wkt(wkt, m);
    }
    bg::correct(m);
    return m;
}

MultiPolygon box(double x0, double y0, double x1, double y1) {
    return from_wkt("POLYGON((" + std::to_string(x0) + " " + std::to_string(y0) + "," + std::to_string(x1) + " " +
                    std::to_string(y0) + "," + std::to_string(x1) + " " + std::to_string(y1) + "," +
                    std::to_string(x0) + " " + std::to_string(y1) + "," + std::to_string(x0) + " " +
                    std::to_string(y0) + "))");
}

LatLon at(double lon, double lat) { return LatLon{lat, lon}; }

geo::LonLatPoint xy(const LatLon& p) { return {p.lon, p.lat}; }

/// Region i of `regions`, found through an index built on them in the order `order` (a
/// permutation): the answer mapped back to the original numbering.
std::optional<std::size_t> locate_in_order(const std::vector<MultiPolygon>& regions, const std::vector<std::size_t>& order,
                                           const LatLon& p) {
    std::vector<MultiPolygon> shuffled;
    for (const auto i : order) shuffled.push_back(regions[i]);
    const auto found = RegionIndex(shuffled).locate(p);
    if (!found) return std::nullopt;
    return order[*found];
}

/// A tiling of [0,4]x[0,4] by 16 quadrilaterals whose inner corners are moved off the lattice
/// (to multiples of 1/8, so that every coordinate and every test point is exact): borders are
/// slanted, and four regions meet at each inner corner.
std::vector<MultiPolygon> quad_tiling() {
    auto corner = [](int i, int j) {
        double x = i, y = j;
        if (i > 0 && i < 4 && j > 0 && j < 4) {
            x += ((i * 3 + j) % 5 - 2) / 8.0;
            y += ((i + j * 2) % 5 - 2) / 8.0;
        }
        return geo::LonLatPoint(x, y);
    };
    std::vector<MultiPolygon> tiles;
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            geo::Polygon p;
            for (const auto& [di, dj] : {std::pair{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}) p.outer().push_back(corner(i + di, j + dj));
            MultiPolygon m{p};
            bg::correct(m);
            tiles.push_back(m);
        }
    }
    return tiles;
}

/// A star-shaped polygon around (cx, cy) with `n` vertices at random radii in [r/2, r], and a
/// hole of a quarter of its size: detailed enough that the index uses its grid and runs.
geo::Polygon star(double cx, double cy, double r, int n, std::mt19937& rng) {
    std::uniform_real_distribution<double> radius(0.5 * r, r);
    constexpr double kPi = 3.14159265358979323846;
    geo::Polygon p;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * kPi * i / n, d = radius(rng);
        p.outer().emplace_back(cx + d * std::cos(a), cy + d * std::sin(a));
    }
    p.inners().emplace_back();
    for (int i = 0; i < n / 4; ++i) {
        const double a = 2 * kPi * i / (n / 4), d = 0.2 * r * (0.8 + 0.2 * std::sin(7 * a));
        p.inners().back().emplace_back(cx + d * std::cos(a), cy + d * std::sin(a));
    }
    bg::correct(p);
    return p;
}

}  // namespace

TEST_CASE("RegionIndex finds the region holding a point, and none outside", "[geo][region_index]") {
    // An L: its bounding box holds the notch at the top right, which is in no region.
    const std::vector<MultiPolygon> regions = {from_wkt("POLYGON((0 0,4 0,4 2,2 2,2 4,0 4,0 0))"),
                                               box(10, 10, 11, 11)};
    const RegionIndex index(regions);
    REQUIRE(index.size() == 2);
    CHECK(index.locate(at(1, 1)) == 0u);
    CHECK(index.locate(at(3, 1)) == 0u);
    CHECK(index.locate(at(1, 3)) == 0u);
    CHECK(index.locate(at(10.5, 10.5)) == 1u);
    SECTION("in the bounding box but not in the polygon") { CHECK_FALSE(index.locate(at(3, 3)).has_value()); }
    SECTION("outside every bounding box") {
        CHECK_FALSE(index.locate(at(-1, 1)).has_value());
        CHECK_FALSE(index.locate(at(5, 5)).has_value());
        CHECK_FALSE(index.locate(at(179, -89)).has_value());
    }
    SECTION("NaN and infinite coordinates") {
        CHECK_FALSE(index.locate(at(std::nan(""), 1)).has_value());
        CHECK_FALSE(index.locate(at(1, std::numeric_limits<double>::infinity())).has_value());
    }
}

TEST_CASE("RegionIndex: a hole is in no region, or in the region that fills it", "[geo][region_index]") {
    const auto ring = from_wkt("POLYGON((0 0,6 0,6 6,0 6,0 0),(2 2,4 2,4 4,2 4,2 2))");
    SECTION("an empty hole") {
        const RegionIndex index({ring});
        CHECK(index.locate(at(1, 1)) == 0u);
        CHECK(index.locate(at(5, 3)) == 0u);
        CHECK_FALSE(index.locate(at(3, 3)).has_value());
        CHECK_FALSE(index.locate(at(2.5, 3.9)).has_value());
        // The hole's edge belongs to the polygon (covered_by).
        CHECK(index.locate(at(2, 3)) == 0u);
        CHECK(index.locate(at(4, 3)) == 0u);
        CHECK(index.locate(at(3, 4)) == 0u);
        CHECK(index.locate(at(2, 2)) == 0u);
    }
    SECTION("a region filling the hole (Damascus in Rural Damascus)") {
        const RegionIndex index({ring, box(2, 2, 4, 4)});
        CHECK(index.locate(at(3, 3)) == 1u);
        CHECK(index.locate(at(1, 3)) == 0u);
        // Borders: the region east of a north-south border, north of an east-west one.
        CHECK(index.locate(at(2, 3)) == 1u);
        CHECK(index.locate(at(4, 3)) == 0u);
        CHECK(index.locate(at(3, 2)) == 1u);
        CHECK(index.locate(at(3, 4)) == 0u);
        CHECK(index.locate(at(2, 2)) == 1u);
        CHECK(index.locate(at(4, 4)) == 0u);
    }
}

TEST_CASE("RegionIndex: every part of a multipolygon belongs to its region", "[geo][region_index]") {
    const std::vector<MultiPolygon> regions = {
        from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)),((0 5,1 5,0.5 6,0 5)))"),
        box(2, 0, 3, 1)};
    const RegionIndex index(regions);
    CHECK(index.locate(at(0.5, 0.5)) == 0u);
    CHECK(index.locate(at(5.5, 5.5)) == 0u);
    CHECK(index.locate(at(0.5, 5.5)) == 0u);
    CHECK(index.locate(at(2.5, 0.5)) == 1u);
    CHECK_FALSE(index.locate(at(3, 3)).has_value());   // between the parts, in the region's box
    CHECK_FALSE(index.locate(at(0.9, 5.9)).has_value());  // beside the triangle, in its box
}

TEST_CASE("RegionIndex: a point on a shared border gets one region, whatever the order", "[geo][region_index]") {
    // A west, B east of x = 1; C north of A, D north of B: four meet at (1, 1).
    const std::vector<MultiPolygon> regions = {box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 1, 2), box(1, 1, 2, 2)};
    std::vector<std::size_t> order(regions.size());
    std::iota(order.begin(), order.end(), 0);
    do {
        INFO("order " << order[0] << order[1] << order[2] << order[3]);
        CHECK(locate_in_order(regions, order, at(1, 0.5)) == 1u);   // north-south border: the east side
        CHECK(locate_in_order(regions, order, at(0.5, 1)) == 2u);   // east-west border: the north side
        CHECK(locate_in_order(regions, order, at(1, 1)) == 3u);     // corner: north-east
        CHECK(locate_in_order(regions, order, at(1.5, 1)) == 3u);
        CHECK(locate_in_order(regions, order, at(1, 1.5)) == 3u);
    } while (std::next_permutation(order.begin(), order.end()));

    SECTION("on the edge of the union: the lowest-index region that covers the point") {
        const RegionIndex index(regions);
        CHECK(index.locate(at(2, 0.5)) == 1u);  // B's east side, nothing beyond
        CHECK(index.locate(at(2, 1)) == 1u);    // B and D meet on the outer edge
        CHECK(index.locate(at(0, 0)) == 0u);
        CHECK(index.locate(at(2, 2)) == 3u);
        CHECK(index.locate(at(1, 2)) == 2u);    // C and D
        const RegionIndex reversed({regions[3], regions[2], regions[1], regions[0]});
        CHECK(reversed.locate(at(2, 1)) == 0u);  // D, now first
    }
}

TEST_CASE("RegionIndex: slanted borders and shared vertices of a tiling", "[geo][region_index]") {
    const auto tiles = quad_tiling();
    std::vector<std::size_t> order(tiles.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::size_t> reversed(order.rbegin(), order.rend());
    std::vector<std::size_t> shuffled = order;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
    std::vector<std::vector<MultiPolygon>> permuted(3);
    for (int k = 0; k < 3; ++k) {
        const auto& o = k == 0 ? order : k == 1 ? reversed : shuffled;
        for (const auto i : o) permuted[k].push_back(tiles[i]);
    }
    const RegionIndex in_order(permuted[0]), in_reverse(permuted[1]), in_shuffle(permuted[2]);

    // Every point of a 1/16 lattice over the tiling: on vertices, on borders and inside tiles.
    int on_border = 0;
    for (int j = 0; j <= 64; ++j) {
        for (int i = 0; i <= 64; ++i) {
            const LatLon p = at(i / 16.0, j / 16.0);
            INFO("point " << p.lon << " " << p.lat);
            const auto a = in_order.locate(p);
            REQUIRE(a.has_value());  // the tiles cover the square: no gaps on their borders
            const auto b = in_reverse.locate(p);
            const auto c = in_shuffle.locate(p);
            REQUIRE(b.has_value());
            REQUIRE(c.has_value());
            CHECK(bg::covered_by(xy(p), tiles[*a]));
            std::vector<std::size_t> covering;
            for (std::size_t t = 0; t < tiles.size(); ++t) {
                if (bg::covered_by(xy(p), tiles[t])) covering.push_back(t);
            }
            if (covering.size() > 1) ++on_border;
            if (i < 64 && j < 64) {
                // Nudged east and north, the point is inside the square: the same tile in any order.
                CHECK(reversed[*b] == *a);
                CHECK(shuffled[*c] == *a);
            } else {
                // On the east or north edge of the union: the first covering tile in each order.
                CHECK(*a == covering.front());
                CHECK(reversed[*b] == covering.back());
            }
            // Inside the square, the tile found holds the point nudged east, then north.
            if (i > 0 && i < 64 && j > 0 && j < 64) {
                const geo::LonLatPoint nudged(p.lon + 1e-6, p.lat + 1e-9);
                CHECK(bg::within(nudged, tiles[*a]));
            }
        }
    }
    CHECK(on_border > 100);  // the lattice does hit borders and shared vertices
}

TEST_CASE("RegionIndex agrees with boost::geometry::within on detailed polygons", "[geo][region_index]") {
    std::mt19937 rng(42);
    const MultiPolygon big{star(0, 0, 10, 3000, rng)};
    const MultiPolygon parts{star(25, 0, 5, 400, rng), star(25, 12, 3, 50, rng), star(40, 40, 0.001, 20, rng)};
    const MultiPolygon small = box(-2, -2, 2, 2);  // fills the big star's hole and overlaps it around
    const std::vector<MultiPolygon> regions = {big, parts, small};
    const RegionIndex index(regions);
    std::uniform_real_distribution<double> lon(-12, 32), lat(-12, 17);
    int found = 0;
    for (int k = 0; k < 30000; ++k) {
        const LatLon p = at(lon(rng), lat(rng));
        std::optional<std::size_t> expected;
        for (std::size_t r = 0; r < regions.size() && !expected; ++r) {
            if (bg::within(xy(p), regions[r])) expected = r;
        }
        INFO("point " << p.lon << " " << p.lat);
        REQUIRE(index.locate(p) == expected);
        found += expected ? 1 : 0;
    }
    CHECK(found > 4000);
    // The tiny part (around its tiny hole), and points on vertices of the detailed ring.
    CHECK(index.locate(at(40.00035, 40)) == 1u);
    CHECK_FALSE(index.locate(at(40, 40)).has_value());
    for (const auto& v : big.front().outer()) {
        const auto r = index.locate(at(v.x(), v.y()));
        REQUIRE(r.has_value());
        CHECK(bg::covered_by(v, regions[*r]));
    }
}

TEST_CASE("RegionIndex with empty regions and unclosed rings", "[geo][region_index]") {
    MultiPolygon open;
    open.emplace_back();
    for (const auto& [x, y] : {std::pair{0.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}, {1.0, 0.0}}) open.back().outer().emplace_back(x, y);
    const RegionIndex index({MultiPolygon{}, open});
    REQUIRE(index.size() == 2);
    CHECK(index.locate(at(0.5, 0.5)) == 1u);
    CHECK_FALSE(index.locate(at(1.5, 0.5)).has_value());
    const RegionIndex none(std::vector<MultiPolygon>{});
    CHECK(none.size() == 0);
    CHECK_FALSE(none.locate(at(0, 0)).has_value());
}

TEST_CASE("RegionIndex answers from several threads at once", "[geo][region_index]") {
    std::mt19937 rng(3);
    const std::vector<MultiPolygon> regions = {MultiPolygon{star(0, 0, 10, 2000, rng)}, box(-2, -2, 2, 2)};
    const RegionIndex index(regions);
    std::uniform_real_distribution<double> coordinate(-11, 11);
    std::vector<LatLon> points(20000);
    for (auto& p : points) p = at(coordinate(rng), coordinate(rng));
    std::vector<std::optional<std::size_t>> expected;
    for (const auto& p : points) expected.push_back(index.locate(p));
    std::vector<std::vector<std::optional<std::size_t>>> got(4);
    std::vector<std::thread> threads;
    for (auto& answers : got) {
        threads.emplace_back([&index, &points, &answers] {
            for (const auto& p : points) answers.push_back(index.locate(p));
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& answers : got) CHECK(answers == expected);
}

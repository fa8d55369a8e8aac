#include <catch2/catch.hpp>

#include "geo/nearest.hpp"

TEST_CASE("NearestIndex returns the k nearest points, nearest first", "[geo]") {
    const std::vector<geo::LatLon> points = {{0, 0}, {0, 10}, {0, 1}, {50, 50}, {0, -2}};
    const geo::NearestIndex index(points);
    REQUIRE(index.size() == 5);
    const auto found = index.nearest({0, 0.4}, 3);
    REQUIRE(found.size() == 3);
    CHECK(found[0] == 0);
    CHECK(found[1] == 2);
    CHECK(found[2] == 4);
}

TEST_CASE("NearestIndex with more requested than it holds returns all", "[geo]") {
    const geo::NearestIndex index(std::vector<geo::LatLon>{{1, 1}, {2, 2}});
    CHECK(index.nearest({0, 0}, 10).size() == 2);
}

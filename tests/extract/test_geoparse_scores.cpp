#include <catch2/catch.hpp>

#include <vector>

#include "extract/geoparse_scores.hpp"

using extract::GeoparseScorer;
using extract::GoldToponym;
using extract::PredictedToponym;

namespace {

GoldToponym gold_at(std::size_t start, std::size_t end, double lat = 0, double lon = 0, bool located = true) {
    GoldToponym g;
    g.start = start;
    g.end = end;
    g.has_coordinates = located;
    g.latitude = lat;
    g.longitude = lon;
    return g;
}

PredictedToponym placed(std::size_t start, std::size_t end, double lat, double lon) {
    return PredictedToponym{start, end, true, lat, lon};
}

PredictedToponym unplaced(std::size_t start, std::size_t end) { return PredictedToponym{start, end, false, 0, 0}; }

// On the equator, one degree of longitude is 6371.0088 km * pi / 180 = 111.19508 km.
constexpr double kDegreeKm = 111.1950802335329;

}  // namespace

TEST_CASE("recognition counts any shared code point as a match", "[extract][scores]") {
    GeoparseScorer scorer;
    // Gold A [0,5), B [10,20), C [30,35). Predictions: partial overlap with A, inside B, nowhere,
    // and [5,10) which only touches A's end and B's start (half-open spans share nothing).
    scorer.add_article({gold_at(0, 5), gold_at(10, 20), gold_at(30, 35)},
                       {unplaced(3, 8), unplaced(12, 14), unplaced(40, 45), unplaced(5, 10)});
    const auto s = scorer.scores();
    CHECK(s.gold == 3);
    CHECK(s.predicted == 4);
    CHECK(s.true_positive_predicted == 2);
    CHECK(s.recognised_gold == 2);
    CHECK(s.precision == Approx(0.5));
    CHECK(s.recall == Approx(2.0 / 3.0));
    CHECK(s.f1 == Approx(4.0 / 7.0));
}

TEST_CASE("two predictions on one gold toponym are both correct, the gold counted once", "[extract][scores]") {
    GeoparseScorer scorer;
    scorer.add_article({gold_at(0, 5), gold_at(10, 20), gold_at(30, 35)}, {unplaced(0, 2), unplaced(2, 5)});
    const auto s = scorer.scores();
    CHECK(s.true_positive_predicted == 2);
    CHECK(s.recognised_gold == 1);
    CHECK(s.precision == Approx(1.0));
    CHECK(s.recall == Approx(1.0 / 3.0));
    CHECK(s.f1 == Approx(0.5));
}

TEST_CASE("counts are summed over articles", "[extract][scores]") {
    GeoparseScorer scorer;
    scorer.add_article({gold_at(0, 4)}, {});
    scorer.add_article({gold_at(0, 4)}, {unplaced(0, 4), unplaced(6, 9)});
    const auto s = scorer.scores();
    CHECK(s.gold == 2);
    CHECK(s.predicted == 2);
    CHECK(s.precision == Approx(0.5));
    CHECK(s.recall == Approx(0.5));
    SECTION("a prediction is only compared with gold of its own article") {
        scorer.add_article({}, {unplaced(0, 4)});
        CHECK(scorer.scores().true_positive_predicted == 1);
    }
}

TEST_CASE("empty input scores zero, not NaN", "[extract][scores]") {
    GeoparseScorer scorer;
    SECTION("nothing added") {}
    SECTION("gold but no predictions") { scorer.add_article({gold_at(0, 4)}, {}); }
    SECTION("predictions but no gold") { scorer.add_article({}, {placed(0, 4, 1, 1)}); }
    const auto s = scorer.scores();
    CHECK(s.precision == 0.0);
    CHECK(s.recall == 0.0);
    CHECK(s.f1 == 0.0);
    CHECK(s.geocoded == 0);
    CHECK(s.auc == 0.0);
    CHECK(s.mean_error_km == 0.0);
    CHECK(s.median_error_km == 0.0);
}

TEST_CASE("geocoding uses the prediction that overlaps the gold toponym most", "[extract][scores]") {
    GeoparseScorer scorer;
    SECTION("largest overlap wins, wherever it is in the list") {
        // [8,12) shares 2 code points with [10,20) and is 10 degrees off; [12,20) shares 8, 1 degree off.
        scorer.add_article({gold_at(10, 20, 0, 0)}, {placed(8, 12, 0, 10), placed(12, 20, 0, 1)});
    }
    SECTION("on a tie, the first prediction wins") {
        scorer.add_article({gold_at(10, 20, 0, 0)}, {placed(10, 15, 0, 1), placed(15, 20, 0, 10)});
    }
    const auto s = scorer.scores();
    CHECK(s.geocoded == 1);
    CHECK(s.mean_error_km == Approx(kDegreeKm));
    CHECK(s.accuracy_161 == Approx(1.0));
}

TEST_CASE("an unresolved prediction costs the maximum error", "[extract][scores]") {
    GeoparseScorer scorer;
    scorer.add_article({gold_at(0, 6, 48.1, -1.7)}, {unplaced(0, 6)});
    const auto s = scorer.scores();
    CHECK(s.recognised_gold == 1);
    CHECK(s.geocoded == 1);
    CHECK(s.mean_error_km == Approx(extract::kMaxErrorKm));
    CHECK(s.median_error_km == Approx(20039.0));
    CHECK(s.accuracy_161 == 0.0);
    CHECK(s.auc == Approx(1.0));
}

TEST_CASE("only recognised gold toponyms with coordinates are geocoded", "[extract][scores]") {
    GeoparseScorer scorer;
    scorer.add_article({gold_at(0, 5, 0, 0), gold_at(10, 15, 0, 0, false), gold_at(20, 25, 0, 0)},
                       {placed(0, 5, 0, 1), placed(10, 15, 0, 50)});
    const auto s = scorer.scores();
    CHECK(s.recognised_gold == 2);
    CHECK(s.geocoded == 1);  // [10,15) has no gold position; [20,25) was not recognised
    CHECK(s.mean_error_km == Approx(kDegreeKm));
}

TEST_CASE("accuracy@161 counts errors of at most 161 km", "[extract][scores]") {
    GeoparseScorer scorer;
    scorer.add_article({gold_at(0, 1), gold_at(2, 3), gold_at(4, 5)},
                       {placed(0, 1, 0, 1.447),    // 160.90 km
                        placed(2, 3, 0, 1.449),    // 161.12 km
                        placed(4, 5, 0, 0)});      // 0 km
    CHECK(scorer.scores().accuracy_161 == Approx(2.0 / 3.0));
}

TEST_CASE("error statistics and AUC on a small set", "[extract][scores]") {
    GeoparseScorer scorer;
    // Errors 1000.756 (9 degrees), 0, 20039 (unresolved) and 111.195 (1 degree), over two articles;
    // unsorted, the trapezoids would give 0.529 instead.
    scorer.add_article({gold_at(0, 4, 0, 0), gold_at(5, 9, 0, 0)}, {placed(0, 4, 0, 9), placed(5, 9, 0, 0)});
    scorer.add_article({gold_at(0, 4, 0, 0), gold_at(5, 9, 0, 0)}, {unplaced(0, 4), placed(5, 9, 0, -1)});
    const auto s = scorer.scores();
    CHECK(s.geocoded == 4);
    CHECK(s.accuracy_161 == Approx(0.5));
    CHECK(s.mean_error_km == Approx((0 + 9 * kDegreeKm + kDegreeKm + 20039.0) / 4));
    CHECK(s.median_error_km == Approx((kDegreeKm + 9 * kDegreeKm) / 2));  // even count: the middle two
    // Sorted y = ln(e + 1) / ln(20040) = 0, 0.476528, 0.697544, 1; trapezoids of width 1/3:
    // (0.238264 + 0.587036 + 0.848772) / 3 = 0.558024.
    CHECK(s.auc == Approx(0.5580238).epsilon(1e-6));
    SECTION("with one error, AUC is its y") {
        GeoparseScorer single;
        single.add_article({gold_at(0, 4, 0, 0)}, {placed(0, 4, 0, 1)});
        CHECK(single.scores().auc == Approx(0.4765278).epsilon(1e-6));
        CHECK(single.scores().median_error_km == Approx(kDegreeKm));
    }
}

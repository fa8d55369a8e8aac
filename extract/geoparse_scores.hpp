#pragma once
// Scores a geoparser's output against a corpus's gold toponyms: recognition (precision, recall,
// F1) and geocoding (accuracy@161 km, AUC, mean and median error).
//
// Recognition. Spans are half-open [start, end) in code points of the same text. A prediction
// and a gold toponym match when their spans share at least one code point (so an empty span
// matches nothing). precision = predictions matching some gold toponym / predictions;
// recall = gold toponyms matched by some prediction / gold toponyms ("recognised");
// F1 = 2PR / (P + R). Each is 0 when its denominator is 0. Counts are summed over articles
// (micro-averaged), not averaged per article.
//
// Geocoding, over the recognised gold toponyms that have coordinates (their number is
// `geocoded`): each takes the prediction sharing the most code points with it (ties: the one
// first in the article's prediction list). Its error is the great-circle distance in km from
// the gold position (geo::distance_km), or kMaxErrorKm when that prediction is unresolved.
//   accuracy_161    share of errors <= 161 km (100 miles)
//   auc             Gritta et al. (2018), "What's missing in geoparsing?": with the n errors
//                   sorted ascending, y_i = ln(e_i + 1) / ln(kMaxErrorKm + 1), the area under y
//                   over [0, 1] by the trapezoidal rule with step 1/(n - 1); y_0 when n == 1.
//                   0 is perfect, 1 is every error at kMaxErrorKm.
//   mean_error_km, median_error_km (the mean of the middle two for an even n)
// All four are 0 when geocoded == 0.
#include <cstddef>
#include <vector>

#include "extract/corpus_reader.hpp"

namespace extract {

/// Half the Earth's circumference in km: the worst possible error, charged to unresolved
/// predictions.
inline constexpr double kMaxErrorKm = 20039.0;

struct PredictedToponym {
    std::size_t start = 0;  ///< code points
    std::size_t end = 0;    ///< exclusive
    bool resolved = false;  ///< false: recognised but not placed
    double latitude = 0;    ///< degrees; meaningful only when resolved
    double longitude = 0;
};

struct GeoparseScores {
    std::size_t gold = 0;                     ///< gold toponyms
    std::size_t predicted = 0;                ///< predicted spans
    std::size_t true_positive_predicted = 0;  ///< predictions matching some gold toponym
    std::size_t recognised_gold = 0;          ///< gold toponyms matched by some prediction
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::size_t geocoded = 0;  ///< recognised gold toponyms with coordinates: the errors scored
    double accuracy_161 = 0;
    double auc = 0;
    double mean_error_km = 0;
    double median_error_km = 0;
};

/// Accumulates articles, then reports. Memory: one double per geocoded toponym.
class GeoparseScorer {
public:
    /// Scores one article: its gold toponyms and the geoparser's predictions for the same text,
    /// in any order. Never throws except std::bad_alloc.
    void add_article(const std::vector<GoldToponym>& gold, const std::vector<PredictedToponym>& predicted);

    /// The scores of all articles added so far. O(n log n) in the number of errors.
    GeoparseScores scores() const;

private:
    std::size_t gold_ = 0;
    std::size_t predicted_ = 0;
    std::size_t true_positive_predicted_ = 0;
    std::size_t recognised_gold_ = 0;
    std::vector<double> errors_km_;
};

}  // namespace extract

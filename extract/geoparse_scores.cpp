#include "extract/geoparse_scores.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "geo/distance.hpp"

namespace extract {
namespace {

/// Code points shared by [a_start, a_end) and [b_start, b_end).
std::size_t overlap(std::size_t a_start, std::size_t a_end, std::size_t b_start, std::size_t b_end) noexcept {
    const std::size_t start = std::max(a_start, b_start);
    const std::size_t end = std::min(a_end, b_end);
    return end > start ? end - start : 0;
}

double ratio(std::size_t numerator, std::size_t denominator) noexcept {
    return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

void GeoparseScorer::add_article(const std::vector<GoldToponym>& gold,
                                 const std::vector<PredictedToponym>& predicted) {
    gold_ += gold.size();
    predicted_ += predicted.size();
    // O(gold x predicted): articles hold tens of toponyms.
    for (const PredictedToponym& p : predicted) {
        const bool hit = std::any_of(gold.begin(), gold.end(), [&](const GoldToponym& g) {
            return overlap(p.start, p.end, g.start, g.end) > 0;
        });
        if (hit) ++true_positive_predicted_;
    }
    for (const GoldToponym& g : gold) {
        const PredictedToponym* best = nullptr;
        std::size_t best_overlap = 0;
        for (const PredictedToponym& p : predicted) {
            const std::size_t shared = overlap(p.start, p.end, g.start, g.end);
            if (shared > best_overlap) {
                best = &p;
                best_overlap = shared;
            }
        }
        if (!best) continue;
        ++recognised_gold_;
        if (!g.has_coordinates) continue;
        errors_km_.push_back(best->resolved ? geo::distance_km({g.latitude, g.longitude},
                                                               {best->latitude, best->longitude})
                                            : kMaxErrorKm);
    }
}

GeoparseScores GeoparseScorer::scores() const {
    GeoparseScores s;
    s.gold = gold_;
    s.predicted = predicted_;
    s.true_positive_predicted = true_positive_predicted_;
    s.recognised_gold = recognised_gold_;
    s.precision = ratio(true_positive_predicted_, predicted_);
    s.recall = ratio(recognised_gold_, gold_);
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;

    std::vector<double> errors = errors_km_;
    const std::size_t n = errors.size();
    s.geocoded = n;
    if (n == 0) return s;
    std::sort(errors.begin(), errors.end());
    s.accuracy_161 = ratio(static_cast<std::size_t>(std::count_if(errors.begin(), errors.end(),
                                                                   [](double e) { return e <= 161.0; })),
                           n);
    s.mean_error_km = std::accumulate(errors.begin(), errors.end(), 0.0) / static_cast<double>(n);
    s.median_error_km = n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;

    const double scale = std::log(kMaxErrorKm + 1);
    const auto y = [&](std::size_t i) { return std::log(errors[i] + 1) / scale; };
    if (n == 1) {
        s.auc = y(0);
    } else {
        double area = 0;
        for (std::size_t i = 0; i + 1 < n; ++i) area += (y(i) + y(i + 1)) / 2;
        s.auc = area / static_cast<double>(n - 1);
    }
    return s;
}

}  // namespace extract

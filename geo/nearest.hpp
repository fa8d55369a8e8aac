#pragma once
// Nearest-neighbour queries over a fixed set of points, on a Boost.Geometry R-tree.
// Build once, then query from any number of threads (queries are const).
#include <cstddef>
#include <memory>
#include <vector>

#include "geo/point.hpp"

namespace geo {

class NearestIndex {
public:
    /// Indexes points; the value reported for points[i] is i.
    explicit NearestIndex(const std::vector<LatLon>& points);
    ~NearestIndex();
    NearestIndex(NearestIndex&&) noexcept;
    NearestIndex& operator=(NearestIndex&&) noexcept;

    /// Indices of the k points nearest to p (great-circle distance), nearest first.
    std::vector<std::size_t> nearest(const LatLon& p, std::size_t k) const;

    std::size_t size() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace geo

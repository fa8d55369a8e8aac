#include "geo/nearest.hpp"

#include <algorithm>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "geo/distance.hpp"

namespace geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using RPoint = bg::model::point<double, 2, bg::cs::spherical_equatorial<bg::degree>>;
using RValue = std::pair<RPoint, std::size_t>;

struct NearestIndex::Impl {
    bgi::rtree<RValue, bgi::rstar<16>> tree;
};

NearestIndex::NearestIndex(const std::vector<LatLon>& points) : impl_(std::make_unique<Impl>()) {
    std::vector<RValue> values;
    values.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        values.emplace_back(RPoint(points[i].lon, points[i].lat), i);
    }
    impl_->tree = bgi::rtree<RValue, bgi::rstar<16>>(values.begin(), values.end());
}

NearestIndex::~NearestIndex() = default;
NearestIndex::NearestIndex(NearestIndex&&) noexcept = default;
NearestIndex& NearestIndex::operator=(NearestIndex&&) noexcept = default;

std::vector<std::size_t> NearestIndex::nearest(const LatLon& p, std::size_t k) const {
    std::vector<RValue> found;
    impl_->tree.query(bgi::nearest(RPoint(p.lon, p.lat), static_cast<unsigned>(k)),
                      std::back_inserter(found));
    std::vector<std::pair<double, std::size_t>> by_distance;
    by_distance.reserve(found.size());
    for (const auto& v : found) {
        by_distance.emplace_back(
            distance_km(p, LatLon{bg::get<1>(v.first), bg::get<0>(v.first)}), v.second);
    }
    std::sort(by_distance.begin(), by_distance.end());
    std::vector<std::size_t> out;
    out.reserve(by_distance.size());
    for (const auto& d : by_distance) out.push_back(d.second);
    return out;
}

std::size_t NearestIndex::size() const noexcept { return impl_->tree.size(); }

}  // namespace geo

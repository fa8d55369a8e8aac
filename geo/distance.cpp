#include "geo/distance.hpp"

#include <cmath>

#include <boost/geometry.hpp>

namespace geo {

namespace bg = boost::geometry;
using SpherePoint = bg::model::point<double, 2, bg::cs::spherical_equatorial<bg::degree>>;

bool is_valid(const LatLon& p) noexcept {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90.0 && p.lat <= 90.0 &&
           p.lon >= -180.0 && p.lon <= 180.0;
}

double distance_km(const LatLon& a, const LatLon& b) noexcept {
    static const bg::strategy::distance::haversine<double> haversine(kEarthRadiusKm);
    return bg::distance(SpherePoint(a.lon, a.lat), SpherePoint(b.lon, b.lat), haversine);
}

}  // namespace geo

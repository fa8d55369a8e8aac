#pragma once
// Distances on the sphere (mean Earth radius 6371.0088 km), on Boost.Geometry's haversine strategy.
#include "geo/point.hpp"

namespace geo {

inline constexpr double kEarthRadiusKm = 6371.0088;

/// Great-circle distance in kilometres between two points.
double distance_km(const LatLon& a, const LatLon& b) noexcept;

}  // namespace geo

#pragma once
// A position on the WGS84 ellipsoid in degrees. Knows nothing of text or databases.

namespace geo {

struct LatLon {
    double lat = 0.0;  ///< degrees north, [-90, 90]
    double lon = 0.0;  ///< degrees east, [-180, 180]
};

/// True when lat is in [-90, 90] and lon in [-180, 180] (and neither is NaN).
bool is_valid(const LatLon& p) noexcept;

}  // namespace geo

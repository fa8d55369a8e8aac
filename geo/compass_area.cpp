#include "geo/compass_area.hpp"

#include <algorithm>
#include <cmath>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include "geo/distance.hpp"

namespace geo {
namespace {

namespace bg = boost::geometry;
using XY = bg::model::d2::point_xy<double>;  // km east and north of the centre
using Polygon = bg::model::polygon<XY, false>;  // counter-clockwise
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using Box = bg::model::box<XY>;

constexpr double kPi = 3.14159265358979323846;
constexpr int kCircleVertices = 72;

Polygon disk(double r) {
    Polygon p;
    for (int i = 0; i <= kCircleVertices; ++i) {
        const double a = 2 * kPi * (i % kCircleVertices) / kCircleVertices;
        bg::append(p.outer(), XY(r * std::cos(a), r * std::sin(a)));
    }
    bg::correct(p);
    return p;
}

// The quadrant or half-plane of a direction, as a box larger than the disk.
Box part_box(CompassPart part, double r) {
    const double m = 2 * r;
    switch (part) {
        case CompassPart::north: return Box(XY(-m, 0), XY(m, m));
        case CompassPart::south: return Box(XY(-m, -m), XY(m, 0));
        case CompassPart::east: return Box(XY(0, -m), XY(m, m));
        case CompassPart::west: return Box(XY(-m, -m), XY(0, m));
        case CompassPart::northeast: return Box(XY(0, 0), XY(m, m));
        case CompassPart::northwest: return Box(XY(-m, 0), XY(0, m));
        case CompassPart::southeast: return Box(XY(0, -m), XY(m, 0));
        case CompassPart::southwest: return Box(XY(-m, -m), XY(0, 0));
        default: return Box(XY(-m, -m), XY(m, m));
    }
}

}  // namespace

Area compass_area(const LatLon& center, double radius_km, CompassPart part) {
    const double r = std::max(radius_km, 0.01);
    Polygon shape;
    if (part == CompassPart::whole) {
        shape = disk(r);
    } else if (part == CompassPart::central) {
        shape = disk(r / 2);
    } else {
        MultiPolygon cut;
        bg::intersection(disk(r), part_box(part, r), cut);
        shape = cut.empty() ? disk(r) : cut.front();
    }
    XY c(0.0, 0.0);
    bg::centroid(shape, c);
    // Local equirectangular projection around the centre: exact enough at city and province scale.
    const double km_per_deg_lat = kEarthRadiusKm * kPi / 180.0;
    const double km_per_deg_lon = km_per_deg_lat * std::max(std::cos(center.lat * kPi / 180.0), 0.01);
    auto to_latlon = [&](const XY& p) {
        return LatLon{std::clamp(center.lat + p.y() / km_per_deg_lat, -90.0, 90.0),
                      std::remainder(center.lon + p.x() / km_per_deg_lon, 360.0)};
    };
    Area area;
    for (const auto& p : shape.outer()) area.ring.push_back(to_latlon(p));
    area.representative = to_latlon(c);
    return area;
}

double extent_radius_km(bool is_country, bool is_admin1, bool is_admin2, long long population) {
    if (is_country) return 250.0;
    if (is_admin1) return 60.0;
    if (is_admin2) return 25.0;
    const double pop = static_cast<double>(std::max<long long>(population, 0));
    return std::clamp(0.01 * std::sqrt(pop), 1.0, 30.0);
}

}  // namespace geo

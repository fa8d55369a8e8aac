#include "geo/footprint_part.hpp"

#include <algorithm>
#include <exception>
#include <sstream>

// Boost.Geometry's envelope of a multipolygon (inside intersection and centroid) trips GCC 12's
// maybe-uninitialized analysis (a false positive in boost/geometry/algorithms/detail/expand).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/geometry.hpp>

namespace geo {
namespace bg = boost::geometry;

namespace {

using Box = bg::model::box<LonLatPoint>;

// The box of the sector of `part` around `c` (large enough to hold any footprint).
std::optional<Box> sector(CompassPart part, const LonLatPoint& c) {
    constexpr double far = 1000.0;
    const double x = c.x(), y = c.y();
    switch (part) {
    case CompassPart::north: return Box({x - far, y}, {x + far, y + far});
    case CompassPart::south: return Box({x - far, y - far}, {x + far, y});
    case CompassPart::east: return Box({x, y - far}, {x + far, y + far});
    case CompassPart::west: return Box({x - far, y - far}, {x, y + far});
    case CompassPart::northeast: return Box({x, y}, {x + far, y + far});
    case CompassPart::northwest: return Box({x - far, y}, {x, y + far});
    case CompassPart::southeast: return Box({x, y - far}, {x + far, y});
    case CompassPart::southwest: return Box({x - far, y - far}, {x, y});
    case CompassPart::whole:
    case CompassPart::central: break;
    }
    return std::nullopt;
}

MultiPolygon scaled(const MultiPolygon& shape, const LonLatPoint& c, double factor) {
    MultiPolygon out = shape;
    const auto scale = [&](LonLatPoint& p) {
        p.x(c.x() + (p.x() - c.x()) * factor);
        p.y(c.y() + (p.y() - c.y()) * factor);
    };
    bg::for_each_point(out, scale);
    return out;
}

// A point inside the shape: its centroid when inside, else the middle of the longest piece of
// the horizontal line through the centroid that lies inside.
LonLatPoint inside_point(const MultiPolygon& shape) {
    LonLatPoint c;
    bg::centroid(shape, c);
    if (bg::covered_by(c, shape)) return c;
    double min_x = c.x(), max_x = c.x();
    bg::for_each_point(shape, [&](const LonLatPoint& p) {
        min_x = std::min(min_x, p.x());
        max_x = std::max(max_x, p.x());
    });
    bg::model::linestring<LonLatPoint> line{{min_x - 1, c.y()}, {max_x + 1, c.y()}};
    bg::model::multi_linestring<bg::model::linestring<LonLatPoint>> pieces;
    bg::intersection(line, shape, pieces);
    double best = -1;
    LonLatPoint out = shape.front().outer().front();
    for (const auto& piece : pieces) {
        if (piece.size() < 2) continue;
        const double length = bg::length(piece);
        if (length > best) {
            best = length;
            out = LonLatPoint((piece.front().x() + piece.back().x()) / 2, (piece.front().y() + piece.back().y()) / 2);
        }
    }
    return out;
}

}  // namespace

std::optional<FootprintPart> footprint_part(const MultiPolygon& footprint, CompassPart part) {
    if (footprint.empty() || bg::area(footprint) <= 0) return std::nullopt;
    LonLatPoint c;
    bg::centroid(footprint, c);
    FootprintPart out;
    if (part == CompassPart::whole) {
        out.shape = footprint;
    } else if (part == CompassPart::central) {
        bg::intersection(footprint, scaled(footprint, c, 0.5), out.shape);
    } else {
        bg::intersection(footprint, *sector(part, c), out.shape);
    }
    if (out.shape.empty() || bg::area(out.shape) <= 0) return std::nullopt;
    const auto p = inside_point(out.shape);
    out.representative = {p.y(), p.x()};
    return out;
}

std::optional<MultiPolygon> read_multipolygon_wkt(std::string_view wkt) {
    try {
        MultiPolygon shape;
        const std::string text(wkt);
        if (text.rfind("POLYGON", 0) == 0) {
            Polygon p;
            bg::read_wkt(text, p);
            shape.push_back(std::move(p));
        } else {
            bg::read_wkt(text, shape);
        }
        bg::correct(shape);
        if (shape.empty()) return std::nullopt;
        return shape;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string to_wkt(const MultiPolygon& shape) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(7);
    out << bg::wkt(shape);
    return out.str();
}

}  // namespace geo

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

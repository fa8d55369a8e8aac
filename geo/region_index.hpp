#pragma once
// Which region contains a point: an index of region (multi)polygons in lon/lat degrees.
//
// Lifecycle: construct from every region at once (the geometry is copied into the index's own
// arrays; the input may be dropped afterwards), then call locate() from any number of threads:
// the index is immutable and locate() is const, allocation-free in the common case and touches no
// shared mutable state. Movable, not copyable.
//
// Which region a point gets (exact: every predicate is decided in exact arithmetic, so the answer
// does not depend on rounding, on the order in which rings or edges are stored, or on the grid):
//   1. The region whose interior holds the point nudged infinitesimally east, then north
//      (p + (ε, ε²)). A point inside a region gets that region. A point on a border shared by
//      two regions gets the region east of it (north of it, on an east-west border; at a corner
//      where several meet, the one the nudge enters): exactly one region, whatever the order of
//      the regions, with no gaps along shared borders. Where regions overlap, the lowest index.
//   2. Else, when the point lies on the boundary of regions (a coast, an outer frontier, a hole's
//      edge with nothing in the hole), the lowest-index region whose closed polygon covers it
//      (boost::geometry::covered_by's answer).
//   3. Else none: outside every polygon, in a hole, or in a bounding box but not in its polygon.
//
// Regions must be valid (multi)polygons as OGC defines them (parts do not overlap, holes lie in
// their outer ring): a point is inside a polygon when a ray from it crosses its rings an odd
// number of times. Orientation and closure of the rings do not matter. Coordinates are taken as
// planar lon/lat (no wrap-around at ±180°).
//
// Speed: an R-tree of the parts' bounding boxes picks the candidate parts; each part has a grid
// whose cells are marked inside, outside or crossed by edges. A point in an unmarked cell is
// answered in O(1); in a crossed cell, a ray is cast east or north to the nearest cell with a
// known status, over only the edges of the cells in between. Natural Earth's admin-1 layer (1.1
// million vertices) builds in about 0.2 s into about 21 MiB; see bench/README.md for query speed.
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "geo/point.hpp"
#include "geo/polygon.hpp"

namespace geo {

class RegionIndex {
public:
    /// Indexes the regions; the value locate() reports for regions[i] is i. Empty regions and
    /// rings with fewer than three distinct points are kept but never found.
    explicit RegionIndex(const std::vector<MultiPolygon>& regions);
    ~RegionIndex();
    RegionIndex(RegionIndex&&) noexcept;
    RegionIndex& operator=(RegionIndex&&) noexcept;

    /// The region holding p by the rule above, or nullopt. A point with a NaN or infinite
    /// coordinate is in no region. Typically well under a microsecond.
    std::optional<std::size_t> locate(const LatLon& p) const;

    /// Number of regions indexed (as given to the constructor).
    std::size_t size() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace geo

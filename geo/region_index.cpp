#include "geo/region_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include <boost/container/small_vector.hpp>
#include <boost/geometry/algorithms/disjoint.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <boost/multiprecision/cpp_int.hpp>

namespace geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

// --- Exact orientation --------------------------------------------------------------------

int sign(double v) noexcept { return (v > 0) - (v < 0); }

/// Sign of (b - a) × (p - a) computed exactly on the doubles given: every finite double is an
/// integer times a power of two, so all six are scaled to integers by the smallest power.
int exact_orientation(double ax, double ay, double bx, double by, double px, double py) {
    using boost::multiprecision::cpp_int;
    const double values[6] = {ax, ay, bx, by, px, py};
    std::int64_t mantissa[6];
    int exponent[6];
    int lowest = std::numeric_limits<int>::max();
    for (int i = 0; i < 6; ++i) {
        int e = 0;
        const double m = std::frexp(values[i], &e);  // values[i] = m * 2^e, 0.5 <= |m| < 1
        mantissa[i] = static_cast<std::int64_t>(std::ldexp(m, 53));
        exponent[i] = e - 53;
        if (mantissa[i] != 0) lowest = std::min(lowest, exponent[i]);
    }
    cpp_int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = mantissa[i];
        if (mantissa[i] != 0) v[i] <<= static_cast<unsigned>(exponent[i] - lowest);
    }
    const cpp_int det = (v[2] - v[0]) * (v[5] - v[1]) - (v[3] - v[1]) * (v[4] - v[0]);
    return det.sign();
}

/// Sign of (b - a) × (p - a): +1 when p is left of the line a→b, -1 right of it, 0 on it. Exact:
/// a floating-point filter decides almost every case; the rest goes to exact_orientation.
int orientation(double ax, double ay, double bx, double by, double px, double py) noexcept {
    const double dxb = bx - ax, dyp = py - ay, dyb = by - ay, dxp = px - ax;
    // A rounded difference is zero only when the operands are equal, and has the exact sign: a
    // product with a zero factor is exactly zero and the other one gives the sign.
    if (dxb == 0 || dyp == 0) return -sign(dyb) * sign(dxp);
    if (dyb == 0 || dxp == 0) return sign(dxb) * sign(dyp);
    const double left = dxb * dyp;
    const double right = dyb * dxp;
    const double det = left - right;
    // Shewchuk's bound (ccwerrboundA) on the error of det, plus a margin for underflow.
    constexpr double kRelative = 3.3306690738754716e-16;
    constexpr double kAbsolute = 1e-300;
    const double bound = kRelative * (std::abs(left) + std::abs(right)) + kAbsolute;
    if (det > bound) return 1;
    if (det < -bound) return -1;
    return exact_orientation(ax, ay, bx, by, px, py);
}

// --- Grid layout ----------------------------------------------------------------------------

/// An edge with its lower end first (y1 <= y2; x1 <= x2 when level). Never of zero length.
struct Edge {
    double x1, y1, x2, y2;
};

// Cell values: a status for cells no edge touches, else kFirstRun + the run to follow.
constexpr std::uint32_t kOutside = 0;
constexpr std::uint32_t kInside = 1;
constexpr std::uint32_t kFirstRun = 2;

/// The edges met by a ray cast east (or north) from any point of some crossed cells up to the
/// first cell no edge touches, whose status then completes the count.
struct Run {
    std::uint32_t begin = 0;  ///< into run_edges
    std::uint32_t end = 0;
    bool north = false;       ///< the ray goes north, else east
    bool inside_after = false;
};

/// One polygon of a region (outer ring and holes) and its grid over its bounding box.
struct Part {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;          ///< bounding box
    double cells_per_x = 0, cells_per_y = 0;        ///< nx / width, ny / height (0 when flat)
    std::uint32_t nx = 1, ny = 1;
    std::uint32_t region = 0;
    std::size_t first_cell = 0;  ///< into cells
};

// Grid size: about kCellsPerEdge cells an edge, square cells, at most kMaxSide a side and no
// smaller than kMinCellSize degrees (so that the margins below stay far smaller than a cell).
constexpr double kCellsPerEdge = 1.0;
constexpr std::uint32_t kMaxSide = 4096;
constexpr double kMaxCells = 4.0 * 1024 * 1024;
constexpr double kMinCellSize = 1e-9;
// An edge is registered in every cell within this margin of it (relative to the cell size, plus
// an absolute part far above the rounding of lon/lat coordinates, about 1e-13): a cell marked
// untouched is then untouched for certain, whatever the rounding of the cell computations.
constexpr double kRelativeMargin = 1e-6;
constexpr double kAbsoluteMargin = 1e-11;

/// The cell along one axis of a point at `offset` from the grid's origin. Monotone in offset,
/// and the same function at build and query time.
inline std::uint32_t cell_of(double offset, double cells_per_unit, std::uint32_t n) noexcept {
    const double c = offset * cells_per_unit;
    if (!(c > 0)) return 0;
    if (c >= static_cast<double>(n)) return n - 1;
    return static_cast<std::uint32_t>(c);
}

std::uint32_t side_cells(double extent, double cell_size) {
    if (!(extent > 0)) return 1;
    double n = std::ceil(extent / cell_size);
    n = std::min(n, std::floor(extent / kMinCellSize));
    return static_cast<std::uint32_t>(std::clamp(n, 1.0, static_cast<double>(kMaxSide)));
}

using BoxPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using Box = bg::model::box<BoxPoint>;
using TreeValue = std::pair<Box, std::uint32_t>;  // a part's bounding box, the part
using Tree = bgi::rtree<TreeValue, bgi::rstar<16>>;

enum class Hit { outside, boundary, inside };

std::uint32_t checked_u32(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("RegionIndex: too many edges");
    return static_cast<std::uint32_t>(n);
}

}  // namespace

struct RegionIndex::Impl {
    std::size_t region_count = 0;
    std::vector<Edge> edges;
    std::vector<Part> parts;             // in region order
    std::vector<std::uint32_t> cells;    // every part's grid, row by row
    std::vector<Run> runs;
    std::vector<std::uint32_t> run_edges;  // indices into edges
    Tree tree;

    void add_part(const Polygon& polygon, std::uint32_t region);
    Hit test(const Part& part, double px, double py) const noexcept;
    std::optional<std::size_t> locate(double px, double py) const;
};

void RegionIndex::Impl::add_part(const Polygon& polygon, std::uint32_t region) {
    // Edges of every ring; the closing edge is added when the ring is open.
    const std::size_t first_edge = edges.size();
    auto add_ring = [&](const auto& ring) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto& a = ring[i];
            const auto& b = ring[(i + 1) % n];
            const double ax = a.x(), ay = a.y(), bx = b.x(), by = b.y();
            if (!std::isfinite(ax) || !std::isfinite(ay)) {
                throw std::invalid_argument("RegionIndex: a polygon has a NaN or infinite coordinate");
            }
            if (ax == bx && ay == by) continue;
            if (ay < by || (ay == by && ax < bx)) edges.push_back({ax, ay, bx, by});
            else edges.push_back({bx, by, ax, ay});
        }
    };
    add_ring(polygon.outer());
    for (const auto& inner : polygon.inners()) add_ring(inner);
    const std::size_t n_edges = edges.size() - first_edge;
    if (n_edges == 0) return;
    const Edge* const e0 = edges.data() + first_edge;

    Part part;
    part.region = region;
    part.x0 = part.y0 = std::numeric_limits<double>::infinity();
    part.x1 = part.y1 = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n_edges; ++i) {
        const Edge& e = e0[i];
        part.x0 = std::min({part.x0, e.x1, e.x2});
        part.x1 = std::max({part.x1, e.x1, e.x2});
        part.y0 = std::min(part.y0, e.y1);
        part.y1 = std::max(part.y1, e.y2);
    }
    const double width = part.x1 - part.x0, height = part.y1 - part.y0;
    const double target = std::clamp(kCellsPerEdge * static_cast<double>(n_edges), 1.0, kMaxCells);
    double cell_size = 0;
    if (width > 0 && height > 0) cell_size = std::sqrt(width * height / target);
    else cell_size = std::max(width, height) / target;
    part.nx = side_cells(width, cell_size);
    part.ny = side_cells(height, cell_size);
    part.cells_per_x = width > 0 ? part.nx / width : 0.0;
    part.cells_per_y = height > 0 ? part.ny / height : 0.0;
    const double cw = width / part.nx, ch = height / part.ny;
    const double mx = kRelativeMargin * cw + kAbsoluteMargin, my = kRelativeMargin * ch + kAbsoluteMargin;
    const std::uint32_t nx = part.nx, ny = part.ny;
    const std::size_t n_cells = static_cast<std::size_t>(nx) * ny;

    // 1. Register every edge in every cell it comes within the margin of (cell-major lists).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hits;  // cell, local edge
    hits.reserve(n_edges * 3);
    for (std::uint32_t i = 0; i < n_edges; ++i) {
        const Edge& e = e0[i];
        const double ex0 = std::min(e.x1, e.x2), ex1 = std::max(e.x1, e.x2);
        const std::uint32_t r0 = cell_of(e.y1 - my - part.y0, part.cells_per_y, ny);
        const std::uint32_t r1 = cell_of(e.y2 + my - part.y0, part.cells_per_y, ny);
        for (std::uint32_t r = r0; r <= r1; ++r) {
            double xa = ex0, xb = ex1;
            if (e.y2 > e.y1 && r0 != r1) {
                // The part of the edge within the row's band (widened by the margin).
                const double ya = std::max(e.y1, part.y0 + r * ch - my);
                const double yb = std::min(e.y2, part.y0 + (r + 1) * ch + my);
                if (ya > yb) continue;
                const double slope = (e.x2 - e.x1) / (e.y2 - e.y1);
                xa = e.x1 + (ya - e.y1) * slope;
                xb = e.x1 + (yb - e.y1) * slope;
                if (xa > xb) std::swap(xa, xb);
                xa = std::max(xa, ex0);
                xb = std::min(xb, ex1);
            }
            const std::uint32_t c0 = cell_of(xa - mx - part.x0, part.cells_per_x, nx);
            const std::uint32_t c1 = cell_of(xb + mx - part.x0, part.cells_per_x, nx);
            for (std::uint32_t c = c0; c <= c1; ++c) hits.emplace_back(r * nx + c, i);
        }
    }
    std::vector<std::uint32_t> cell_begin(n_cells + 1, 0);
    for (const auto& h : hits) ++cell_begin[h.first + 1];
    for (std::size_t c = 0; c < n_cells; ++c) cell_begin[c + 1] += cell_begin[c];
    std::vector<std::uint32_t> cell_edges(hits.size());
    {
        std::vector<std::uint32_t> fill(cell_begin.begin(), cell_begin.end() - 1);
        for (const auto& h : hits) cell_edges[fill[h.first]++] = h.second;
    }
    hits = {};
    auto crossed = [&](std::size_t cell) { return cell_begin[cell + 1] > cell_begin[cell]; };

    // 2. Status of the untouched cells: the parity of the edges met by a ray east from the cell's
    // centre. Every edge crossing the row's centre line is registered in the row; no crossing lies
    // within half a cell of an untouched cell's centre, so rounded crossings are good enough.
    std::vector<std::uint8_t> inside(n_cells, 0);
    std::vector<std::uint32_t> stamp(n_edges, 0);
    std::uint32_t stamp_value = 0;
    std::vector<double> crossings;
    for (std::uint32_t r = 0; r < ny; ++r) {
        const double yc = part.y0 + (r + 0.5) * ch;
        crossings.clear();
        ++stamp_value;
        for (std::uint32_t c = 0; c < nx; ++c) {
            const std::size_t cell = static_cast<std::size_t>(r) * nx + c;
            for (std::uint32_t k = cell_begin[cell]; k < cell_begin[cell + 1]; ++k) {
                const std::uint32_t i = cell_edges[k];
                if (stamp[i] == stamp_value) continue;
                stamp[i] = stamp_value;
                const Edge& e = e0[i];
                if (e.y1 <= yc && yc < e.y2) crossings.push_back(e.x1 + (yc - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1));
            }
        }
        std::sort(crossings.begin(), crossings.end());
        std::size_t not_beyond = crossings.size();  // crossings[not_beyond..] lie east of the centre
        for (std::uint32_t c = nx; c-- > 0;) {
            const double xc = part.x0 + (c + 0.5) * cw;
            while (not_beyond > 0 && crossings[not_beyond - 1] > xc) --not_beyond;
            inside[static_cast<std::size_t>(r) * nx + c] = static_cast<std::uint8_t>((crossings.size() - not_beyond) & 1U);
        }
    }

    // 3. Runs: maximal strings of crossed cells along a row (ray east) and along a column (ray
    // north), each with the union of their cells' edges. Each crossed cell then follows the one of
    // its two runs with fewer edges.
    struct Candidate {
        std::uint32_t begin, end;
        bool north, inside_after;
    };
    std::vector<Candidate> candidates;
    std::vector<std::uint32_t> candidate_edges;
    std::vector<std::uint32_t> east_run(n_cells, 0), north_run(n_cells, 0);
    auto extend = [&](std::size_t cell) {
        for (std::uint32_t k = cell_begin[cell]; k < cell_begin[cell + 1]; ++k) {
            const std::uint32_t i = cell_edges[k];
            if (stamp[i] == stamp_value) continue;
            stamp[i] = stamp_value;
            candidate_edges.push_back(i);
            candidates.back().end = checked_u32(candidate_edges.size());
        }
    };
    for (int pass = 0; pass < 2; ++pass) {
        const bool north = pass == 1;
        const std::uint32_t lines = north ? nx : ny, length = north ? ny : nx;
        for (std::uint32_t line = 0; line < lines; ++line) {
            bool open = false, after = false;
            for (std::uint32_t step = length; step-- > 0;) {
                const std::size_t cell = north ? static_cast<std::size_t>(step) * nx + line
                                               : static_cast<std::size_t>(line) * nx + step;
                if (!crossed(cell)) {
                    open = false;
                    after = inside[cell] != 0;
                    continue;
                }
                if (!open) {
                    open = true;
                    ++stamp_value;
                    const auto at = checked_u32(candidate_edges.size());
                    candidates.push_back({at, at, north, after});
                }
                extend(cell);
                (north ? north_run : east_run)[cell] = checked_u32(candidates.size() - 1);
            }
        }
    }
    std::vector<std::uint32_t> final_run(candidates.size(), std::numeric_limits<std::uint32_t>::max());
    part.first_cell = cells.size();
    cells.resize(cells.size() + n_cells);
    std::uint32_t* const out = cells.data() + part.first_cell;
    for (std::size_t cell = 0; cell < n_cells; ++cell) {
        if (!crossed(cell)) {
            out[cell] = inside[cell] ? kInside : kOutside;
            continue;
        }
        const Candidate& east = candidates[east_run[cell]];
        const Candidate& north = candidates[north_run[cell]];
        const std::uint32_t chosen = (north.end - north.begin < east.end - east.begin) ? north_run[cell] : east_run[cell];
        if (final_run[chosen] == std::numeric_limits<std::uint32_t>::max()) {
            const Candidate& c = candidates[chosen];
            Run run;
            run.begin = checked_u32(run_edges.size());
            for (std::uint32_t k = c.begin; k < c.end; ++k) run_edges.push_back(checked_u32(first_edge + candidate_edges[k]));
            run.end = checked_u32(run_edges.size());
            run.north = c.north;
            run.inside_after = c.inside_after;
            final_run[chosen] = checked_u32(runs.size());
            runs.push_back(run);
        }
        out[cell] = kFirstRun + final_run[chosen];
    }
    parts.push_back(part);
}

// Whether the part holds p nudged by (ε, ε²) (inside), else whether its closed polygon covers p
// (boundary), else outside.
Hit RegionIndex::Impl::test(const Part& part, double px, double py) const noexcept {
    const std::uint32_t col = cell_of(px - part.x0, part.cells_per_x, part.nx);
    const std::uint32_t row = cell_of(py - part.y0, part.cells_per_y, part.ny);
    const std::uint32_t value = cells[part.first_cell + static_cast<std::size_t>(row) * part.nx + col];
    if (value < kFirstRun) return value == kInside ? Hit::inside : Hit::outside;
    const Run& run = runs[value - kFirstRun];
    bool in = run.inside_after;
    bool on = false;
    const std::uint32_t* const end = run_edges.data() + run.end;
    if (!run.north) {
        // Ray east. An edge counts when y1 <= py < y2 and p is strictly left of it going up; p on
        // the edge is then right of it (nudged east), so the edge does not count.
        for (const std::uint32_t* k = run_edges.data() + run.begin; k != end; ++k) {
            const Edge& e = edges[*k];
            if (py < e.y1 || py > e.y2) continue;
            if (px > std::max(e.x1, e.x2)) continue;
            if (px < std::min(e.x1, e.x2)) {
                if (py < e.y2) in = !in;
                continue;
            }
            const int o = orientation(e.x1, e.y1, e.x2, e.y2, px, py);
            if (o == 0) on = true;
            else if (o > 0 && py < e.y2) in = !in;
        }
    } else {
        // Ray north. An edge counts when xa <= px < xb (a its west end, b its east end) and p is
        // strictly below it; p on the edge, nudged by (ε, ε²), is below it when the edge rises
        // eastwards and above it when it falls or is level.
        for (const std::uint32_t* k = run_edges.data() + run.begin; k != end; ++k) {
            const Edge& e = edges[*k];
            const bool first_west = e.x1 <= e.x2;
            const double ax = first_west ? e.x1 : e.x2, ay = first_west ? e.y1 : e.y2;
            const double bx = first_west ? e.x2 : e.x1, by = first_west ? e.y2 : e.y1;
            if (px < ax || px > bx || py > e.y2) continue;
            if (py < e.y1) {
                if (px < bx) in = !in;
                continue;
            }
            const int o = orientation(ax, ay, bx, by, px, py);
            if (o == 0) on = true;
            if (px < bx && (o < 0 || (o == 0 && by > ay))) in = !in;
        }
    }
    return in ? Hit::inside : on ? Hit::boundary : Hit::outside;
}

std::optional<std::size_t> RegionIndex::Impl::locate(double px, double py) const {
    if (!std::isfinite(px) || !std::isfinite(py)) return std::nullopt;
    boost::container::small_vector<std::uint32_t, 16> found;
    tree.query(bgi::intersects(BoxPoint(px, py)),
               boost::make_function_output_iterator([&found](const TreeValue& v) { found.push_back(v.second); }));
    std::sort(found.begin(), found.end());  // parts are in region order
    std::optional<std::size_t> covering;
    for (const std::uint32_t id : found) {
        const Part& part = parts[id];
        const Hit hit = test(part, px, py);
        if (hit == Hit::inside) return part.region;
        if (hit == Hit::boundary && !covering) covering = part.region;
    }
    return covering;
}

RegionIndex::RegionIndex(const std::vector<MultiPolygon>& regions) : impl_(std::make_unique<Impl>()) {
    impl_->region_count = regions.size();
    for (std::size_t r = 0; r < regions.size(); ++r) {
        for (const auto& polygon : regions[r]) impl_->add_part(polygon, checked_u32(r));
    }
    std::vector<TreeValue> boxes;
    boxes.reserve(impl_->parts.size());
    for (std::size_t i = 0; i < impl_->parts.size(); ++i) {
        const Part& p = impl_->parts[i];
        boxes.emplace_back(Box(BoxPoint(p.x0, p.y0), BoxPoint(p.x1, p.y1)), checked_u32(i));
    }
    impl_->tree = Tree(boxes.begin(), boxes.end());  // packed (bulk-loaded)
}

RegionIndex::~RegionIndex() = default;
RegionIndex::RegionIndex(RegionIndex&&) noexcept = default;
RegionIndex& RegionIndex::operator=(RegionIndex&&) noexcept = default;

std::optional<std::size_t> RegionIndex::locate(const LatLon& p) const { return impl_->locate(p.lon, p.lat); }

std::size_t RegionIndex::size() const noexcept { return impl_->region_count; }

}  // namespace geo

#pragma once
// Fills an empty SQLite R*Tree (the spatial index SpatiaLite's CreateSpatialIndex makes) in one
// pass, by packing (Sort-Tile-Recursive, Leutenegger et al. 1997) and writing its shadow tables
// directly, instead of inserting one row at a time. SQLite's row-by-row R*Tree insertion costs
// about 11-15 µs a row and grows with the tree; packing costs a sort.
//
// The result is an ordinary SQLite R*Tree, byte-compatible with what the rtree module writes:
// SQLite reads, queries and updates it afterwards as if it had built it (`rtreecheck()` passes).
// Coordinates are rounded to 32-bit floats as the module rounds them: minima down, maxima up.
#include <cstdint>
#include <string_view>
#include <vector>

namespace gazetteer {

class Database;

/// One row of a two-dimensional R*Tree: the indexed table's rowid and its bounding box.
struct RtreeEntry {
    std::int64_t rowid = 0;
    double xmin = 0.0, xmax = 0.0, ymin = 0.0, ymax = 0.0;
};

/// Writes `entries` into the R*Tree virtual table `rtree` (columns: id, xmin, xmax, ymin, ymax,
/// 32-bit float coordinates) of `db`, which must exist and be empty. Call it inside the caller's
/// transaction, and before any statement of this connection reads the R*Tree.
/// Throws GazetteerError when the table is missing, not empty, of another shape, or an entry's
/// box is inverted or not finite. O(n log n) time for the sorts; the tree is written in O(n).
void bulk_load_rtree(Database& db, std::string_view rtree, std::vector<RtreeEntry> entries);

}  // namespace gazetteer

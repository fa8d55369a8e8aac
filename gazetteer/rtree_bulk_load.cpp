#include "gazetteer/rtree_bulk_load.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "gazetteer/error.hpp"
#include "gazetteer/sqlite.hpp"

namespace gazetteer {

namespace {

// SQLite's rtree.c (RNDTOWARDS, RNDAWAY, rtreeValueDown, rtreeValueUp): a double that is not a
// float is stored as the nearest float on the outer side of the box.
constexpr double kTowardZero = 1.0 - 1.0 / 8388608.0;
constexpr double kAwayFromZero = 1.0 + 1.0 / 8388608.0;

float round_down(double d) {
    auto f = static_cast<float>(d);
    if (f > d) f = static_cast<float>(d * (d < 0 ? kAwayFromZero : kTowardZero));
    return f;
}

float round_up(double d) {
    auto f = static_cast<float>(d);
    if (f < d) f = static_cast<float>(d * (d < 0 ? kTowardZero : kAwayFromZero));
    return f;
}

/// A cell of a node: a rowid (leaves) or a child node number, and xmin, xmax, ymin, ymax.
struct Cell {
    std::int64_t id;
    float box[4];
};

constexpr std::size_t kCellBytes = 8 + 4 * 4;
constexpr std::size_t kHeaderBytes = 4;  // depth (root only), cell count

double center_x(const Cell& c) { return (static_cast<double>(c.box[0]) + c.box[1]) / 2; }
double center_y(const Cell& c) { return (static_cast<double>(c.box[2]) + c.box[3]) / 2; }

/// Orders one level's cells so that each run of `capacity` cells is a tile: vertical slices
/// by x, then runs by y within each slice (Sort-Tile-Recursive). Ties by id keep it deterministic.
void tile(std::vector<Cell>& cells, std::size_t capacity) {
    const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t per_slice = slices * capacity;
    auto by = [](auto center) {
        return [center](const Cell& a, const Cell& b) {
            const double ca = center(a), cb = center(b);
            return ca < cb || (ca == cb && a.id < b.id);
        };
    };
    std::sort(cells.begin(), cells.end(), by(center_x));
    for (std::size_t first = 0; first < cells.size(); first += per_slice) {
        const auto last = cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), first + per_slice));
        std::sort(cells.begin() + static_cast<std::ptrdiff_t>(first), last, by(center_y));
    }
}

void put_be(unsigned char* out, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, value >>= 8) out[i] = static_cast<unsigned char>(value & 0xff);
}

/// The node format of rtree.c: 2 bytes depth (root only, else 0), 2 bytes cell count, then per
/// cell an 8-byte id and four 4-byte floats, all big-endian; zero-filled to the node size.
void encode_node(std::vector<unsigned char>& blob, int depth, const Cell* cells, std::size_t count) {
    std::fill(blob.begin(), blob.end(), 0);
    put_be(blob.data(), static_cast<std::uint64_t>(depth), 2);
    put_be(blob.data() + 2, count, 2);
    unsigned char* out = blob.data() + kHeaderBytes;
    for (std::size_t i = 0; i < count; ++i, out += kCellBytes) {
        put_be(out, static_cast<std::uint64_t>(cells[i].id), 8);
        for (int k = 0; k < 4; ++k) {
            std::uint32_t bits = 0;
            std::memcpy(&bits, &cells[i].box[k], sizeof bits);
            put_be(out + 8 + 4 * k, bits, 4);
        }
    }
}

Cell bounds(std::int64_t id, const Cell* cells, std::size_t count) {
    Cell c{id, {cells[0].box[0], cells[0].box[1], cells[0].box[2], cells[0].box[3]}};
    for (std::size_t i = 1; i < count; ++i) {
        c.box[0] = std::min(c.box[0], cells[i].box[0]);
        c.box[1] = std::max(c.box[1], cells[i].box[1]);
        c.box[2] = std::min(c.box[2], cells[i].box[2]);
        c.box[3] = std::max(c.box[3], cells[i].box[3]);
    }
    return c;
}

bool plain_identifier(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

/// The node size of an existing, empty, 2-dimensional float R*Tree; throws otherwise.
std::size_t checked_node_size(Database& db, std::string_view rtree) {
    Statement sql(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
    sql.bind(1, rtree);
    if (!sql.step()) throw GazetteerError(fmt::format("{}: no R*Tree table '{}'", db.path(), rtree));
    std::string definition(sql.column_text(0));
    std::transform(definition.begin(), definition.end(), definition.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto using_at = definition.find("using rtree(");
    if (using_at == std::string::npos || std::count(definition.begin() + static_cast<std::ptrdiff_t>(using_at),
                                                    definition.end(), ',') != 4) {
        throw GazetteerError(fmt::format("{}: '{}' is not a 2-dimensional R*Tree of floats", db.path(), rtree));
    }
    Statement root(db, fmt::format("SELECT data FROM \"{}_node\" WHERE nodeno = 1", rtree));
    if (!root.step()) throw GazetteerError(fmt::format("{}: the R*Tree '{}' has no root node", db.path(), rtree));
    const auto data = root.column_blob(0);
    if (data.size() < kHeaderBytes + 2 * kCellBytes || data[2] != 0 || data[3] != 0) {
        throw GazetteerError(fmt::format("{}: the R*Tree '{}' is not empty", db.path(), rtree));
    }
    return data.size();
}

/// The leaf node of each rowid, for the rowid table; rejects a rowid given twice. Rowids that
/// span a range at most a few times their number (a table's own rowids) are kept in an array
/// indexed by rowid, others in a sorted list.
class RowidLeaves {
public:
    RowidLeaves(const std::vector<Cell>& cells, const std::string& db, std::string_view rtree) {
        const auto [lo, hi] = std::minmax_element(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.id < b.id; });
        first_ = lo->id;
        const auto span = static_cast<std::uint64_t>(hi->id) - static_cast<std::uint64_t>(lo->id);
        auto duplicate = [&](std::int64_t rowid) {
            return GazetteerError(fmt::format("{}: row {} is given twice for the R*Tree '{}'", db, rowid, rtree));
        };
        if (span < 4 * static_cast<std::uint64_t>(cells.size())) {
            dense_.assign(span + 1, 0);
            for (const auto& c : cells) {
                auto& slot = dense_[static_cast<std::size_t>(c.id - first_)];
                if (slot != 0) throw duplicate(c.id);
                slot = -1;
            }
            return;
        }
        sparse_.reserve(cells.size());
        for (const auto& c : cells) sparse_.emplace_back(c.id, 0);
        std::sort(sparse_.begin(), sparse_.end());
        for (std::size_t i = 1; i < sparse_.size(); ++i) {
            if (sparse_[i].first == sparse_[i - 1].first) throw duplicate(sparse_[i].first);
        }
    }
    void set(std::int64_t rowid, std::int64_t node) {
        if (!dense_.empty()) {
            dense_[static_cast<std::size_t>(rowid - first_)] = node;
        } else {
            std::lower_bound(sparse_.begin(), sparse_.end(), std::pair{rowid, std::int64_t{0}})->second = node;
        }
    }
    /// Calls f(rowid, node) in rowid order.
    template <class F>
    void for_each(F f) const {
        for (std::size_t i = 0; i < dense_.size(); ++i) {
            if (dense_[i] != 0) f(first_ + static_cast<std::int64_t>(i), dense_[i]);
        }
        for (const auto& [rowid, node] : sparse_) f(rowid, node);
    }

private:
    std::int64_t first_ = 0;
    std::vector<std::int64_t> dense_;  // rowid - first_ -> node; 0: no such rowid
    std::vector<std::pair<std::int64_t, std::int64_t>> sparse_;  // (rowid, node), by rowid
};

}  // namespace

void bulk_load_rtree(Database& db, std::string_view rtree, std::vector<RtreeEntry> entries) {
    if (!plain_identifier(rtree)) throw GazetteerError(fmt::format("'{}' is not a plain table name", rtree));
    const std::size_t node_size = checked_node_size(db, rtree);
    const std::size_t capacity = (node_size - kHeaderBytes) / kCellBytes;

    std::vector<Cell> level;
    level.reserve(entries.size());
    for (const auto& e : entries) {
        Cell c{e.rowid, {round_down(e.xmin), round_up(e.xmax), round_down(e.ymin), round_up(e.ymax)}};
        // finite as floats: a double beyond the float range rounds to an infinity
        const bool finite = std::all_of(std::begin(c.box), std::end(c.box), [](float f) { return std::isfinite(f); });
        if (!finite || c.box[0] > c.box[1] || c.box[2] > c.box[3]) {
            throw GazetteerError(fmt::format("{}: row {} has no valid box for the R*Tree '{}' ({}, {}, {}, {})", db.path(),
                                             e.rowid, rtree, e.xmin, e.xmax, e.ymin, e.ymax));
        }
        level.push_back(c);
    }
    entries = {};
    if (level.empty()) return;

    RowidLeaves leaves(level, db.path(), rtree);
    Statement insert_node(db, fmt::format("INSERT INTO \"{}_node\"(nodeno, data) VALUES (?, ?)", rtree));
    Statement insert_parent(db, fmt::format("INSERT INTO \"{}_parent\"(nodeno, parentnode) VALUES (?, ?)", rtree));
    std::vector<unsigned char> blob(node_size);
    int depth = 0;  // of the level being packed: 0 for leaves
    std::int64_t next_node = 2;  // node 1 is the root
    auto adopt = [&](const Cell* cells, std::size_t count, std::int64_t node) {
        for (std::size_t i = 0; i < count; ++i) {
            if (depth == 0) {
                leaves.set(cells[i].id, node);
            } else {
                insert_parent.bind(1, cells[i].id).bind(2, node).run();
            }
        }
    };
    while (level.size() > capacity) {
        tile(level, capacity);
        std::vector<Cell> parents;
        parents.reserve((level.size() + capacity - 1) / capacity);
        for (std::size_t first = 0; first < level.size(); first += capacity) {
            const std::size_t count = std::min(capacity, level.size() - first);
            const Cell* cells = level.data() + first;
            const std::int64_t node = next_node++;
            encode_node(blob, 0, cells, count);
            insert_node.bind(1, node).bind_blob(2, blob.data(), blob.size()).run();
            adopt(cells, count, node);
            parents.push_back(bounds(node, cells, count));
        }
        level = std::move(parents);
        ++depth;
    }
    encode_node(blob, depth, level.data(), level.size());
    Statement root(db, fmt::format("UPDATE \"{}_node\" SET data = ? WHERE nodeno = 1", rtree));
    root.bind_blob(1, blob.data(), blob.size()).run();
    adopt(level.data(), level.size(), 1);

    Statement insert_rowid(db, fmt::format("INSERT INTO \"{}_rowid\"(rowid, nodeno) VALUES (?, ?)", rtree));
    leaves.for_each([&insert_rowid](std::int64_t rowid, std::int64_t node) { insert_rowid.bind(1, rowid).bind(2, node).run(); });
}

}  // namespace gazetteer

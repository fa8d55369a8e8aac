#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <tuple>

#include "fixtures.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/rtree_bulk_load.hpp"
#include "gazetteer/sqlite.hpp"

using namespace gazetteer;

namespace {

using Row = std::tuple<std::int64_t, double, double, double, double>;

/// Random boxes and points around the world; ids start at `first` and step by `step`.
std::vector<RtreeEntry> random_entries(std::size_t n, std::int64_t first, std::int64_t step, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-90.0, 90.0), size(0.0, 2.0);
    std::vector<RtreeEntry> entries;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = lon(rng), y = lat(rng);
        const bool point = i % 3 != 0;
        const double w = point ? 0.0 : size(rng), h = point ? 0.0 : size(rng);
        entries.push_back({first + static_cast<std::int64_t>(i) * step, x, x + w, y, y + h});
    }
    return entries;
}

void create_rtree(Database& db, const std::string& name) {
    db.exec("CREATE VIRTUAL TABLE " + name + " USING rtree(id, xmin, xmax, ymin, ymax)");
}

std::vector<Row> rows_of(Database& db, const std::string& name) {
    Statement select(db, "SELECT id, xmin, xmax, ymin, ymax FROM " + name + " ORDER BY id");
    std::vector<Row> rows;
    while (select.step()) {
        rows.emplace_back(select.column_int(0), select.column_double(1), select.column_double(2),
                          select.column_double(3), select.column_double(4));
    }
    return rows;
}

std::string rtreecheck(Database& db, const std::string& name) {
    Statement check(db, "SELECT rtreecheck('" + name + "')");
    REQUIRE(check.step());
    return std::string(check.column_text(0));
}

std::set<std::int64_t> query(Database& db, const std::string& name, double x0, double x1, double y0, double y1) {
    Statement q(db, "SELECT id FROM " + name + " WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?");
    q.bind(1, x0).bind(2, x1).bind(3, y0).bind(4, y1);
    std::set<std::int64_t> ids;
    while (q.step()) ids.insert(q.column_int(0));
    return ids;
}

}  // namespace

TEST_CASE("a bulk-loaded R*Tree holds what row-by-row inserts would, and SQLite accepts it", "[rtree]") {
    // 0 and 1 entries, one full root (51 cells with SQLite's default node size), one more than
    // that (a tree of depth 1), and enough for depth 2; dense and sparse rowids.
    const auto [n, step] = GENERATE(table<std::size_t, std::int64_t>(
        {{0, 1}, {1, 1}, {51, 1}, {52, 1}, {3000, 1}, {3000, 1000}, {7000, -7}}));
    CAPTURE(n, step);
    testing::TempDir dir;
    Database db((dir / "t.sqlite").string(), Database::Mode::create);
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");  // a scratch file: no fsync per insert
    create_rtree(db, "packed");
    create_rtree(db, "inserted");
    const auto entries = random_entries(n, step < 0 ? 1'000'000 : 5, step, 42);
    bulk_load_rtree(db, "packed", entries);
    Statement insert(db, "INSERT INTO inserted VALUES (?, ?, ?, ?, ?)");
    for (const auto& e : entries) insert.bind(1, e.rowid).bind(2, e.xmin).bind(3, e.xmax).bind(4, e.ymin).bind(5, e.ymax).run();

    CHECK(rtreecheck(db, "packed") == "ok");
    // Same rows with the same 32-bit rounding (minima down, maxima up) as the rtree module's own.
    CHECK(rows_of(db, "packed") == rows_of(db, "inserted"));
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(-180.0, 170.0), lat(-90.0, 80.0);
    for (int i = 0; i < 50; ++i) {
        const double x = lon(rng), y = lat(rng);
        INFO("window at " << x << ", " << y);
        CHECK(query(db, "packed", x, x + 10.0, y, y + 10.0) == query(db, "inserted", x, x + 10.0, y, y + 10.0));
    }

    SECTION("SQLite keeps it up to date afterwards") {
        // Packed nodes are full: new rows split them, up to the root.
        Statement add_packed(db, "INSERT INTO packed VALUES (?, ?, ?, ?, ?)");
        for (const auto& e : random_entries(2 * n + 60, -100'000'000, 3, 9)) {
            add_packed.bind(1, e.rowid).bind(2, e.xmin).bind(3, e.xmax).bind(4, e.ymin).bind(5, e.ymax).run();
            insert.bind(1, e.rowid).bind(2, e.xmin).bind(3, e.xmax).bind(4, e.ymin).bind(5, e.ymax).run();
        }
        CHECK(rtreecheck(db, "packed") == "ok");
        CHECK(rows_of(db, "packed") == rows_of(db, "inserted"));
        db.exec("DELETE FROM packed WHERE id % 3 = 2");
        db.exec("INSERT INTO packed VALUES (-5, 1.5, 2.5, 3.5, 4.5)");
        db.exec("DELETE FROM inserted WHERE id % 3 = 2");
        db.exec("INSERT INTO inserted VALUES (-5, 1.5, 2.5, 3.5, 4.5)");
        CHECK(rtreecheck(db, "packed") == "ok");
        CHECK(rows_of(db, "packed") == rows_of(db, "inserted"));
        CHECK(query(db, "packed", 2.0, 2.0, 4.0, 4.0).count(-5) == 1);
    }
}

TEST_CASE("a bulk load refuses what it cannot index", "[rtree]") {
    testing::TempDir dir;
    Database db((dir / "t.sqlite").string(), Database::Mode::create);
    create_rtree(db, "r");
    SECTION("a rowid given twice, before anything is written") {
        auto entries = random_entries(500, 1, 1, 3);
        entries[400].rowid = entries[17].rowid;
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", entries), Catch::Contains("row 18 is given twice"));
        entries = random_entries(500, 1, 1000, 3);
        entries[400].rowid = entries[17].rowid;
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", entries), Catch::Contains("row 17001 is given twice"));
        CHECK(rows_of(db, "r").empty());
    }
    SECTION("an inverted or not finite box") {
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", {{1, 2.0, 1.0, 0.0, 0.0}}), Catch::Contains("row 1 has no valid box"));
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", {{2, 0.0, 0.0, std::nan(""), 0.0}}), Catch::Contains("row 2"));
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", {{3, -1e39, 1e39, 0.0, 0.0}}), Catch::Contains("row 3"));  // no float
    }
    SECTION("a table that is not empty") {
        db.exec("INSERT INTO r VALUES (1, 0, 1, 0, 1)");
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r", random_entries(10, 5, 1, 1)), Catch::Contains("not empty"));
    }
    SECTION("a table that is no 2-dimensional R*Tree") {
        db.exec("CREATE TABLE plain(a, b)");
        CHECK_THROWS_WITH(bulk_load_rtree(db, "plain", {}), Catch::Contains("not a 2-dimensional R*Tree"));
        db.exec("CREATE VIRTUAL TABLE cube USING rtree(id, x0, x1, y0, y1, z0, z1)");
        CHECK_THROWS_WITH(bulk_load_rtree(db, "cube", {}), Catch::Contains("not a 2-dimensional R*Tree"));
        CHECK_THROWS_WITH(bulk_load_rtree(db, "missing", {}), Catch::Contains("no R*Tree table 'missing'"));
        CHECK_THROWS_WITH(bulk_load_rtree(db, "r; DROP TABLE r", {}), Catch::Contains("not a plain table name"));
    }
}

#include "gazetteer/builder.hpp"

#include <charconv>
#include <chrono>
#include <unistd.h>
#include <unordered_map>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "gazetteer/error.hpp"
#include "gazetteer/index_file.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"
#include "gazetteer/rtree_bulk_load.hpp"
#include "gazetteer/schema_sql.hpp"
#include "gazetteer/sqlite.hpp"
#include "gazetteer/suspended_triggers.hpp"

namespace gazetteer {

namespace {
std::string utc_now() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                    std::chrono::system_clock::now())));
}

std::optional<std::uint32_t> geonames_number(std::string_view place_id) {
    constexpr std::string_view kPrefix = "geonames:";
    if (place_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    place_id.remove_prefix(kPrefix.size());
    std::uint32_t n = 0;
    const auto [ptr, ec] = std::from_chars(place_id.data(), place_id.data() + place_id.size(), n);
    if (ec != std::errc() || ptr != place_id.data() + place_id.size() || n > 200'000'000) return std::nullopt;
    return n;
}
}  // namespace

struct GazetteerBuilder::Statements {
    explicit Statements(Database& db)
        : insert_source(db, "INSERT INTO sources(path, kind, imported_at) VALUES (?, ?, ?)"),
          update_source(db, "UPDATE sources SET rows = ?, skipped = ? WHERE id = ?"),
          insert_place(db,
                       "INSERT INTO places(pid, place_id, name, asciiname, feature_class, feature_code, "
                       "country_code, admin1_code, admin1_name, admin2_code, admin2_name, population, "
                       "latitude, longitude, source, geom, footprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, MakePoint(?, ?, 4326), CastToXY(CastToMultiPolygon(GeomFromWKB(?, 4326))))"),
          insert_name(db, "INSERT INTO names(place, name, folded, lang, kind) VALUES (?, ?, ?, ?, ?)"),
          insert_country(db, "INSERT OR REPLACE INTO countries(code, iso3, name, continent, geonameid, "
                             "population) VALUES (?, ?, ?, ?, ?, ?)"),
          insert_admin(db, "INSERT OR REPLACE INTO admin_codes(code, level, name, asciiname, geonameid) "
                           "VALUES (?, ?, ?, ?, ?)"),
          set_meta(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)") {}
    Statement insert_source, update_source, insert_place, insert_name, insert_country,
        insert_admin, set_meta;
    std::vector<std::uint32_t> by_geonameid;  // geonameid -> pid + 1 (0: absent)
    std::unordered_map<std::string, std::uint32_t> by_place_id;
};

GazetteerBuilder::GazetteerBuilder(std::filesystem::path target) : target_(std::move(target)) {
    if (target_.empty()) throw GazetteerError("no output file given for the gazetteer");
    auto dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    if (!std::filesystem::is_directory(dir)) {
        throw GazetteerError(fmt::format("cannot write '{}': directory '{}' does not exist",
                                         target_.string(), dir.string()));
    }
    temp_ = dir / fmt::format(".{}.tmp-{}", target_.filename().string(), ::getpid());
    std::filesystem::remove(temp_);
    try {
        create();
    } catch (...) {
        discard();
        throw;
    }
}

void GazetteerBuilder::create() {
    db_ = std::make_unique<Database>(temp_.string(), Database::Mode::create);
    // The temporary file is thrown away on any failure, so durability inside it buys nothing.
    // Sorting for the indexes stays in memory (temp_store), in a cache large enough for a world
    // gazetteer's names index (1 GiB; pages are only allocated as used). 16 KiB pages write a
    // large gazetteer with a quarter of the page writes of SQLite's default 4 KiB (the import
    // of 2 million rows took 12% less time); R*Tree nodes keep their size (at most 51 cells).
    db_->exec("PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; "
              "PRAGMA temp_store = MEMORY;");
    db_->exec(kSchemaSql);
    // The geometry columns and their spatial indexes are registered with SpatiaLite while the
    // table is empty; its triggers are then suspended for the import, and finish() fills the
    // spatial indexes in bulk and puts the triggers back.
    for (const auto& [column, type] : {std::pair{"geom", "POINT"}, std::pair{"footprint", "MULTIPOLYGON"}}) {
        for (const auto& sql : {fmt::format("SELECT RecoverGeometryColumn('places', '{}', 4326, '{}', 'XY')", column, type),
                                fmt::format("SELECT CreateSpatialIndex('places', '{}')", column)}) {
            Statement register_column(*db_, sql);
            if (!register_column.step() || register_column.column_int(0) != 1) {
                throw GazetteerError(fmt::format("{}: cannot register the geometry column '{}' ({})", temp_.string(), column, sql));
            }
        }
    }
    triggers_ = std::make_unique<SuspendedTriggers>(*db_, "places");
    st_ = std::make_unique<Statements>(*db_);
    tx_ = std::make_unique<Transaction>(*db_);
    set_meta("schema_version", std::to_string(kSchemaVersion));
    set_meta("fold_version", std::to_string(kFoldVersion));
    set_meta("generator", "geoevents");
}

GazetteerBuilder::~GazetteerBuilder() {
    if (!finished_) discard();
}

void GazetteerBuilder::discard() noexcept {
    tx_.reset();
    st_.reset();
    triggers_.reset();
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
}

Database& GazetteerBuilder::database() { return *db_; }

std::int64_t GazetteerBuilder::begin_source(std::string_view path, std::string_view kind) {
    st_->insert_source.bind(1, path).bind(2, kind).bind(3, utc_now()).run();
    return db_->last_insert_rowid();
}

void GazetteerBuilder::end_source(std::int64_t source, std::uint64_t rows, std::uint64_t skipped) {
    st_->update_source.bind(1, static_cast<std::int64_t>(rows))
        .bind(2, static_cast<std::int64_t>(skipped))
        .bind(3, source)
        .run();
}

std::optional<std::uint32_t> GazetteerBuilder::find_place(std::string_view place_id) const {
    if (auto n = geonames_number(place_id)) {
        if (*n < st_->by_geonameid.size() && st_->by_geonameid[*n] != 0) return st_->by_geonameid[*n] - 1;
        return std::nullopt;
    }
    auto it = st_->by_place_id.find(std::string(place_id));
    if (it == st_->by_place_id.end()) return std::nullopt;
    return it->second;
}

std::uint32_t GazetteerBuilder::add_place(const NewPlace& p, std::int64_t source) {
    if (auto existing = find_place(p.place_id)) return *existing;
    const std::uint32_t pid = next_pid_;
    auto& s = st_->insert_place;
    s.bind(1, static_cast<std::int64_t>(pid))
        .bind(2, p.place_id)
        .bind(3, p.name)
        .bind_text_or_null(4, p.asciiname)
        .bind_text_or_null(5, p.feature_class)
        .bind_text_or_null(6, p.feature_code)
        .bind_text_or_null(7, p.country_code)
        .bind_text_or_null(8, p.admin1_code)
        .bind_text_or_null(9, p.admin1_name)
        .bind_text_or_null(10, p.admin2_code)
        .bind_text_or_null(11, p.admin2_name)
        .bind(12, p.population)
        .bind(13, p.latitude)
        .bind(14, p.longitude)
        .bind(15, source)
        .bind(16, p.longitude)
        .bind(17, p.latitude);
    if (p.footprint_wkb.empty()) {
        s.bind_null(18);
    } else {
        s.bind_blob(18, p.footprint_wkb.data(), p.footprint_wkb.size());
    }
    s.run();
    PlaceView view;
    view.index = pid;
    view.place_id = p.place_id;
    view.name = p.name;
    view.feature_class = p.feature_class;
    view.feature_code = p.feature_code;
    view.country_code = p.country_code;
    view.admin1_code = p.admin1_code;
    view.admin1_name = p.admin1_name;
    view.admin2_name = p.admin2_name;
    view.population = p.population;
    view.latitude = p.latitude;
    view.longitude = p.longitude;
    index_.add_place(view);
    ++next_pid_;
    if (auto n = geonames_number(p.place_id)) {
        if (*n >= st_->by_geonameid.size()) st_->by_geonameid.resize(std::max<std::size_t>(*n + 1, st_->by_geonameid.size() * 3 / 2), 0);
        st_->by_geonameid[*n] = pid + 1;
    } else {
        st_->by_place_id.emplace(p.place_id, pid);
    }
    add_name(pid, p.name, {}, MatchKind::name);
    if (!p.asciiname.empty() && p.asciiname != p.name) add_name(pid, p.asciiname, {}, MatchKind::ascii);
    return pid;
}

void GazetteerBuilder::add_name(std::uint32_t place, std::string_view name, std::string_view lang,
                                MatchKind kind) {
    folded_.clear();
    if (!append_folded(name, folded_)) return;
    st_->insert_name.bind(1, static_cast<std::int64_t>(place))
        .bind(2, name)
        .bind(3, folded_)
        .bind_text_or_null(4, lang)
        .bind(5, to_string(kind))
        .run();
    index_.add_name(folded_, place, kind);
    ++names_added_;
}

void GazetteerBuilder::add_country(std::string_view code, std::string_view iso3, std::string_view name,
                                   std::string_view continent, std::int64_t geonameid,
                                   std::int64_t population) {
    auto& s = st_->insert_country;
    s.bind(1, code).bind_text_or_null(2, iso3).bind(3, name).bind_text_or_null(4, continent);
    geonameid > 0 ? s.bind(5, geonameid) : s.bind_null(5);
    s.bind(6, population).run();
}

void GazetteerBuilder::add_admin_code(std::string_view code, int level, std::string_view name,
                                      std::string_view asciiname, std::int64_t geonameid) {
    auto& s = st_->insert_admin;
    s.bind(1, code).bind(2, std::int64_t{level}).bind(3, name).bind_text_or_null(4, asciiname);
    geonameid > 0 ? s.bind(5, geonameid) : s.bind_null(5);
    s.run();
}

void GazetteerBuilder::set_meta(std::string_view key, std::string_view value) {
    st_->set_meta.bind(1, key).bind(2, value).run();
}

void GazetteerBuilder::finish(const std::function<void(const std::string&)>& log) {
    auto step = [&log](std::string_view what) {
        if (log) log(std::string(what));
    };
    const std::string index_id = new_index_id();
    set_meta("built_at", utc_now());
    set_meta("index_id", index_id);
    set_meta("places", std::to_string(next_pid_));
    set_meta("names", std::to_string(names_added_));
    step("indexing names by place");
    db_->exec(kIndexesSql);
    // Both spatial indexes hold what SpatiaLite's own CreateSpatialIndex would put in them: the
    // bounding box of each stored geometry, read back from the table.
    for (const char* column : {"geom", "footprint"}) {
        step(fmt::format("spatial index of {}", column));
        std::vector<RtreeEntry> boxes;
        Statement read(*db_, fmt::format("SELECT pid, MbrMinX({0}), MbrMaxX({0}), MbrMinY({0}), MbrMaxY({0}) FROM places "
                                         "WHERE MbrMinX({0}) IS NOT NULL", column));
        while (read.step()) {
            boxes.push_back({read.column_int(0), read.column_double(1), read.column_double(2), read.column_double(3),
                             read.column_double(4)});
        }
        bulk_load_rtree(*db_, fmt::format("idx_places_{}", column), std::move(boxes));
    }
    triggers_->restore();
    step("lookup index");
    const auto blob = index_.finish();
    // In parts of 16 MiB (the reader takes any number of parts): one part's record is built in
    // memory by SQLite, and small parts reuse the same buffers.
    Statement store(*db_, "INSERT INTO lookup_index(name, part, data) VALUES ('v1', ?, ?)");
    constexpr std::size_t kPartWords = (std::size_t{16} << 20) / sizeof(std::uint64_t);
    for (std::size_t offset = 0, part = 0; offset < blob.size(); offset += kPartWords, ++part) {
        const std::size_t words = std::min(kPartWords, blob.size() - offset);
        store.bind(1, static_cast<std::int64_t>(part)).bind_blob_static(2, blob.data() + offset, words * sizeof(std::uint64_t)).run();
    }
    step("commit");
    tx_->commit();
    tx_.reset();
    st_.reset();
    triggers_.reset();
    step("statistics (ANALYZE)");
    // Statistics for the query planner from a sample of each index: full statistics would scan
    // every index of a world gazetteer again.
    db_->exec("PRAGMA analysis_limit = 2000; ANALYZE");
    db_.reset();
    step("writing the index file");
    // the index file first: a database renamed into place always finds its own index file or
    // none that matches (then it reads the index from the database)
    write_index_file(index_file_path(target_), index_id, blob);
    std::filesystem::rename(temp_, target_);
    finished_ = true;
}

}  // namespace gazetteer

#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>
#include <sqlite3.h>

#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/index_file.hpp"
#include "gazetteer/rank.hpp"
#include "gazetteer/schema_sql.hpp"
#include "gazetteer/sqlite.hpp"

namespace gazetteer {

namespace {
void check_schema(Database& db) {
    Statement pragma(db, "PRAGMA user_version");
    const int version = pragma.step() ? static_cast<int>(pragma.column_int(0)) : 0;
    Statement app(db, "PRAGMA application_id");
    const auto application = app.step() ? app.column_int(0) : 0;
    if (application != 1195725381) {
        throw GazetteerError(fmt::format("'{}' is not a geoevents gazetteer", db.path()));
    }
    Statement fold(db, "SELECT value FROM meta WHERE key = 'fold_version'");
    const std::string fold_version = fold.step() ? std::string(fold.column_text(0)) : "1";
    if (version == kSchemaVersion && fold_version != std::to_string(kFoldVersion)) {
        throw GazetteerError(fmt::format("'{}' was built with name-folding rules version {}, this program uses {}: "
                                         "rebuild it with `geoevents gazetteer build`",
                                         db.path(), fold_version, kFoldVersion));
    }
    if (version != kSchemaVersion) {
        throw GazetteerError(fmt::format("'{}' has gazetteer schema version {}, this program reads {}: "
                                         "rebuild it with `geoevents gazetteer build`",
                                         db.path(), version, kSchemaVersion));
    }
}
}  // namespace

Gazetteer::Gazetteer(std::filesystem::path path) : path_(std::move(path)) {
    static std::atomic<std::uint64_t> opened{0};
    instance_ = ++opened;
    if (!std::filesystem::is_regular_file(path_)) {
        throw GazetteerError(fmt::format("no gazetteer at '{}'", path_.string()));
    }
    Database db(path_.string(), Database::Mode::read_only);
    check_schema(db);
    Statement parts(db, "SELECT rowid, length(data) FROM lookup_index WHERE name = 'v1' ORDER BY part");
    std::vector<std::pair<std::int64_t, std::int64_t>> rows;  // rowid, bytes
    std::int64_t total = 0;
    while (parts.step()) {
        rows.emplace_back(parts.column_int(0), parts.column_int(1));
        total += rows.back().second;
        if (rows.back().second <= 0 || rows.back().second % 8 != 0) {
            throw GazetteerError(fmt::format("'{}': lookup index is corrupt", path_.string()));
        }
    }
    if (rows.empty()) throw GazetteerError(fmt::format("'{}' has no lookup index (unfinished build?)", path_.string()));
    Statement id(db, "SELECT value FROM meta WHERE key = 'index_id'");
    const std::string index_id = id.step() ? std::string(id.column_text(0)) : std::string();
    mapped_ = MappedIndex::open(index_file_path(path_), index_id, static_cast<std::size_t>(total) / 8);
    if (mapped_) {
        index_ = NameIndex(mapped_.words());
    } else {
        read_index_blob(db, rows, static_cast<std::size_t>(total));
        index_ = NameIndex(blob_);
    }
    Statement countries(db, "SELECT code, name, coalesce(iso3, '') FROM countries");
    while (countries.step()) {
        countries_.emplace(std::string(countries.column_text(0)),
                           Country{std::string(countries.column_text(1)), std::string(countries.column_text(2))});
    }
    // Whether any place has a footprint: its spatial index is empty when none has (one probe).
    Statement footprints(db, "SELECT EXISTS (SELECT 1 FROM idx_places_footprint)");
    has_footprints_ = footprints.step() && footprints.column_int(0) != 0;
}

// Reads the BLOB parts straight into place: one copy, no second buffer.
void Gazetteer::read_index_blob(Database& db, const std::vector<std::pair<std::int64_t, std::int64_t>>& rows, std::size_t total) {
    blob_.resize(total / 8);
    std::size_t word = 0;
    for (const auto& [rowid, bytes] : rows) {
        sqlite3_blob* blob = nullptr;
        if (sqlite3_blob_open(db.handle(), "main", "lookup_index", "data", rowid, 0, &blob) != SQLITE_OK) {
            throw GazetteerError(fmt::format("'{}': cannot read the lookup index: {}", path_.string(), sqlite3_errmsg(db.handle())));
        }
        const int rc = sqlite3_blob_read(blob, blob_.data() + word, static_cast<int>(bytes), 0);
        sqlite3_blob_close(blob);
        if (rc != SQLITE_OK) throw GazetteerError(fmt::format("'{}': cannot read the lookup index", path_.string()));
        word += static_cast<std::size_t>(bytes) / 8;
    }
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name, const LookupOptions& options) const {
    std::vector<Candidate> out;
    const auto match = index_.find(fold_name(name));
    for (const auto posting : match.postings) {
        const auto place = index_.place(posting.place());
        if (!options.country.empty() && place.country_code != options.country) continue;
        out.push_back(Candidate{place, posting.kind(), candidate_score(place, posting.kind())});
    }
    for (auto& c : out) {
        if (namesake_place_inside(c.place, out, [](const Candidate& o) -> const PlaceView& { return o.place; }) >= 0) {
            c.score -= kNamesakeDivisionPenalty;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.place.index < b.place.index;
    });
    if (options.limit > 0 && out.size() > options.limit) out.resize(options.limit);
    return out;
}

const Gazetteer::Country* Gazetteer::country(std::string_view code) const {
    const auto it = countries_.find(code);
    return it == countries_.end() ? nullptr : &it->second;
}

std::unordered_map<std::string, std::string> Gazetteer::footprints(const std::vector<std::string>& place_ids) const {
    std::unordered_map<std::string, std::string> out;
    if (place_ids.empty() || !has_footprints_) return out;
    Database db(path_.string(), Database::Mode::read_only);
    Statement s(db, "SELECT AsText(footprint) FROM places WHERE place_id = ? AND footprint IS NOT NULL");
    for (const auto& id : place_ids) {
        s.bind(1, std::string_view(id));
        if (s.step() && !s.column_is_null(0)) out.emplace(id, std::string(s.column_text(0)));
        s.reset();
    }
    return out;
}

GazetteerInfo Gazetteer::info() const {
    Database db(path_.string(), Database::Mode::read_only);
    GazetteerInfo info;
    info.path = path_.string();
    info.file_bytes = std::filesystem::file_size(path_);
    info.schema_version = kSchemaVersion;
    {
        Statement s(db, "SELECT value FROM meta WHERE key = 'built_at'");
        if (s.step()) info.built_at = std::string(s.column_text(0));
    }
    auto count = [&db](std::string_view sql) {
        Statement s(db, sql);
        return s.step() ? s.column_int(0) : 0;
    };
    info.places = count("SELECT count(*) FROM places");
    info.names = count("SELECT count(*) FROM names");
    info.countries = count("SELECT count(*) FROM places WHERE feature_code LIKE 'PCL%'");
    info.footprints = count("SELECT count(*) FROM places WHERE footprint IS NOT NULL");
    Statement classes(db, "SELECT coalesce(feature_class, ''), count(*) FROM places GROUP BY 1 ORDER BY 2 DESC");
    while (classes.step()) info.by_feature_class.emplace_back(classes.column_text(0), classes.column_int(1));
    Statement sources(db, "SELECT path, kind, rows, skipped, imported_at FROM sources ORDER BY id");
    while (sources.step()) {
        info.sources.push_back(SourceInfo{std::string(sources.column_text(0)), std::string(sources.column_text(1)),
                                          sources.column_int(2), sources.column_int(3),
                                          std::string(sources.column_text(4))});
    }
    return info;
}

std::filesystem::path default_gazetteer_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir) {
        base = std::filesystem::path(pw->pw_dir) / ".local" / "share";  // HOME unset (some CI runners)
    } else {
        base = ".";
    }
    return base / "geoevents" / "gazetteer.sqlite";
}

std::filesystem::path resolve_gazetteer_path(const std::string& flag) {
    std::filesystem::path path;
    std::string from;
    if (!flag.empty()) {
        path = flag;
        from = "--gazetteer";
    } else if (const char* env = std::getenv("GEOEVENTS_GAZETTEER"); env && *env) {
        path = env;
        from = "GEOEVENTS_GAZETTEER";
    } else {
        path = default_gazetteer_path();
        from = "the default location";
    }
    if (!std::filesystem::exists(path)) {
        throw GazetteerError(fmt::format(
            "no gazetteer at '{}' ({}). Build the default one with `scripts/setup.sh` (or "
            "`scripts/build-default-gazetteer.sh`), or build your own with `geoevents gazetteer build "
            "-o FILE SOURCES...` and pass it with --gazetteer FILE",
            path.string(), from));
    }
    return path;
}

}  // namespace gazetteer

#pragma once
// A gazetteer opened for reading: the lookup structure memory-mapped from the index file beside
// the database (index_file.hpp) or, without one, loaded into memory once; then shared read-only
// by any number of threads.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer/index_file.hpp"
#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace gazetteer {

class Database;

struct Candidate {
    PlaceView place;
    MatchKind match = MatchKind::name;
    double score = 0.0;  ///< candidate_score(): higher is more likely
};

struct LookupOptions {
    std::string country;     ///< ISO2 code; empty: any country
    std::size_t limit = 10;  ///< 0: all
};

struct SourceInfo {
    std::string path;
    std::string kind;
    std::int64_t rows = 0;
    std::int64_t skipped = 0;
    std::string imported_at;
};

struct GazetteerInfo {
    std::string path;
    std::uintmax_t file_bytes = 0;
    std::string built_at;
    int schema_version = 0;
    std::int64_t places = 0;
    std::int64_t names = 0;
    std::int64_t countries = 0;
    std::int64_t footprints = 0;
    std::vector<std::pair<std::string, std::int64_t>> by_feature_class;
    std::vector<SourceInfo> sources;
};

class Gazetteer {
public:
    /// Opens the database read-only and loads its lookup structure. Throws GazetteerError when
    /// the file is missing, is not a geoevents gazetteer, or has another schema version.
    explicit Gazetteer(std::filesystem::path path);

    /// Candidates for a name, best first (ranked by candidate_score()).
    std::vector<Candidate> lookup(std::string_view name, const LookupOptions& options = {}) const;
    /// Candidates for an already folded key, unranked and unfiltered.
    KeyMatch find_folded(std::string_view folded) const noexcept { return index_.find(folded); }
    /// The same, with `hash` == hash_key(folded) already known.
    KeyMatch find_folded(std::string_view folded, std::uint64_t hash) const noexcept { return index_.find(folded, hash); }
    PlaceView place(std::uint32_t index) const noexcept { return index_.place(index); }
    std::string_view feature_code(std::uint32_t index) const noexcept { return index_.feature_code(index); }
    const NameIndex& index() const noexcept { return index_; }
    const std::filesystem::path& path() const noexcept { return path_; }
    /// True when the lookup index is memory-mapped from its index file, false when it was read
    /// into memory from the database (no index file, or one of another build).
    bool index_mapped() const noexcept { return static_cast<bool>(mapped_); }
    /// A number no other Gazetteer opened by this process has: what callers that keep views of
    /// its places between calls (per-thread memos) check that they still hold this one's.
    std::uint64_t instance() const noexcept { return instance_; }

    /// What the database holds and where it came from (reads the database again).
    GazetteerInfo info() const;

    struct Country {
        std::string name;
        std::string iso3;
    };
    /// The country of an ISO 3166-1 alpha-2 code, from the code tables the gazetteer was built
    /// with; nullptr when it has none.
    const Country* country(std::string_view code) const;

    /// The footprints (MULTIPOLYGON WKT, lon lat) of those of `place_ids` that have one, by
    /// place id. Opens the database for the call (unless no place has a footprint, which the
    /// constructor found out): meant for a batch (the places of one output), not for a lookup a
    /// mention.
    std::unordered_map<std::string, std::string> footprints(const std::vector<std::string>& place_ids) const;

private:
    std::filesystem::path path_;
    void read_index_blob(Database& db, const std::vector<std::pair<std::int64_t, std::int64_t>>& rows, std::size_t total);

    std::vector<std::uint64_t> blob_;  ///< the index read from the database, when it is not mapped
    MappedIndex mapped_;               ///< the index file beside the database, mapped (index_file.hpp)
    NameIndex index_;
    std::map<std::string, Country, std::less<>> countries_;
    bool has_footprints_ = false;
    std::uint64_t instance_ = 0;
};

/// Where the default gazetteer lives: $XDG_DATA_HOME/geoevents/gazetteer.sqlite, else
/// ~/.local/share/geoevents/gazetteer.sqlite.
std::filesystem::path default_gazetteer_path();

/// The gazetteer to use: `flag` when given, else $GEOEVENTS_GAZETTEER, else the default. Throws
/// GazetteerError, saying how to build one, when that file does not exist.
std::filesystem::path resolve_gazetteer_path(const std::string& flag);

}  // namespace gazetteer

#pragma once
// Writes a gazetteer database: Add places and names, then finish(). The database is written to a
// temporary file beside the target and renamed into place by finish(); if the builder is
// destroyed without finish() (an error, an interrupt), the temporary file is removed and any
// previous gazetteer at the target is untouched.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace gazetteer {

class Database;
class Statement;
class SuspendedTriggers;
class Transaction;

/// A place as the importers hand it to the builder.
struct NewPlace {
    std::string place_id;  ///< 'geonames:170063', or the source's own code
    std::string name;
    std::string asciiname;
    std::string feature_class;
    std::string feature_code;
    std::string country_code;
    std::string admin1_code;  ///< GeoNames style 'SY.09' or the source's own
    std::string admin1_name;
    std::string admin2_code;
    std::string admin2_name;
    std::int64_t population = 0;
    double latitude = 0.0;
    double longitude = 0.0;
    std::string footprint_wkb;  ///< optional (multi)polygon as WKB, EPSG:4326
};

class GazetteerBuilder {
public:
    explicit GazetteerBuilder(std::filesystem::path target);
    ~GazetteerBuilder();
    GazetteerBuilder(const GazetteerBuilder&) = delete;
    GazetteerBuilder& operator=(const GazetteerBuilder&) = delete;

    /// Records a source; returns its id for add_place(). Call end_source() when it is read.
    std::int64_t begin_source(std::string_view path, std::string_view kind);
    void end_source(std::int64_t source, std::uint64_t rows, std::uint64_t skipped);

    /// Adds a place and its primary and ASCII names; returns its dense index (pid). A place_id
    /// already present is not added twice: the existing index is returned.
    std::uint32_t add_place(const NewPlace& place, std::int64_t source);
    std::optional<std::uint32_t> find_place(std::string_view place_id) const;
    /// Adds one name of a place (folded for the index). Empty names are ignored.
    void add_name(std::uint32_t place, std::string_view name, std::string_view lang, MatchKind kind);

    void add_country(std::string_view code, std::string_view iso3, std::string_view name,
                     std::string_view continent, std::int64_t geonameid, std::int64_t population);
    void add_admin_code(std::string_view code, int level, std::string_view name,
                        std::string_view asciiname, std::int64_t geonameid);
    void set_meta(std::string_view key, std::string_view value);

    std::uint32_t place_count() const noexcept { return next_pid_; }
    std::uint64_t name_count() const noexcept { return names_added_; }

    /// Builds the indexes and the lookup structure, commits, and renames into place; `log`
    /// (optional) hears of each step as it starts.
    void finish(const std::function<void(const std::string&)>& log = {});

    Database& database();

private:
    void create();            ///< the temporary database, its schema and statements
    void discard() noexcept;  ///< closes and removes the temporary database
    struct Statements;
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<Statements> st_;
    std::unique_ptr<SuspendedTriggers> triggers_;  // SpatiaLite's, on places, until finish()
    std::unique_ptr<Transaction> tx_;
    std::uint32_t next_pid_ = 0;
    std::uint64_t names_added_ = 0;
    NameIndexWriter index_;  // the lookup structure, fed as places and names arrive
    std::string folded_;  // scratch
    bool finished_ = false;
};

}  // namespace gazetteer

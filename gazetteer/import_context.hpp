#pragma once
// State shared by the importers of one `gazetteer build`: the builder, the code tables read so
// far, and what the dumps taught about each country and first-level division (for places that
// must be synthesised from code tables). Private to the gazetteer library.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer/builder.hpp"
#include "gazetteer/error.hpp"
#include "geo/point.hpp"

namespace gazetteer {

struct CodeEntry {
    std::string name;
    std::string asciiname;
    std::int64_t geonameid = 0;
};

struct CountryEntry {
    std::string iso3;
    std::string name;
    std::string continent;
    std::int64_t geonameid = 0;
    std::int64_t population = 0;
};

/// A point with the population that makes it representative.
struct WeightedPoint {
    geo::LatLon point;
    std::int64_t population = -1;  ///< -1: none seen
    void offer(const geo::LatLon& p, std::int64_t pop) {
        if (pop > population) {
            point = p;
            population = pop;
        }
    }
    bool known() const noexcept { return population >= 0; }
};

/// What the dumps said about one country or first-level division.
struct DivisionStats {
    WeightedPoint capital;   ///< PPLC for a country, PPLA for a division
    WeightedPoint largest;   ///< most populous populated place
    std::int64_t population_sum = 0;
    bool has_feature = false;  ///< the dump holds the division itself (PCLI, ADM1 row)
    std::optional<geo::LatLon> given_point;  ///< from --admin1-points
    std::vector<std::string> extra_names;    ///< from --admin1-points
    // The places' mean position (for second-level divisions, whose largest town is often far
    // from their middle); the longitude range tells when the mean is meaningless.
    double lat_sum = 0.0, lon_sum = 0.0, lon_min = 180.0, lon_max = -180.0;
    std::size_t places = 0;
    void add_place(const geo::LatLon& p) {
        lat_sum += p.lat;
        lon_sum += p.lon;
        lon_min = std::min(lon_min, p.lon);
        lon_max = std::max(lon_max, p.lon);
        ++places;
    }
};

/// Counts bad rows, or stops at the first one (the default).
class BadRows {
public:
    explicit BadRows(bool skip) : skip_(skip) {}
    /// Throws InputError(file, line, message) unless skipping; then counts and keeps the first few.
    void report(const std::string& file, std::uint64_t line, const std::string& message);
    std::uint64_t count() const noexcept { return count_; }
    const std::vector<std::string>& examples() const noexcept { return examples_; }

private:
    bool skip_;
    std::uint64_t count_ = 0;
    std::vector<std::string> examples_;
};

struct ImportContext {
    ImportContext(GazetteerBuilder& b, bool skip_bad_rows, std::function<void(const std::string&)> logger)
        : builder(b), bad_rows(skip_bad_rows), log(std::move(logger)) {}

    GazetteerBuilder& builder;
    BadRows bad_rows;
    std::function<void(const std::string&)> log;

    std::unordered_map<std::string, CodeEntry> admin1;  ///< 'SY.09' -> Aleppo
    std::unordered_map<std::string, CodeEntry> admin2;  ///< 'SY.09.SY0900' -> ...
    std::map<std::string, CountryEntry> countries;      ///< 'SY' -> Syria (sorted: stable ids)
    std::unordered_map<std::string, DivisionStats> country_stats;
    std::map<std::string, DivisionStats> admin1_stats;
    std::map<std::string, DivisionStats> admin2_stats;
    std::unordered_map<std::string, std::uint32_t> country_place;  ///< 'SY' -> pid
    std::unordered_map<std::string, std::uint32_t> admin1_place;   ///< 'SY.09' -> pid

    /// Populated places seen in the dumps, for matching division points to codes.
    struct PlacePoint {
        geo::LatLon point;
        std::string admin1_key;
    };
    std::unordered_map<std::string, std::vector<PlacePoint>> populated_by_country;

};

/// 'SY' + '09' -> 'SY.09' (empty when either part is empty).
std::string admin_key(std::string_view country, std::string_view code);

}  // namespace gazetteer

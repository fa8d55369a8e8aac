#pragma once
// One row of a GeoNames "geoname" dump (allCountries.txt, cities500.txt, XX.txt): 19 tab-separated
// columns, documented at the end of the GeoNames dump's readme.txt.
#include <cstdint>
#include <string>
#include <string_view>

namespace gazetteer {

struct GeonamesRow {
    std::uint32_t geonameid = 0;
    std::string_view name;
    std::string_view asciiname;
    std::string_view alternatenames;  ///< comma-separated
    double latitude = 0.0;
    double longitude = 0.0;
    std::string_view feature_class;  ///< one letter (A, H, L, P, R, S, T, U, V) or empty
    std::string_view feature_code;
    std::string_view country_code;
    std::string_view cc2;
    std::string_view admin1_code;
    std::string_view admin2_code;
    std::string_view admin3_code;
    std::string_view admin4_code;
    std::int64_t population = 0;
    std::string_view timezone;
};

inline constexpr int kGeonamesColumns = 19;

/// Parses one line into `row` (whose views point into `line`). Returns an empty string on
/// success, otherwise a message naming the column and value ("column 5 (latitude): '95.1' is
/// not a latitude"). Never throws.
std::string parse_geonames_row(std::string_view line, GeonamesRow& row);

/// Calls f(name) for each non-empty comma-separated name of a GeoNames alternatenames field.
template <typename F>
void for_each_alternate_name(std::string_view names, F&& f) {
    while (!names.empty()) {
        const auto comma = names.find(',');
        const auto name = names.substr(0, comma);
        if (!name.empty()) f(name);
        if (comma == std::string_view::npos) break;
        names.remove_prefix(comma + 1);
    }
}

}  // namespace gazetteer

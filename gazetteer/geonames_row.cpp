#include "gazetteer/geonames_row.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace gazetteer {
namespace {

constexpr std::array<const char*, kGeonamesColumns> kColumnNames = {
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature class", "feature code", "country code", "cc2", "admin1 code", "admin2 code",
    "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
    "modification date"};

std::string column_error(int column, std::string_view value, std::string_view what) {
    constexpr std::size_t kShown = 40;
    const bool cut = value.size() > kShown;
    return fmt::format("column {} ({}): '{}{}' {}", column + 1, kColumnNames[column],
                       value.substr(0, kShown), cut ? "…" : "", what);
}

bool parse_double(std::string_view s, double& out) {
    if (s.empty()) return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
}

template <typename Int>
bool parse_int(std::string_view s, Int& out) {
    if (s.empty()) return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string parse_geonames_row(std::string_view line, GeonamesRow& row) {
    std::array<std::string_view, kGeonamesColumns> f;
    int n = 0;
    std::size_t pos = 0;
    for (;;) {
        const auto tab = line.find('\t', pos);
        if (n == kGeonamesColumns) {
            return fmt::format("expected {} tab-separated columns, found more", kGeonamesColumns);
        }
        f[n++] = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
    }
    if (n != kGeonamesColumns) {
        return fmt::format("expected {} tab-separated columns, found {} (truncated or not a GeoNames dump?)",
                           kGeonamesColumns, n);
    }
    if (!parse_int(f[0], row.geonameid) || row.geonameid == 0) {
        return column_error(0, f[0], "is not a positive integer id");
    }
    if (f[1].empty()) return column_error(1, f[1], "is empty");
    if (!parse_double(f[4], row.latitude) || row.latitude < -90.0 || row.latitude > 90.0) {
        return column_error(4, f[4], "is not a latitude");
    }
    if (!parse_double(f[5], row.longitude) || row.longitude < -180.0 || row.longitude > 180.0) {
        return column_error(5, f[5], "is not a longitude");
    }
    if (f[6].size() > 1) return column_error(6, f[6], "is not a one-letter feature class");
    row.population = 0;
    if (!f[14].empty() && (!parse_int(f[14], row.population) || row.population < 0)) {
        return column_error(14, f[14], "is not a population");
    }
    row.name = f[1];
    row.asciiname = f[2];
    row.alternatenames = f[3];
    row.feature_class = f[6];
    row.feature_code = f[7];
    row.country_code = f[8];
    row.cc2 = f[9];
    row.admin1_code = f[10];
    row.admin2_code = f[11];
    row.admin3_code = f[12];
    row.admin4_code = f[13];
    row.timezone = f[17];
    return {};
}

}  // namespace gazetteer

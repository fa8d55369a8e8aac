// GeoNames' code tables: admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "gazetteer/importers.hpp"
#include "gazetteer/line_reader.hpp"
#include "gazetteer/tsv.hpp"

namespace gazetteer {
namespace {

// An optional integer column: empty is 0, anything else must be digits.
bool parse_optional_int(std::string_view s, std::int64_t& out) {
    out = 0;
    if (s.empty()) return true;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && out >= 0;
}

}  // namespace

void import_admin_codes(ImportContext& ctx, const std::string& path, int level) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, level == 1 ? "admin1_codes" : "admin2_codes");
    const auto skipped_before = ctx.bad_rows.count();
    auto& table = level == 1 ? ctx.admin1 : ctx.admin2;
    std::uint64_t rows = 0;
    std::string_view line;
    std::vector<std::string_view> f;
    while (reader.next(line)) {
        if (!reader.problem().empty()) {
            ctx.bad_rows.report(path, reader.line_number(), std::string(reader.problem()));
            continue;
        }
        if (is_comment_or_blank(line)) continue;
        const auto n = split_tabs(line, f);
        const std::size_t dots = static_cast<std::size_t>(std::count(f[0].begin(), f[0].end(), '.'));
        std::int64_t geonameid = 0;
        if (n != 4) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("expected 4 tab-separated columns (code, name, asciiname, "
                                            "geonameid), found {}", n));
            continue;
        }
        if (dots != static_cast<std::size_t>(level)) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 1 (code): '{}' is not an admin{} code like {}", f[0],
                                            level, level == 1 ? "'SY.09'" : "'SY.09.SY0900'"));
            continue;
        }
        if (f[1].empty()) {
            ctx.bad_rows.report(path, reader.line_number(), "column 2 (name) is empty");
            continue;
        }
        if (!parse_optional_int(f[3], geonameid)) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 4 (geonameid): '{}' is not an id", f[3]));
            continue;
        }
        table[std::string(f[0])] = CodeEntry{std::string(f[1]), std::string(f[2]), geonameid};
        ctx.builder.add_admin_code(f[0], level, f[1], f[2], geonameid);
        ++rows;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} admin{} codes", path, rows, level));
}

void import_country_info(ImportContext& ctx, const std::string& path) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, "country_info");
    const auto skipped_before = ctx.bad_rows.count();
    std::uint64_t rows = 0;
    std::string_view line;
    std::vector<std::string_view> f;
    while (reader.next(line)) {
        if (!reader.problem().empty()) {
            ctx.bad_rows.report(path, reader.line_number(), std::string(reader.problem()));
            continue;
        }
        if (is_comment_or_blank(line)) continue;
        const auto n = split_tabs(line, f);
        if (n < 17) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("expected at least 17 tab-separated columns, found {}", n));
            continue;
        }
        if (f[0].size() != 2) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 1 (ISO): '{}' is not a two-letter code", f[0]));
            continue;
        }
        if (f[4].empty()) {
            ctx.bad_rows.report(path, reader.line_number(), "column 5 (Country) is empty");
            continue;
        }
        CountryEntry c;
        if (!parse_optional_int(f[7], c.population)) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 8 (Population): '{}' is not a number", f[7]));
            continue;
        }
        if (!parse_optional_int(f[16], c.geonameid)) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 17 (geonameid): '{}' is not an id", f[16]));
            continue;
        }
        c.iso3.assign(f[1]);
        c.name.assign(f[4]);
        c.continent.assign(f[8]);
        ctx.builder.add_country(f[0], c.iso3, c.name, c.continent, c.geonameid, c.population);
        ctx.countries[std::string(f[0])] = std::move(c);
        ++rows;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} countries", path, rows));
}

}  // namespace gazetteer

// The project's own tables (gazetteer/data/): regions, demonyms and short forms.
#include <charconv>

#include <fmt/format.h>

#include "gazetteer/geonames_row.hpp"
#include "gazetteer/importers.hpp"
#include "gazetteer/line_reader.hpp"
#include "gazetteer/tsv.hpp"

namespace gazetteer {
namespace {

bool parse_degrees(std::string_view s, double& out, double limit) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && ptr == s.data() + s.size() && out >= -limit && out <= limit;
}

// Runs `row` on every data line of a table, with the file's bookkeeping.
template <typename F>
void read_table(ImportContext& ctx, const std::string& path, std::string_view kind, F&& row) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, kind);
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
        split_tabs(line, f);
        if (auto error = row(f, source); !error.empty()) {
            ctx.bad_rows.report(path, reader.line_number(), error);
            continue;
        }
        ++rows;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} rows", path, rows));
}

}  // namespace

void import_regions(ImportContext& ctx, const std::string& path) {
    read_table(ctx, path, "table", [&](const std::vector<std::string_view>& f, std::int64_t source) -> std::string {
        if (f.size() < 6) return "expected id, name, alternate_names, feature_code, latitude, longitude";
        NewPlace p;
        if (f[0].empty() || f[1].empty()) return "id and name must not be empty";
        if (!parse_degrees(f[4], p.latitude, 90.0)) return fmt::format("'{}' is not a latitude", f[4]);
        if (!parse_degrees(f[5], p.longitude, 180.0)) return fmt::format("'{}' is not a longitude", f[5]);
        p.place_id.assign(f[0]);
        p.name.assign(f[1]);
        p.feature_class = "L";
        p.feature_code.assign(f[3]);
        const auto pid = ctx.builder.add_place(p, source);
        for_each_alternate_name(f[2], [&](std::string_view alt) {
            ctx.builder.add_name(pid, alt, "en", MatchKind::alternate);
        });
        return {};
    });
}

void import_demonyms(ImportContext& ctx, const std::string& path) {
    read_table(ctx, path, "table", [&](const std::vector<std::string_view>& f, std::int64_t) -> std::string {
        if (f.size() < 2 || f[0].empty() || f[1].size() != 2) return "expected demonym<TAB>country_code";
        auto it = ctx.country_place.find(std::string(f[1]));
        if (it == ctx.country_place.end()) return {};  // a country this gazetteer does not hold
        ctx.builder.add_name(it->second, f[0], "en", MatchKind::demonym);
        if (f.size() > 2) {
            for_each_alternate_name(f[2], [&](std::string_view variant) {
                ctx.builder.add_name(it->second, variant, "en", MatchKind::demonym);
            });
        }
        return {};
    });
}

void import_short_forms(ImportContext& ctx, const std::string& path) {
    read_table(ctx, path, "table", [&](const std::vector<std::string_view>& f, std::int64_t) -> std::string {
        if (f.size() < 3 || f[0].empty()) return "expected short_form<TAB>target<TAB>kind";
        const auto target = f[1];
        const auto colon = target.find(':');
        if (colon == std::string_view::npos) return fmt::format("target '{}' is not country:CC or admin1:CC.CODE", target);
        const auto scope = target.substr(0, colon);
        const std::string code(target.substr(colon + 1));
        const auto& places = scope == "country" ? ctx.country_place : ctx.admin1_place;
        if (scope != "country" && scope != "admin1") return fmt::format("target '{}' is not country:CC or admin1:CC.CODE", target);
        MatchKind kind;
        if (f[2] == "abbreviation") kind = MatchKind::abbreviation;
        else if (f[2] == "short" || f[2] == "short_form") kind = MatchKind::short_form;
        else if (f[2] == "official" || f[2] == "former") kind = MatchKind::alternate;
        else return fmt::format("kind '{}' is not short, abbreviation, official or former", f[2]);
        auto it = places.find(code);
        if (it == places.end()) return {};  // not in this gazetteer
        ctx.builder.add_name(it->second, f[0], "en", kind);
        return {};
    });
}

}  // namespace gazetteer

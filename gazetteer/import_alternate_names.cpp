#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "gazetteer/importers.hpp"
#include "gazetteer/line_reader.hpp"
#include "gazetteer/tsv.hpp"

namespace gazetteer {
namespace {

// GeoNames "languages" that are not names of the place: links, postal codes, airport codes,
// Wikidata ids, UN/LOCODEs, pronunciations.
bool is_not_a_name(std::string_view lang) {
    return lang == "link" || lang == "post" || lang == "iata" || lang == "icao" || lang == "faac" ||
           lang == "wkdt" || lang == "unlc" || lang == "tcid" || lang == "phon" || lang == "piny";
}

}  // namespace

void import_alternate_names(ImportContext& ctx, const std::string& path) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, "alternate_names");
    const auto skipped_before = ctx.bad_rows.count();
    std::uint64_t rows = 0;
    std::uint64_t kept = 0;
    std::string_view line;
    std::vector<std::string_view> f;
    std::string place_id;
    while (reader.next(line)) {
        if (!reader.problem().empty()) {
            ctx.bad_rows.report(path, reader.line_number(), std::string(reader.problem()));
            continue;
        }
        if (line.empty()) continue;
        const auto n = split_tabs(line, f);
        if (n != 8 && n != 10) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("expected 8 or 10 tab-separated columns, found {}", n));
            continue;
        }
        ++rows;
        if (f[1].empty() || f[1].find_first_not_of("0123456789") != std::string_view::npos) {
            ctx.bad_rows.report(path, reader.line_number(),
                                fmt::format("column 2 (geonameid): '{}' is not an id", f[1]));
            continue;
        }
        const auto lang = f[2];
        if (is_not_a_name(lang) || f[3].empty()) continue;
        place_id.assign("geonames:").append(f[1]);
        const auto pid = ctx.builder.find_place(place_id);
        if (!pid) continue;  // a place this gazetteer does not hold
        MatchKind kind = MatchKind::alternate;
        if (lang == "abbr") kind = MatchKind::abbreviation;
        else if (f[5] == "1") kind = MatchKind::short_form;
        ctx.builder.add_name(*pid, f[3], lang == "abbr" ? std::string_view{} : lang, kind);
        ++kept;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} alternate names, {} for places in this gazetteer", path, rows, kept));
}

}  // namespace gazetteer

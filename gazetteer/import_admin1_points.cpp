#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "gazetteer/fold.hpp"
#include "gazetteer/importers.hpp"
#include "gazetteer/line_reader.hpp"
#include "gazetteer/tsv.hpp"
#include "geo/nearest.hpp"

namespace gazetteer {
namespace {

// A division's name reduced to what different sources agree on: folded, without generic words
// ("Governorate", "Province") or Arabic articles, spaces removed ("Deir ez-Zor" -> "deirezzor").
std::string division_key(std::string_view name) {
    static const std::set<std::string, std::less<>> generic = {
        "governorate", "province", "provincia", "region", "state", "oblast", "district", "county",
        "department", "departement", "prefecture", "municipality", "emirate", "territory",
        "division", "autonomous", "republic", "of", "the", "krai", "kray", "voivodeship", "canton",
        "parish", "muhafazat", "wilayah", "wilaya", "okrug", "raion", "governorate"};
    static const std::set<std::string, std::less<>> articles = {"al", "el", "ar", "as", "ad", "ash",
                                                                 "at", "az", "an", "ad"};
    const auto folded = fold_name(name);
    std::string key;
    std::size_t start = 0;
    bool first = true;
    while (start <= folded.size()) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        const std::string_view token(folded.data() + start, end - start);
        if (!generic.count(token) && !(first && articles.count(token))) key.append(token);
        first = false;
        start = end + 1;
    }
    return key;
}

bool parse_coordinate(std::string_view s, double& out, double limit) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && ptr == s.data() + s.size() && out >= -limit && out <= limit;
}

}  // namespace

void import_admin1_points(ImportContext& ctx, const std::string& path) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, "admin1_points");
    const auto skipped_before = ctx.bad_rows.count();

    // Admin1 codes of each country by normalised name.
    std::map<std::string, std::map<std::string, std::string>> by_name;  // cc -> key -> code
    for (const auto& [code, entry] : ctx.admin1) {
        const auto cc = code.substr(0, code.find('.'));
        by_name[cc].emplace(division_key(entry.name), code);
        if (!entry.asciiname.empty()) by_name[cc].emplace(division_key(entry.asciiname), code);
    }
    struct Row {
        std::string cc, name;
        geo::LatLon point;
    };
    std::vector<Row> unmatched;
    std::set<std::string> assigned;
    std::uint64_t rows = 0, by_name_count = 0, by_place_count = 0;
    std::string_view line;
    std::vector<std::string_view> f;
    auto assign = [&](const std::string& code, const Row& row) {
        auto& stats = ctx.admin1_stats[code];
        stats.given_point = row.point;
        stats.extra_names.push_back(row.name);
        assigned.insert(code);
    };
    while (reader.next(line)) {
        if (!reader.problem().empty()) {
            ctx.bad_rows.report(path, reader.line_number(), std::string(reader.problem()));
            continue;
        }
        if (is_comment_or_blank(line)) continue;
        Row row;
        if (split_tabs(line, f) != 4 || f[0].size() != 2 || f[1].empty() ||
            !parse_coordinate(f[2], row.point.lat, 90.0) || !parse_coordinate(f[3], row.point.lon, 180.0)) {
            ctx.bad_rows.report(path, reader.line_number(),
                                "expected country_code<TAB>name<TAB>latitude<TAB>longitude");
            continue;
        }
        ++rows;
        row.cc.assign(f[0]);
        row.name.assign(f[1]);
        const auto& names = by_name[row.cc];
        auto it = names.find(division_key(row.name));
        if (it != names.end() && !assigned.count(it->second)) {
            assign(it->second, row);
            ++by_name_count;
        } else {
            unmatched.push_back(std::move(row));
        }
    }
    // What the names did not settle, the populated places around the point do: the admin1 code
    // most of its nearest places carry.
    std::map<std::string, geo::NearestIndex> indexes;
    for (const auto& row : unmatched) {
        auto places = ctx.populated_by_country.find(row.cc);
        if (places == ctx.populated_by_country.end() || places->second.empty()) continue;
        auto idx = indexes.find(row.cc);
        if (idx == indexes.end()) {
            std::vector<geo::LatLon> points;
            points.reserve(places->second.size());
            for (const auto& p : places->second) points.push_back(p.point);
            idx = indexes.emplace(row.cc, geo::NearestIndex(points)).first;
        }
        std::map<std::string, int> votes;
        for (auto i : idx->second.nearest(row.point, 7)) ++votes[places->second[i].admin1_key];
        std::string best;
        int best_votes = 0;
        for (const auto& [code, v] : votes) {
            if (v > best_votes && !assigned.count(code)) {
                best = code;
                best_votes = v;
            }
        }
        if (best_votes >= 4) {
            assign(best, row);
            ++by_place_count;
        }
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} division points, {} matched by name, {} by nearby places, {} unmatched",
                        path, rows, by_name_count, by_place_count, rows - by_name_count - by_place_count));
}

}  // namespace gazetteer

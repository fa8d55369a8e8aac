#include <fmt/format.h>

#include "gazetteer/fold.hpp"
#include "gazetteer/geonames_row.hpp"
#include "gazetteer/importers.hpp"
#include "gazetteer/line_reader.hpp"

namespace gazetteer {
namespace {

bool is_country_code(std::string_view fcode) {
    return fcode == "PCLI" || fcode == "PCLD" || fcode == "PCLF" || fcode == "PCLS" ||
           fcode == "PCLIX" || fcode == "PCL" || fcode == "TERR";
}

// Records what the row tells about its country and first-level division.
void note_division(ImportContext& ctx, const GeonamesRow& row, const NewPlace& place, std::uint32_t pid) {
    const std::string cc(row.country_code);
    if (cc.empty()) return;
    const geo::LatLon point{row.latitude, row.longitude};
    if (row.feature_class == "A") {
        if (is_country_code(row.feature_code)) {
            ctx.country_stats[cc].has_feature = true;
            ctx.country_place.emplace(cc, pid);
        } else if (row.feature_code == "ADM1" && !place.admin1_code.empty()) {
            ctx.admin1_stats[place.admin1_code].has_feature = true;
            ctx.admin1_place.emplace(place.admin1_code, pid);
        } else if (row.feature_code == "ADM2" && !place.admin2_code.empty()) {
            ctx.admin2_stats[place.admin2_code].has_feature = true;
        }
        return;
    }
    if (row.feature_class != "P") return;
    auto& country = ctx.country_stats[cc];
    country.largest.offer(point, row.population);
    country.population_sum += row.population;
    if (row.feature_code == "PPLC") country.capital.offer(point, row.population);
    if (place.admin1_code.empty()) return;
    auto& division = ctx.admin1_stats[place.admin1_code];
    division.largest.offer(point, row.population);
    division.population_sum += row.population;
    if (row.feature_code == "PPLA" || row.feature_code == "PPLC") division.capital.offer(point, row.population);
    ctx.populated_by_country[cc].push_back({point, place.admin1_code});
    if (!place.admin2_code.empty()) {
        auto& county = ctx.admin2_stats[place.admin2_code];
        county.largest.offer(point, row.population);
        county.population_sum += row.population;
        county.add_place(point);
    }
}

}  // namespace

void import_geonames_dump(ImportContext& ctx, const std::string& path) {
    LineReader reader(path);
    const auto source = ctx.builder.begin_source(path, "geonames");
    const auto skipped_before = ctx.bad_rows.count();
    std::uint64_t rows = 0;
    std::string_view line;
    GeonamesRow row;
    NewPlace place;
    std::string folded_name, folded_ascii, folded_alt;
    while (reader.next(line)) {
        if (!reader.problem().empty()) {
            ctx.bad_rows.report(path, reader.line_number(), std::string(reader.problem()));
            continue;
        }
        if (line.empty()) continue;
        if (auto error = parse_geonames_row(line, row); !error.empty()) {
            ctx.bad_rows.report(path, reader.line_number(), error);
            continue;
        }
        place.place_id = fmt::format("geonames:{}", row.geonameid);
        place.name.assign(row.name);
        place.asciiname.assign(row.asciiname);
        place.feature_class.assign(row.feature_class);
        place.feature_code.assign(row.feature_code);
        place.country_code.assign(row.country_code);
        place.admin1_code = admin_key(row.country_code, row.admin1_code);
        place.admin2_code = place.admin1_code.empty() ? std::string() : admin_key(place.admin1_code, row.admin2_code);
        auto a1 = ctx.admin1.find(place.admin1_code);
        place.admin1_name = a1 != ctx.admin1.end() ? a1->second.name : std::string();
        auto a2 = place.admin2_code.empty() ? ctx.admin2.end() : ctx.admin2.find(place.admin2_code);
        place.admin2_name = a2 != ctx.admin2.end() ? a2->second.name : std::string();
        place.population = row.population;
        place.latitude = row.latitude;
        place.longitude = row.longitude;
        const auto pid = ctx.builder.add_place(place, source);
        note_division(ctx, row, place, pid);

        folded_name = fold_name(row.name);
        folded_ascii = fold_name(row.asciiname);
        for_each_alternate_name(row.alternatenames, [&](std::string_view alt) {
            folded_alt.clear();
            append_folded(alt, folded_alt);
            if (folded_alt.empty() || folded_alt == folded_name || folded_alt == folded_ascii) return;
            ctx.builder.add_name(pid, alt, {}, MatchKind::alternate);
        });
        ++rows;
    }
    ctx.builder.end_source(source, rows, ctx.bad_rows.count() - skipped_before);
    ctx.log(fmt::format("{}: {} places", path, rows));
}

}  // namespace gazetteer

#include <fmt/format.h>

#include "gazetteer/importers.hpp"

namespace gazetteer {
namespace {

// The best point we have for a division the dumps do not hold: a point given for it, else its
// capital, else its largest place.
std::optional<geo::LatLon> representative_point(const DivisionStats& stats) {
    if (stats.given_point) return stats.given_point;
    if (stats.capital.known()) return stats.capital.point;
    if (stats.largest.known()) return stats.largest.point;
    return std::nullopt;
}

}  // namespace

void synthesize_divisions(ImportContext& ctx) {
    const auto source = ctx.builder.begin_source("(countries and administrative divisions from code tables)",
                                                 "derived");
    std::uint64_t added = 0, without_point = 0;
    for (const auto& [cc, country] : ctx.countries) {
        auto& stats = ctx.country_stats[cc];
        if (stats.has_feature) continue;
        const auto point = representative_point(stats);
        if (!point) {
            ++without_point;
            continue;
        }
        NewPlace p;
        p.place_id = country.geonameid > 0 ? fmt::format("geonames:{}", country.geonameid) : "country:" + cc;
        p.name = country.name;
        p.feature_class = "A";
        p.feature_code = "PCLI";
        p.country_code = cc;
        p.population = country.population;
        p.latitude = point->lat;
        p.longitude = point->lon;
        ctx.country_place.emplace(cc, ctx.builder.add_place(p, source));
        ++added;
    }
    for (const auto& [code, entry] : ctx.admin1) {
        auto& stats = ctx.admin1_stats[code];
        if (stats.has_feature) continue;
        const auto point = representative_point(stats);
        if (!point) {
            ++without_point;
            continue;
        }
        NewPlace p;
        p.place_id = entry.geonameid > 0 ? fmt::format("geonames:{}", entry.geonameid) : "adm1:" + code;
        p.name = entry.name;
        p.asciiname = entry.asciiname;
        p.feature_class = "A";
        p.feature_code = "ADM1";
        p.country_code = code.substr(0, code.find('.'));
        p.admin1_code = code;
        p.admin1_name = entry.name;
        // The dumps' populated places are a lower bound of its population; it ranks the division
        // above villages that share its name.
        p.population = stats.population_sum;
        p.latitude = point->lat;
        p.longitude = point->lon;
        const auto pid = ctx.builder.add_place(p, source);
        for (const auto& name : stats.extra_names) ctx.builder.add_name(pid, name, {}, MatchKind::alternate);
        ctx.admin1_place.emplace(code, pid);
        ++added;
    }
    // Second-level divisions (counties, districts) at the mean position of their places.
    for (const auto& [code, entry] : ctx.admin2) {
        const auto it = ctx.admin2_stats.find(code);
        if (it == ctx.admin2_stats.end() || it->second.has_feature || it->second.places == 0) continue;
        const auto& stats = it->second;
        const bool spread = stats.lon_max - stats.lon_min > 180.0;  // across the antimeridian
        const geo::LatLon point = spread ? stats.largest.point
                                         : geo::LatLon{stats.lat_sum / static_cast<double>(stats.places),
                                                       stats.lon_sum / static_cast<double>(stats.places)};
        NewPlace p;
        p.place_id = entry.geonameid > 0 ? fmt::format("geonames:{}", entry.geonameid) : "adm2:" + code;
        p.name = entry.name;
        p.asciiname = entry.asciiname;
        p.feature_class = "A";
        p.feature_code = "ADM2";
        p.country_code = code.substr(0, code.find('.'));
        p.admin1_code = code.substr(0, code.rfind('.'));
        const auto a1 = ctx.admin1.find(p.admin1_code);
        if (a1 != ctx.admin1.end()) p.admin1_name = a1->second.name;
        p.admin2_code = code;
        p.admin2_name = entry.name;
        p.population = stats.population_sum;
        p.latitude = point.lat;
        p.longitude = point.lon;
        ctx.builder.add_place(p, source);
        ++added;
    }
    ctx.builder.end_source(source, added, without_point);
    if (added > 0 || without_point > 0) {
        ctx.log(fmt::format("added {} countries and administrative divisions from code tables ({} without "
                            "any point, left out)", added, without_point));
    }
}

}  // namespace gazetteer

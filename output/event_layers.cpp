#include "output/event_layers.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <unordered_map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "geo/compass_area.hpp"
#include "geo/footprint_part.hpp"

namespace output {
namespace {

bool is_country(const gazetteer::PlaceView& p) { return p.feature_code.substr(0, 3) == "PCL"; }

geo::CompassPart part_of(const extract::Qualifier& q) {
    using C = extract::Compass;
    switch (q.compass) {
        case C::north: return geo::CompassPart::north;
        case C::northeast: return geo::CompassPart::northeast;
        case C::east: return geo::CompassPart::east;
        case C::southeast: return geo::CompassPart::southeast;
        case C::south: return geo::CompassPart::south;
        case C::southwest: return geo::CompassPart::southwest;
        case C::west: return geo::CompassPart::west;
        case C::northwest: return geo::CompassPart::northwest;
        case C::central: return geo::CompassPart::central;
        case C::none: return geo::CompassPart::whole;
    }
    return geo::CompassPart::whole;
}

std::string wkt(const geo::Area& a) {
    std::string s = "POLYGON((";
    for (std::size_t i = 0; i < a.ring.size(); ++i) {
        s += fmt::format("{}{:.7f} {:.7f}", i ? "," : "", a.ring[i].lon, a.ring[i].lat);
    }
    return s + "))";
}

geo::Area area_of(const gazetteer::PlaceView& p, const extract::Qualifier& q) {
    const double r = geo::extent_radius_km(is_country(p), p.feature_code == "ADM1",
                                           p.feature_code == "ADM2" || p.feature_code == "ADMD", p.population);
    return geo::compass_area({p.latitude, p.longitude}, r, part_of(q));
}

std::string area_id(const gazetteer::PlaceView& p, const extract::Qualifier& q) {
    return fmt::format("{}#{}", p.place_id, q.to_string().empty() ? "whole" : q.to_string());
}

// The areas of qualified places: the compass part of the place's footprint when the gazetteer
// has one, else of the disk of its extent.
class Areas {
public:
    Areas(const gazetteer::Gazetteer& gazetteer, const std::vector<std::string>& place_ids) {
        for (auto& [id, wkt] : gazetteer.footprints(place_ids)) {
            if (auto shape = geo::read_multipolygon_wkt(wkt)) footprints_.emplace(id, std::move(*shape));
        }
    }
    struct Shape {
        std::string wkt;
        geo::LatLon representative;
    };
    /// Cut once a place and qualifier: many events share an area.
    const Shape& of(const gazetteer::PlaceView& p, const extract::Qualifier& q) {
        auto [it, inserted] = shapes_.try_emplace(area_id(p, q));
        if (inserted) it->second = cut(p, q);
        return it->second;
    }

private:
    Shape cut(const gazetteer::PlaceView& p, const extract::Qualifier& q) const {
        if (const auto it = footprints_.find(std::string(p.place_id)); it != footprints_.end()) {
            if (const auto part = geo::footprint_part(it->second, part_of(q))) return {geo::to_wkt(part->shape), part->representative};
        }
        const auto a = area_of(p, q);
        return {wkt(a), a.representative};
    }

    std::map<std::string, geo::MultiPolygon> footprints_;
    std::unordered_map<std::string, Shape> shapes_;  // by area_id
};


std::string label(const gazetteer::PlaceView& p, const extract::Qualifier& q) {
    const auto words = q.to_string();
    return words.empty() ? std::string(p.name) : fmt::format("{} ({})", p.name, words);
}


FieldValue text_or_null(std::string_view s) { return s.empty() ? FieldValue{} : FieldValue{std::string(s)}; }
FieldValue int_or_null(const std::optional<std::int64_t>& v) { return v ? FieldValue{*v} : FieldValue{}; }

std::string read_style(const std::filesystem::path& dir, const char* name) {
    if (dir.empty()) return {};
    std::ifstream in(dir / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename F>
std::string join(const std::vector<extract::EventSource>& sources, F&& field) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& s : sources) {
        const std::string v = field(s);
        if (v.empty() || !seen.insert(v).second) continue;
        if (!out.empty()) out += ';';
        out += v;
    }
    return out;
}

}  // namespace

std::filesystem::path default_styles_dir() {
    if (const char* env = std::getenv("GEOEVENTS_STYLES_DIR"); env && *env) return env;
    if (std::filesystem::is_directory(GEOEVENTS_SOURCE_STYLES_DIR)) return GEOEVENTS_SOURCE_STYLES_DIR;
    return GEOEVENTS_INSTALL_STYLES_DIR;
}

void MentionTally::add(const MentionRecord& record) {
    const auto& m = record.mention;
    if (!m.place || m.kind != extract::MentionKind::literal) return;
    std::string key(m.place->place_id);
    key += '\x1f';
    key += m.text;
    key += '\x1f';
    key += m.qualifier.to_string();
    auto [it, inserted] = tally_.try_emplace(std::move(key));
    if (inserted) {
        auto& kept = it->second.mention;
        kept.text = m.text;
        kept.kind = m.kind;
        kept.qualifier = m.qualifier;
        kept.place = m.place;
        kept.match = m.match;
        it->second.count = 0;
    }
    it->second.count += record.count;
}

void MentionTally::add(const std::vector<MentionRecord>& records) {
    for (const auto& r : records) add(r);
}

std::vector<MentionRecord> MentionTally::records() const {
    std::vector<MentionRecord> out;
    out.reserve(tally_.size());
    for (const auto& [key, r] : tally_) out.push_back(r);
    return out;
}

std::vector<LayerData> event_layers(const std::vector<extract::Event>& events, const std::vector<MentionRecord>& mentions,
                                    const gazetteer::Gazetteer& gazetteer, const std::filesystem::path& styles_dir,
                                    const EventRegions* regions) {
    using FT = FieldType;
    LayerSpec ev{"events", GeometryKind::point,
                 {{"event_id", FT::string, "#event+id"},           {"event_date", FT::date, "#date+occurred"},
                  {"date_start", FT::date, "#date+start"},          {"date_end", FT::date, "#date+end"},
                  {"time_precision", FT::integer, "#date+precision"}, {"event_type", FT::string, "#event+type"},
                  {"sub_event_type", FT::string, "#event+type+sub"}, {"actor1", FT::string, "#org+name+actor1"},
                  {"actor2", FT::string, "#org+name+actor2"},       {"country", FT::string, "#country+name"},
                  {"iso3", FT::string, "#country+code"},            {"admin1", FT::string, "#adm1+name"},
                  {"admin2", FT::string, "#adm2+name"},             {"region", FT::string, "#region+name"},
                  {"region_code", FT::string, "#region+code"},      {"location", FT::string, "#loc+name"},
                  {"location_mention", FT::string, "#loc+name+mention"}, {"place_id", FT::string, "#loc+code"},
                  {"latitude", FT::real, "#geo+lat+event"},         {"longitude", FT::real, "#geo+lon+event"},
                  {"geo_precision", FT::integer, "#geo+precision"},  {"where_prec", FT::integer, "#geo+precision+ucdp"},
                  {"fatalities", FT::integer, "#affected+killed"},   {"injured", FT::integer, "#affected+injured"},
                  {"multi_day_toll", FT::integer, "#affected+killed+multiday"}, {"qualifier", FT::string, "#loc+type+qualifier"},
                  {"sources", FT::string, "#meta+source"},          {"source_urls", FT::string, "#meta+url"},
                  {"notes", FT::string, "#description+notes"},      {"evidence_text", FT::string, "#description+evidence"},
                  {"confidence", FT::real, "#meta+confidence"}},
                 "event_id", read_style(styles_dir, "events.qml")};
    LayerSpec pl{"places", GeometryKind::point,
                 {{"place_id", FT::string, "#loc+code"},          {"name", FT::string, "#loc+name"},
                  {"feature_code", FT::string, "#loc+type"},      {"country_code", FT::string, "#country+code"},
                  {"admin1", FT::string, "#adm1+name"},           {"admin2", FT::string, "#adm2+name"},
                  {"population", FT::integer64, "#population"},   {"mention_count", FT::integer, "#meta+mentions"},
                  {"mentions", FT::string, "#loc+name+mention"},   {"event_count", FT::integer, "#event+num"},
                  {"fatalities_sum", FT::integer, "#affected+killed"}, {"first_event_date", FT::date, "#date+start"},
                  {"last_event_date", FT::date, "#date+end"}},
                 "place_id", read_style(styles_dir, "places.qml")};
    LayerSpec ar{"areas", GeometryKind::polygon,
                 {{"area_id", FT::string, "#loc+code+area"}, {"place_id", FT::string, "#loc+code"},
                  {"qualifier", FT::string, "#loc+type+qualifier"}, {"label", FT::string, "#loc+name"},
                  {"event_count", FT::integer, "#event+num"}},
                 "area_id", read_style(styles_dir, "areas.qml")};

    struct PlaceAgg {
        gazetteer::PlaceView place;
        std::int64_t mentions = 0;
        std::set<std::string> forms;
        std::int64_t events = 0, fatalities = 0;
        std::string first, last;
    };
    struct AreaAgg {
        gazetteer::PlaceView place;
        extract::Qualifier qualifier;
        std::int64_t events = 0;
    };
    std::map<std::string, PlaceAgg> places;  // by place_id: stable output order
    std::map<std::string, AreaAgg> areas;
    for (const auto& r : mentions) {
        const auto& m = r.mention;
        if (!m.place || m.kind != extract::MentionKind::literal) continue;
        auto& agg = places[std::string(m.place->place_id)];
        agg.place = *m.place;
        agg.mentions += r.count;
        agg.forms.insert(m.text);
        if (!m.qualifier.empty()) areas.try_emplace(area_id(*m.place, m.qualifier), AreaAgg{*m.place, m.qualifier, 0});
    }

    std::vector<std::string> qualified;
    for (const auto& [id, agg] : areas) qualified.emplace_back(agg.place.place_id);
    for (const auto& e : events) {
        if (!e.qualifier.empty()) qualified.emplace_back(e.place.place_id);
    }
    std::sort(qualified.begin(), qualified.end());
    qualified.erase(std::unique(qualified.begin(), qualified.end()), qualified.end());
    Areas shapes(gazetteer, qualified);

    std::vector<Feature> ev_features;
    for (const auto& e : events) {
        const auto& p = e.place;
        double lat = p.latitude, lon = p.longitude;
        if (e.qualifier.compass != extract::Compass::none) {
            const auto& a = shapes.of(p, e.qualifier);
            lat = a.representative.lat;
            lon = a.representative.lon;
        }
        const auto* country = gazetteer.country(p.country_code);
        const auto start = e.date ? e.date->start.to_iso() : std::string();
        const auto end = e.date ? e.date->end.to_iso() : std::string();
        FieldValue region, region_code;
        if (regions) {
            if (const auto r = regions->index.locate({lat, lon})) {
                const auto& reg = regions->layer.regions[*r];
                region = text_or_null(reg.name);
                region_code = text_or_null(reg.code);
            }
        } else if (!e.region.empty() || !e.region_code.empty()) {
            region = text_or_null(e.region);  // assigned by an earlier run (read back for --append)
            region_code = text_or_null(e.region_code);
        } else if (!p.admin1_code.empty() && !p.admin1_name.empty()) {
            region = std::string(p.admin1_name);
            region_code = std::string(p.admin1_code);  // GeoNames' "SY.09"
        }
        Feature f;
        f.lat = lat;
        f.lon = lon;
        f.values = {e.event_id, text_or_null(start), text_or_null(start), text_or_null(end),
                    e.date ? FieldValue{static_cast<std::int64_t>(e.date->precision)} : FieldValue{},
                    e.event_type, e.sub_event_type, text_or_null(e.actor1), text_or_null(e.actor2),
                    country ? FieldValue{country->name} : text_or_null(p.country_code),
                    country ? text_or_null(country->iso3) : FieldValue{}, text_or_null(p.admin1_name),
                    text_or_null(p.admin2_name), std::move(region), std::move(region_code), std::string(p.name), e.location_mention, std::string(p.place_id), lat, lon,
                    std::int64_t{e.geo_precision}, std::int64_t{e.where_prec}, int_or_null(e.fatalities), int_or_null(e.injured),
                    e.fatalities ? FieldValue{std::int64_t{e.fatalities_total_over_days ? 1 : 0}} : FieldValue{},
                    text_or_null(e.qualifier.to_string()),
                    join(e.sources, [](const extract::EventSource& s) { return s.doc_id; }),
                    text_or_null(join(e.sources, [](const extract::EventSource& s) { return s.url; })), text_or_null(e.notes),
                    e.sources.empty() ? FieldValue{} : FieldValue{e.sources.front().evidence_text}, e.confidence};
        ev_features.push_back(std::move(f));
        auto& agg = places[std::string(p.place_id)];
        agg.place = p;
        ++agg.events;
        agg.fatalities += e.fatalities.value_or(0);
        if (!start.empty() && (agg.first.empty() || start < agg.first)) agg.first = start;
        if (!end.empty() && end > agg.last) agg.last = end;
        if (!e.qualifier.empty()) {
            auto [it, inserted] = areas.try_emplace(area_id(p, e.qualifier), AreaAgg{p, e.qualifier, 0});
            ++it->second.events;
        }
    }

    std::vector<Feature> pl_features;
    for (const auto& [id, agg] : places) {
        std::string forms;
        for (const auto& f : agg.forms) forms += (forms.empty() ? "" : ";") + f;
        Feature f;
        f.lat = agg.place.latitude;
        f.lon = agg.place.longitude;
        f.values = {id, std::string(agg.place.name), text_or_null(agg.place.feature_code), text_or_null(agg.place.country_code),
                    text_or_null(agg.place.admin1_name), text_or_null(agg.place.admin2_name), agg.place.population,
                    agg.mentions, text_or_null(forms), agg.events, agg.fatalities, text_or_null(agg.first),
                    text_or_null(agg.last)};
        pl_features.push_back(std::move(f));
    }
    std::vector<Feature> ar_features;
    for (const auto& [id, agg] : areas) {
        Feature f;
        f.polygon_wkt = shapes.of(agg.place, agg.qualifier).wkt;
        f.values = {id, std::string(agg.place.place_id), agg.qualifier.to_string(), label(agg.place, agg.qualifier), agg.events};
        ar_features.push_back(std::move(f));
    }
    return {{ev, std::move(ev_features)}, {pl, std::move(pl_features)}, {ar, std::move(ar_features)}};
}

}  // namespace output

#include "output/report_layer.hpp"

#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace output {

std::string type_field_slug(std::string_view event_type) {
    std::string out;
    for (char c : event_type) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "other" : out;
}

LayerData report_regions_layer(const ReportData& data) {
    using FT = FieldType;
    LayerSpec spec{"regions", GeometryKind::polygon,
                   {{"region", FT::string, "#adm1+name"},
                    {"region_code", FT::string, "#adm1+code"},
                    {"events", FT::integer64, "#event+num"},
                    {"fatalities", FT::integer64, "#affected+killed"},
                    {"undated", FT::integer64, "#event+num+undated"},
                    {"first_date", FT::date, "#date+start"},
                    {"last_date", FT::date, "#date+end"}},
                   "",
                   ""};
    std::set<std::string> names;
    for (const auto& f : spec.fields) names.insert(f.name);
    const auto unique = [&](const std::string& base) {
        std::string name = base;
        for (int n = 2; !names.insert(name).second; ++n) name = fmt::format("{}_{}", base, n);
        return name;
    };
    for (const auto& type : data.event_types) {
        const auto slug = type_field_slug(type);
        spec.fields.push_back({unique("events_" + slug), FT::integer64, ""});
        spec.fields.push_back({unique("fatalities_" + slug), FT::integer64, ""});
    }
    std::set<std::string> codes;
    bool codes_unique = true;
    std::vector<Feature> features;
    for (const auto& r : data.regions) {
        if (r.geometry.empty()) continue;
        codes_unique = codes_unique && !r.code.empty() && codes.insert(r.code).second;
        const auto& t = r.totals;
        Feature f;
        f.polygon_wkt = r.wkt;
        f.values = {r.name,
                    r.code.empty() ? FieldValue{} : FieldValue{r.code},
                    t.events,
                    t.fatalities,
                    static_cast<std::int64_t>(r.undated.size()),
                    t.first ? FieldValue{t.first->to_iso()} : FieldValue{},
                    t.last ? FieldValue{t.last->to_iso()} : FieldValue{}};
        std::unordered_map<std::string_view, const TypeCount*> by_type;
        for (const auto& c : t.by_type) by_type.emplace(c.event_type, &c);
        for (const auto& type : data.event_types) {
            const auto it = by_type.find(type);
            f.values.emplace_back(it == by_type.end() ? std::int64_t{0} : it->second->events);
            f.values.emplace_back(it == by_type.end() ? std::int64_t{0} : it->second->fatalities);
        }
        features.push_back(std::move(f));
    }
    if (codes_unique && !features.empty()) spec.id_field = "region_code";
    return {std::move(spec), std::move(features)};
}

}  // namespace output

#include "extract/event_place.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "geo/compass_area.hpp"
#include "geo/distance.hpp"

namespace extract {
namespace {

bool is_division(const gazetteer::PlaceView& p) { return p.feature_class == "A"; }

std::string_view compass_adjective(Compass c) {
    switch (c) {
    case Compass::north: return "northern";
    case Compass::northeast: return "northeastern";
    case Compass::east: return "eastern";
    case Compass::southeast: return "southeastern";
    case Compass::south: return "southern";
    case Compass::southwest: return "southwestern";
    case Compass::west: return "western";
    case Compass::northwest: return "northwestern";
    case Compass::central: return "central";
    case Compass::none: break;
    }
    return {};
}

}  // namespace

bool is_country(const gazetteer::PlaceView& p) { return p.feature_code.substr(0, 3) == "PCL" || p.feature_code == "TERR"; }
bool is_large_region(const gazetteer::PlaceView& p) { return p.feature_code == "RGN" || p.feature_code == "CONT"; }
bool is_sea(const gazetteer::PlaceView& p) {
    return p.feature_class == "H" &&
           (p.feature_code == "OCN" || p.feature_code == "SEA" || p.feature_code == "GULF" || p.feature_code == "BAY");
}
int geo_precision(const gazetteer::PlaceView& p, const Qualifier& q) {
    if (is_country(p) || p.feature_code == "ADM1" || is_large_region(p) || is_sea(p)) return 3;
    if (is_division(p)) return 2;
    return q.surroundings != Surroundings::none ? 2 : 1;
}

int where_prec(const gazetteer::PlaceView& p, const Qualifier& q) {
    if (is_sea(p)) return 7;
    if (is_country(p)) return q.compass != Compass::none ? 5 : 6;
    if (is_large_region(p)) return 5;
    if (p.feature_code == "ADM1") return 4;
    if (is_division(p)) return 3;
    return q.surroundings != Surroundings::none || q.compass != Compass::none ? 2 : 1;
}

std::string location_mention(const Mention& m) {
    const auto& q = m.qualifier;
    std::string name = m.text;
    switch (q.level) {
    case AdminLevel::admin1: name += " province"; break;
    case AdminLevel::admin2: name += " district"; break;
    case AdminLevel::city: name += " city"; break;
    case AdminLevel::none: break;
    }
    const auto compass = compass_adjective(q.compass);
    const auto with_compass = [&](std::string_view noun) {
        return compass.empty() ? std::string(noun) : fmt::format("{} {}", compass, noun);
    };
    switch (q.surroundings) {
    case Surroundings::outskirts: return fmt::format("{} of {}", with_compass("outskirts"), name);
    case Surroundings::countryside: return fmt::format("{} of {}", with_compass("countryside"), name);
    case Surroundings::suburb: return fmt::format("{} of {}", with_compass("suburbs"), name);
    case Surroundings::near: return fmt::format("near {}", with_compass(name));
    case Surroundings::none: break;
    }
    return with_compass(name);
}

bool is_place_filler(std::string_view w) {
    static constexpr std::array<std::string_view, 40> kFillers = {
        "the", "a", "an", "of", "north", "northern", "northeast", "northeastern", "east", "eastern", "southeast",
        "southeastern", "south", "southern", "southwest", "southwestern", "west", "western", "northwest", "northwestern",
        "central", "part", "parts", "side", "half", "area", "areas", "district", "districts", "neighbourhood",
        "neighbourhoods", "neighborhood", "neighborhoods", "outskirts", "countryside", "suburb", "suburbs", "edge",
        "edges", "city"};
    return std::find(kFillers.begin(), kFillers.end(), w) != kFillers.end();
}

bool contains(const gazetteer::PlaceView& outer, const gazetteer::PlaceView& inner) {
    if (outer.index == inner.index || outer.place_id == inner.place_id) return false;
    if (is_large_region(inner) || is_sea(inner) || is_sea(outer)) return false;
    if (is_country(outer)) return !is_country(inner) && inner.country_code == outer.country_code;
    if (is_country(inner) || is_large_region(outer)) return false;
    if (inner.country_code != outer.country_code) return false;
    if (outer.feature_code == "ADM1") {
        return inner.feature_code != "ADM1" && !inner.admin1_code.empty() && inner.admin1_code == outer.admin1_code;
    }
    if (inner.feature_code == "ADM1") return false;
    if (outer.feature_code == "ADM2") {
        return inner.feature_code != "ADM2" && !inner.admin2_name.empty() && inner.admin2_name == outer.admin2_name &&
               inner.admin1_code == outer.admin1_code;
    }
    if (is_division(inner) || is_division(outer)) return false;
    if (outer.feature_class != "P" || inner.population >= outer.population) return false;
    const double radius = geo::extent_radius_km(false, false, false, outer.population);
    return geo::distance_km({outer.latitude, outer.longitude}, {inner.latitude, inner.longitude}) <= radius;
}

}  // namespace extract

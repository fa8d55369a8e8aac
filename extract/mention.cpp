#include "extract/mention.hpp"

namespace extract {

std::string_view to_string(MentionKind kind) noexcept {
    switch (kind) {
        case MentionKind::literal: return "literal";
        case MentionKind::metonymic: return "metonymic";
        case MentionKind::demonym: return "demonym";
        case MentionKind::historical: return "historical";
    }
    return "literal";
}

std::string_view to_string(Compass c) noexcept {
    switch (c) {
        case Compass::none: return "";
        case Compass::north: return "north";
        case Compass::northeast: return "northeast";
        case Compass::east: return "east";
        case Compass::southeast: return "southeast";
        case Compass::south: return "south";
        case Compass::southwest: return "southwest";
        case Compass::west: return "west";
        case Compass::northwest: return "northwest";
        case Compass::central: return "central";
    }
    return "";
}

std::string_view to_string(Surroundings s) noexcept {
    switch (s) {
        case Surroundings::none: return "";
        case Surroundings::outskirts: return "outskirts";
        case Surroundings::countryside: return "countryside";
        case Surroundings::suburb: return "suburb";
        case Surroundings::near: return "near";
    }
    return "";
}

std::string Qualifier::to_string() const {
    std::string out;
    auto add = [&out](std::string_view w) {
        if (w.empty()) return;
        if (!out.empty()) out.push_back(' ');
        out.append(w);
    };
    add(extract::to_string(surroundings));
    add(extract::to_string(compass));
    switch (level) {
        case AdminLevel::admin1: add("province"); break;
        case AdminLevel::admin2: add("district"); break;
        case AdminLevel::city: add("city"); break;
        case AdminLevel::none: break;
    }
    return out;
}

}  // namespace extract

#pragma once
// A place mention: a span of an article's text, what kind of reference it is, its qualifiers,
// and the gazetteer place it was resolved to (if any).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {

enum class MentionKind : std::uint8_t {
    literal,     ///< a place where something is or happens
    metonymic,   ///< a capital or country standing for its government ("Moscow rejected ...")
    demonym,     ///< "Russian air power", "the Syrian army"
    historical,  ///< a name used as a comparison ("the equivalent of Stalingrad")
};
std::string_view to_string(MentionKind kind) noexcept;

enum class Compass : std::uint8_t { none, north, northeast, east, southeast, south, southwest, west, northwest, central };
std::string_view to_string(Compass c) noexcept;

/// The administrative level a mention asks for ("Aleppo province" -> admin1).
enum class AdminLevel : std::uint8_t { none, admin1, admin2, city };

/// Where around the place ("outskirts of", "countryside west of", "a suburb of").
enum class Surroundings : std::uint8_t { none, outskirts, countryside, suburb, near };
std::string_view to_string(Surroundings s) noexcept;

struct Qualifier {
    Compass compass = Compass::none;
    AdminLevel level = AdminLevel::none;
    Surroundings surroundings = Surroundings::none;
    bool empty() const noexcept {
        return compass == Compass::none && level == AdminLevel::none && surroundings == Surroundings::none;
    }
    /// Space-separated words: "east", "province", "east province", "outskirts", "countryside west".
    std::string to_string() const;
};

struct Mention {
    std::size_t start = 0;  ///< byte offsets into Document::text (the name itself, without qualifiers)
    std::size_t end = 0;
    std::string text;       ///< the surface form
    MentionKind kind = MentionKind::literal;
    Qualifier qualifier;
    /// The resolved place, or nullopt when no candidate was good enough.
    std::optional<gazetteer::PlaceView> place;
    gazetteer::MatchKind match = gazetteer::MatchKind::name;
    double confidence = 0.0;  ///< in [0, 1]; 0 when unresolved
    std::size_t candidates = 0;  ///< how many gazetteer places the name could mean
};

}  // namespace extract

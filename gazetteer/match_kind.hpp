#pragma once
// How a looked-up name matched a place.
#include <cstdint>
#include <optional>
#include <string_view>

namespace gazetteer {

enum class MatchKind : std::uint8_t {
    name = 0,          ///< the place's primary name
    ascii = 1,         ///< its ASCII name
    alternate = 2,     ///< one of its alternate names (any language)
    abbreviation = 3,  ///< an abbreviation ("Va.", "Calif.")
    short_form = 4,    ///< a common short form ("U.S.", "UK", "Britain")
    demonym = 5,       ///< an adjective or people's name ("Syrian" -> Syria)
    code = 6,          ///< a code (P-code, ISO code) — not matched in running text
};
inline constexpr int kMatchKinds = 7;

std::string_view to_string(MatchKind kind) noexcept;
std::optional<MatchKind> match_kind_from_string(std::string_view text) noexcept;

}  // namespace gazetteer

#include "gazetteer/match_kind.hpp"

#include <array>

namespace gazetteer {
namespace {
constexpr std::array<std::string_view, kMatchKinds> kNames = {
    "name", "ascii", "alternate", "abbreviation", "short_form", "demonym", "code"};
}

std::string_view to_string(MatchKind kind) noexcept { return kNames[static_cast<int>(kind)]; }

std::optional<MatchKind> match_kind_from_string(std::string_view text) noexcept {
    for (int i = 0; i < kMatchKinds; ++i) {
        if (kNames[i] == text) return static_cast<MatchKind>(i);
    }
    return std::nullopt;
}

}  // namespace gazetteer

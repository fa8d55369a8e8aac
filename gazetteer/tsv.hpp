#pragma once
// Splitting tab-separated lines without copying.
#include <cstddef>
#include <string_view>
#include <vector>

namespace gazetteer {

/// Splits `line` at tabs into `fields` (cleared first). Returns the number of fields.
inline std::size_t split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    for (;;) {
        const auto tab = line.find('\t');
        fields.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return fields.size();
}

/// True for lines a table skips: empty, or a comment starting with '#'.
inline bool is_comment_or_blank(std::string_view line) {
    return line.empty() || line.front() == '#';
}

}  // namespace gazetteer

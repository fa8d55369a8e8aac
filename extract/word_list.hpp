#pragma once
// Reading the project's word lists (extract/data/*.txt): UTF-8, one entry a line, columns
// separated by tabs, '#' comments and blank lines skipped, the first column folded
// (gazetteer::fold_name) so that lookups meet whatever the spelling.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/line_reader.hpp"

namespace extract {

/// Calls row(fields, line_number) for every data line of the tab-separated table at `path`
/// ('#' comments and blank lines skipped), fields as written. Throws gazetteer::InputError
/// naming the file and line for a missing file, bad bytes or a wrong number of columns.
template <typename F>
void read_table(const std::filesystem::path& path, std::size_t columns, F&& row) {
    gazetteer::LineReader reader(path.string());
    std::string_view line;
    std::vector<std::string> fields;
    while (reader.next(line)) {
        if (!reader.problem().empty()) throw gazetteer::InputError(path.string(), reader.line_number(), std::string(reader.problem()));
        if (line.empty() || line.front() == '#') continue;
        fields.clear();
        std::size_t pos = 0;
        for (;;) {
            const auto tab = line.find('\t', pos);
            fields.emplace_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
            if (tab == std::string_view::npos) break;
            pos = tab + 1;
        }
        if (fields.size() != columns) {
            throw gazetteer::InputError(path.string(), reader.line_number(),
                                        fmt::format("expected {} tab-separated column(s), found {}", columns, fields.size()));
        }
        row(fields, reader.line_number());
    }
}

/// read_table() with the first column folded (gazetteer::fold_name); also throws for an entry
/// that folds to nothing.
template <typename F>
void read_word_list(const std::filesystem::path& path, std::size_t columns, F&& row) {
    read_table(path, columns, [&](std::vector<std::string>& fields, std::uint64_t line) {
        fields[0] = gazetteer::fold_name(fields[0]);
        if (fields[0].empty()) throw gazetteer::InputError(path.string(), line, "empty entry");
        row(fields, line);
    });
}

}  // namespace extract

#include "extract/published_table.hpp"

#include <string_view>


#include <fmt/format.h>

#include "extract/dates.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/line_reader.hpp"

namespace extract {

PublishedTable read_published_table(const std::filesystem::path& path) {
    PublishedTable table;
    gazetteer::LineReader reader(path.string());
    std::string_view line;
    bool first = true;
    while (reader.next(line)) {
        const auto fail = [&](const std::string& message) {
            throw gazetteer::InputError(path.string(), reader.line_number(), message);
        };
        if (!reader.problem().empty()) fail(std::string(reader.problem()));
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
            fail("expected a file name and a date separated by one tab");
        }
        const std::string name(line.substr(0, tab));
        const std::string date(line.substr(tab + 1));
        const bool header = first && date.find_first_of("0123456789") == std::string::npos && !date.empty();
        first = false;
        if (header) continue;
        if (name.empty()) fail("empty file name");
        if (name.find('/') != std::string::npos) fail(fmt::format("'{}': give the file name without its folder", name));
        if (!date.empty() && !is_iso_date(date)) fail(fmt::format("'{}' is not a date (YYYY-MM-DD)", date));
        if (!table.emplace(name, date).second) fail(fmt::format("'{}' is listed twice", name));
    }
    return table;
}

}  // namespace extract

#include "extract/published_table.hpp"

#include <fmt/format.h>

#include "extract/dates.hpp"
#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"

namespace extract {

PublishedTable read_published_table(const std::filesystem::path& path) {
    PublishedTable table;
    bool first = true;
    read_table(path, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        const auto fail = [&](const std::string& message) { throw gazetteer::InputError(path.string(), line, message); };
        const std::string& name = f[0];
        const std::string& date = f[1];
        const bool header = first && !date.empty() && date.find_first_of("0123456789") == std::string::npos;
        first = false;
        if (header) return;
        if (name.empty()) fail("empty file name");
        if (name.find('/') != std::string::npos) fail(fmt::format("'{}': give the file name without its folder", name));
        if (!date.empty() && !is_iso_date(date)) fail(fmt::format("'{}' is not a date (YYYY-MM-DD)", date));
        if (!table.emplace(name, date).second) fail(fmt::format("'{}' is listed twice", name));
    });
    return table;
}

}  // namespace extract

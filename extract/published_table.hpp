#pragma once
// Publication dates of plain-text articles, from a table beside them: `map --published-from
// FILE` and `places --published-from FILE`. The format is the one a newsroom keeps in a
// spreadsheet: tab-separated, a file name and its date a line,
//
//     file<TAB>published          (an optional header line: a second field without digits)
//     0142_siege.txt<TAB>2016-11-20
//     0143_talks.txt<TAB>         (an empty date: unknown, no date is invented)
//
// File names are matched without their folder. '#' comments and blank lines are skipped.
#include <filesystem>
#include <string>
#include <unordered_map>

namespace extract {

/// File name -> "YYYY-MM-DD" or "" (unknown).
using PublishedTable = std::unordered_map<std::string, std::string>;

/// Reads the table. Throws gazetteer::InputError naming the file and line for a missing file,
/// bad bytes, a line without exactly two tab-separated fields, an empty or folder-qualified file
/// name, a date that is not a real YYYY-MM-DD day, or a file listed twice.
PublishedTable read_published_table(const std::filesystem::path& path);

}  // namespace extract

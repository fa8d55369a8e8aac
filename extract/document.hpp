#pragma once
// An article as the pipeline sees it.
#include <cstddef>
#include <string>

namespace extract {

struct Document {
    std::string id;         ///< from JSON "id", else the file name (plus ":LINE" for JSON Lines)
    std::string title;      ///< JSON "title", else empty (a plain file's first line stays in text)
    std::string text;       ///< valid UTF-8 (bad bytes replaced by U+FFFD)
    std::string published;  ///< "YYYY-MM-DD" or empty when unknown
    std::string url;
    std::string source;
    std::size_t replaced_bytes = 0;  ///< invalid UTF-8 bytes replaced while reading
};

}  // namespace extract

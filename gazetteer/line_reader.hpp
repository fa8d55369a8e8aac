#pragma once
// Streams a text file line by line in constant memory (one read buffer plus the longest line).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace gazetteer {

class LineReader {
public:
    /// Opens the file; throws InputError naming it when it is missing or unreadable.
    explicit LineReader(std::string path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Reads the next line into `line` without its "\n" or "\r\n". Returns false at the end.
    /// A line holding a NUL byte or invalid UTF-8 is still returned, with problem() saying so,
    /// so that the caller decides whether to stop or skip it. Throws InputError on read errors.
    bool next(std::string_view& line);

    /// Empty when the last line read is clean text; otherwise what is wrong with it.
    std::string_view problem() const noexcept { return problem_; }

    std::uint64_t line_number() const noexcept { return line_number_; }
    std::uint64_t bytes_read() const noexcept { return bytes_read_; }
    const std::string& path() const noexcept { return path_; }

private:
    bool fill();

    std::string path_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool eof_ = false;
    std::string_view problem_;
    std::uint64_t line_number_ = 0;
    std::uint64_t bytes_read_ = 0;
};

}  // namespace gazetteer

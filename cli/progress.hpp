#pragma once
// A progress line on stderr for long runs (`map`): articles, MB read, MB/s, events and, when the
// input's size is known, a bar and the time left. Drawn only when stderr is a terminal (and not
// with -q); silent otherwise, so logs and pipes get nothing of it.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace cli {

/// The bytes the inputs hold: files' sizes, the files below folders that the reader takes
/// (extract::is_article_file), stdin's when it is a regular file; 0 when unknown (stdin from a pipe).
std::uint64_t input_size(const std::vector<std::string>& inputs);

class Progress {
public:
    /// `total_bytes` 0: unknown (no bar, no time left).
    Progress(bool enabled, std::uint64_t total_bytes);
    ~Progress();  ///< clears the line
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Draws the line at the first call, then at most ten times a second.
    void update(std::size_t articles, std::uint64_t bytes, std::size_t events);

    /// The line, as update() draws it, for `elapsed` seconds (tests).
    static std::string line(std::size_t articles, std::uint64_t bytes, std::size_t events, std::uint64_t total_bytes,
                            double elapsed);

private:
    bool enabled_;
    std::uint64_t total_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
    bool drawn_ = false;
};

}  // namespace cli

#include "cli/progress.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "extract/input_reader.hpp"

namespace cli {
namespace {

namespace fs = std::filesystem;

std::string duration(double seconds) {
    const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::uint64_t input_size(const std::vector<std::string>& inputs) {
    std::uint64_t total = 0;
    for (const auto& input : inputs) {
        if (input == "-") {
            struct stat st {};
            if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
            total += static_cast<std::uint64_t>(st.st_size);
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            // the files the reader takes (extract/input_reader.hpp): hidden folders are not entered
            for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
                const bool hidden = it->path().filename().string().starts_with('.');
                if (it->is_directory(ec)) {
                    if (hidden) it.disable_recursion_pending();
                } else if (it->is_regular_file(ec) && extract::is_article_file(it->path())) {
                    total += it->file_size(ec);
                }
            }
        } else if (const auto size = fs::file_size(input, ec); !ec) {
            total += size;
        }
    }
    return total;
}

Progress::Progress(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled && ::isatty(STDERR_FILENO) == 1), total_(total_bytes), start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::seconds(1)) {}  // the first update draws

Progress::~Progress() {
    if (drawn_) std::fputs("\r\x1b[K", stderr);
}

void Progress::update(std::size_t articles, std::uint64_t bytes, std::size_t events) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    std::fputs(("\r" + line(articles, bytes, events, total_, elapsed) + "\x1b[K").c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
}

std::string Progress::line(std::size_t articles, std::uint64_t bytes, std::size_t events, std::uint64_t total_bytes,
                           double elapsed) {
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = elapsed > 0 ? mb / elapsed : 0;
    std::string out = fmt::format("{} articles  {:.1f} MB  {:.1f} MB/s  {} events", articles, mb, rate, events);
    if (total_bytes > 0) {
        const double fraction = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_bytes));
        constexpr int kWidth = 24;
        const int filled = static_cast<int>(fraction * kWidth);
        out += fmt::format("  [{}{}] {:3.0f}%", std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(kWidth - filled), '.'), fraction * 100);
        if (rate > 0 && fraction < 1) {
            out += "  ETA " + duration((static_cast<double>(total_bytes - std::min(bytes, total_bytes)) / 1e6) / rate);
        }
    }
    return out;
}

}  // namespace cli

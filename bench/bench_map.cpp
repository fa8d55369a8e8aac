// bench_map [--mb N | --sizes "MB..."] [--threads "1 2"] [--repeat N] [--write-corpus FILE]
//           [--program PATH] [EXAMPLES_DIR]:
// times the whole `geoevents map` command (read JSON Lines, geoparse, extract and merge events,
// build and write the GeoJSON layers and mentions.jsonl) on corpora of about N and 2N MB (or of
// the sizes listed) built from the project's own example articles, with the default gazetteer
// (or $GEOEVENTS_GAZETTEER). Each run executes the built `geoevents` program itself (fork and
// exec; --program PATH for another build), so that what is timed is the program users run, code
// layout included, and each run's peak resident memory is its own. Prints MB/s and articles/s
// per corpus and thread count, and each run's peak memory. --repeat N runs
// each thread count N times, taking turns, then prints the median MB/s of each and the speed-up
// over the first thread count (of the medians, and run by run). With --write-corpus it only
// writes the corpus of the first size to FILE (for profiling) and exits.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bench/example_corpus.hpp"

namespace {

namespace fs = std::filesystem;

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<int>(c));
            else out += c;
        }
    }
    return out + "\"";
}

// Writes about `bytes` of article text as JSON Lines: each article an example with its
// paragraphs after the first shuffled and one of 3,360 publication dates, so that the corpus
// is not one text repeated verbatim and relative dates give new events. Returns the number of articles.
std::size_t write_corpus(const std::vector<std::string>& examples, std::size_t bytes, const fs::path& out, std::size_t& text_bytes) {
    std::mt19937 rng(42);
    std::ofstream file(out, std::ios::binary);
    std::size_t n = 0;
    text_bytes = 0;
    while (text_bytes < bytes) {
        const std::string text = bench::shuffled_article(examples[n % examples.size()], rng);
        // 3,360 publication days (2010-2019, days 1-28): the same example reports a new event on another day
        const int day = 1 + static_cast<int>(n % 28);
        const int month = 1 + static_cast<int>(n / 28 % 12);
        const int year = 2010 + static_cast<int>(n / 336 % 10);
        file << fmt::format("{{\"id\":\"a{}\",\"published\":\"{}-{:02d}-{:02d}\",\"text\":{}}}\n", n, year, month, day,
                            json_string(text));
        text_bytes += text.size();
        ++n;
    }
    if (!file) throw std::runtime_error("cannot write " + out.string());
    return n;
}

/// Runs `program` with `args` (args[0] is the program's name) in a child process; returns its
/// peak resident memory in MiB.
long run_map(const std::string& program, std::vector<std::string> args) {
    std::cout.flush();
    std::vector<char*> argv_map;
    for (auto& s : args) argv_map.push_back(s.data());
    argv_map.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::execv(program.c_str(), argv_map.data());
        ::_exit(127);  // could not run it
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) throw std::runtime_error(fmt::format("could not run {}", program));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("map failed");
    return usage.ru_maxrss / 1024;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) try {
    double mb = 20;
    std::vector<double> sizes;
    std::vector<int> threads = {1, 2};
    int repeat = 1;
    fs::path examples_dir = GEOEVENTS_EXAMPLES_DIR;
    fs::path corpus_out;
    std::string program = GEOEVENTS_PROGRAM;  // the geoevents built beside this benchmark
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc) mb = std::stod(argv[++i]);
        else if (a == "--sizes" && i + 1 < argc) {
            std::istringstream in(argv[++i]);
            for (double m; in >> m;) sizes.push_back(m);
        } else if (a == "--threads" && i + 1 < argc) {
            threads.clear();
            std::istringstream in(argv[++i]);
            for (int t; in >> t;) threads.push_back(t);
        } else if (a == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::stoi(argv[++i]));
        } else if (a == "--write-corpus" && i + 1 < argc) corpus_out = argv[++i];
        else if (a == "--program" && i + 1 < argc) program = argv[++i];
        else examples_dir = a;
    }
    const auto examples = bench::load_examples(examples_dir);
    if (examples.empty()) {
        std::cerr << "bench_map: no .txt articles in " << examples_dir << "\n";
        return 1;
    }
    if (sizes.empty()) sizes = {mb, 2 * mb};
    if (!corpus_out.empty()) {
        std::size_t text_bytes = 0;
        const auto articles = write_corpus(examples, static_cast<std::size_t>(sizes.front() * 1e6), corpus_out, text_bytes);
        std::cout << fmt::format("{}: {} articles, {:.1f} MB of text\n", corpus_out.string(), articles, text_bytes / 1e6);
        return 0;
    }
    const auto work = fs::temp_directory_path() / fmt::format("geoevents-bench-map-{}", ::getpid());
    fs::create_directories(work);
    std::cout << fmt::format("{:>8} {:>9} {:>7} {:>4} {:>8} {:>8} {:>11} {:>9}\n", "MB", "articles", "threads", "run", "seconds",
                             "MB/s", "articles/s", "peak MiB");
    for (const double size : sizes) {
        const auto corpus = work / "corpus.jsonl";
        std::size_t text_bytes = 0;
        const auto articles = write_corpus(examples, static_cast<std::size_t>(size * 1e6), corpus, text_bytes);
        // with --repeat, the thread counts take turns, so that a slow spell of the machine falls
        // on all of them alike
        std::vector<std::vector<double>> rates(threads.size());
        for (int run = 1; run <= repeat; ++run) {
            for (std::size_t k = 0; k < threads.size(); ++k) {
                const auto out = work / "layers";
                const std::string jobs = std::to_string(threads[k]);
                std::vector<std::string> args = {"geoevents", "--quiet", "map", corpus.string(), "-o", out.string(), "-j", jobs, "--overwrite"};
                // each run on a quiet machine: the last run's output (gigabytes of mention lines)
                // removed and everything written so far (the corpus) on disk before the clock
                // starts, so that no run pays for another's files
                fs::remove_all(out);
                ::sync();
                const auto start = std::chrono::steady_clock::now();
                const long peak = run_map(program, args);
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                rates[k].push_back(text_bytes / 1e6 / seconds);
                std::cout << fmt::format("{:>8.1f} {:>9} {:>7} {:>4} {:>8.2f} {:>8.1f} {:>11.0f} {:>9}\n", text_bytes / 1e6, articles,
                                         threads[k], run, seconds, text_bytes / 1e6 / seconds, articles / seconds, peak)
                          << std::flush;
            }
        }
        if (repeat > 1) {
            for (std::size_t k = 0; k < threads.size(); ++k) {
                std::cout << fmt::format("{:>8.1f} MB, {} thread(s): median {:.1f} MB/s", text_bytes / 1e6, threads[k], median(rates[k]));
                if (k > 0) {
                    std::vector<double> ratios;
                    for (int r = 0; r < repeat; ++r) ratios.push_back(rates[k][r] / rates[0][r]);
                    std::cout << fmt::format(", {:.2f}x the {}-thread median (run by run: {:.2f})", median(rates[k]) / median(rates[0]),
                                             threads[0], fmt::join(ratios, ", "));
                }
                std::cout << "\n";
            }
        }
    }
    fs::remove_all(work);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_map: " << e.what() << "\n";
    return 1;
}

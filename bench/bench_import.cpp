// bench_import [OPTIONS] FILE...: times one gazetteer::build_gazetteer() over GeoNames files and
// prints what it imported per second and the process's peak memory.
//
// The files are read once before the clock starts (to count the dump rows), so the page cache is
// warm and the figure is the importer's work, not the disk's. The gazetteer is written into a
// fresh temporary folder ($TMPDIR or /tmp) that is removed afterwards, unless --output is given.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "gazetteer/build.hpp"
#include "gazetteer/error.hpp"

namespace {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

constexpr std::string_view kUsage =
    "usage: bench_import [--tables DIR] [--admin1-points FILE] [--output FILE] [--label TEXT] [--tsv] FILE...\n"
    "  FILE...              GeoNames files, classified by name as `geoevents gazetteer build` does\n"
    "  --tables DIR         also import DIR/regions.tsv, demonyms.tsv, short_forms.tsv (default: none)\n"
    "  --admin1-points FILE as `gazetteer build --admin1-points`\n"
    "  --output FILE        keep the gazetteer at FILE (default: a temporary file, deleted)\n"
    "  --label TEXT         name of this run in the output (default: the first dump's file name)\n"
    "  --tsv                print one tab-separated line: label rows seconds rows/s places places/s\n"
    "                       names names/s cpu_seconds peak_rss_mib output_mib\n";

struct Options {
    gazetteer::BuildOptions build;
    std::filesystem::path keep;  // empty: delete the gazetteer
    std::string label;
    bool tsv = false;
};

Options parse_options(int argc, char** argv) {
    Options o;
    auto value = [&](int& i, std::string_view flag) -> std::string {
        if (i + 1 >= argc) throw UsageError(fmt::format("{} needs a value", flag));
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--tables") {
            o.build.tables_dir = value(i, arg);
        } else if (arg == "--admin1-points") {
            o.build.admin1_points = value(i, arg);
        } else if (arg == "--output") {
            o.keep = value(i, arg);
        } else if (arg == "--label") {
            o.label = value(i, arg);
        } else if (arg == "--tsv") {
            o.tsv = true;
        } else if (arg == "-h" || arg == "--help") {
            fmt::print("{}", kUsage);
            std::exit(0);
        } else if (arg.starts_with("-")) {
            throw UsageError(fmt::format("unknown option '{}'", arg));
        } else {
            o.build.geonames_files.emplace_back(arg);
        }
    }
    if (o.build.geonames_files.empty()) throw UsageError("no input files");
    if (o.label.empty()) {  // the first dump's name, else the first file's
        o.label = std::filesystem::path(o.build.geonames_files.front()).filename().string();
        for (const auto& file : o.build.geonames_files) {
            if (gazetteer::classify_geonames_file(file) == gazetteer::GeonamesFileKind::dump) {
                o.label = std::filesystem::path(file).filename().string();
                break;
            }
        }
    }
    return o;
}

/// Non-empty lines of a file (reading it also brings it into the page cache).
std::uint64_t count_rows(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw gazetteer::InputError(path, 0, "cannot open");
    std::vector<char> buffer(1 << 20);
    std::uint64_t rows = 0;
    char previous = '\n';
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        const auto n = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < n; ++i) {
            if (buffer[i] == '\n' && previous != '\n') ++rows;
            previous = buffer[i];
        }
    }
    if (previous != '\n') ++rows;
    return rows;
}

double cpu_seconds(const rusage& r) {
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(r.ru_utime) + s(r.ru_stime);
}

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    TempDir() {
        auto pattern = (std::filesystem::temp_directory_path() / "bench_import.XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error(fmt::format("cannot create '{}'", pattern));
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

int run(Options o) {
    std::uint64_t rows = 0;
    std::string dumps;
    for (const auto& file : o.build.geonames_files) {
        const auto n = count_rows(file);
        if (gazetteer::classify_geonames_file(file) != gazetteer::GeonamesFileKind::dump) continue;
        rows += n;
        dumps += fmt::format("{}{} ({} rows)", dumps.empty() ? "" : ", ", file, n);
    }

    std::optional<TempDir> temp;
    if (o.keep.empty()) {
        temp.emplace();
        o.build.output = temp->path() / "gazetteer.sqlite";
    } else {
        o.build.output = o.keep;
    }
    // The library's progress messages, with the time since the start: where the time goes.
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&started] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    o.build.log = [&elapsed](const std::string& message) { fmt::print(stderr, "[{:7.2f} s] {}\n", elapsed(), message); };

    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    const auto report = gazetteer::build_gazetteer(o.build);
    const double seconds = elapsed();
    getrusage(RUSAGE_SELF, &after);
    fmt::print(stderr, "[{:7.2f} s] done\n", seconds);

    const double cpu = cpu_seconds(after) - cpu_seconds(before);
    const double peak_rss_mib = static_cast<double>(after.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
    const double output_mib = static_cast<double>(std::filesystem::file_size(o.build.output)) / (1024.0 * 1024.0);
    if (o.tsv) {
        fmt::print("{}\t{}\t{:.3f}\t{:.0f}\t{}\t{:.0f}\t{}\t{:.0f}\t{:.3f}\t{:.1f}\t{:.1f}\n", o.label, rows, seconds,
                   rows / seconds, report.places, report.places / seconds, report.names, report.names / seconds, cpu,
                   peak_rss_mib, output_mib);
        return 0;
    }
    fmt::print("run:       {}\n", o.label);
    fmt::print("dumps:     {}\n", dumps.empty() ? "(none)" : dumps);
    fmt::print("rows:      {}\n", rows);
    fmt::print("seconds:   {:.3f} wall, {:.3f} cpu (user+sys)\n", seconds, cpu);
    fmt::print("rows/s:    {:.0f}\n", rows / seconds);
    fmt::print("places:    {} ({:.0f}/s)\n", report.places, report.places / seconds);
    fmt::print("names:     {} ({:.0f}/s)\n", report.names, report.names / seconds);
    fmt::print("skipped:   {}\n", report.skipped_rows);
    fmt::print("peak RSS:  {:.1f} MiB\n", peak_rss_mib);
    fmt::print("output:    {:.1f} MiB{}\n", output_mib, o.keep.empty() ? " (deleted)" : fmt::format(" at {}", o.keep.string()));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_options(argc, argv));
    } catch (const UsageError& e) {
        fmt::print(stderr, "bench_import: {}\n{}", e.what(), kUsage);
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_import: error: {}\n", e.what());
        return 1;
    }
}

#include "fixtures.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace testing {
namespace {
// A path from the environment, else from the key=value file that $GEOEVENTS_TEST_PATHS names.
std::filesystem::path from_env(const char* name) {
    if (const char* value = std::getenv(name); value && *value) return value;
    const char* paths = std::getenv("GEOEVENTS_TEST_PATHS");
    if (!paths || !*paths) throw std::runtime_error(std::string(name) + " is not set (run the tests through ctest)");
    std::ifstream in(paths);
    const std::string prefix = std::string(name) + "=";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
    }
    throw std::runtime_error(std::string(name) + " is not in " + paths);
}
}  // namespace

std::filesystem::path fixture_path(const std::string& relative) { return from_env("GEOEVENTS_FIXTURES") / relative; }
std::filesystem::path tables_dir() { return from_env("GEOEVENTS_TABLES"); }
std::filesystem::path geoevents_bin() { return from_env("GEOEVENTS_BIN"); }
std::filesystem::path qgis_python() { return from_env("GEOEVENTS_QGIS_PYTHON"); }
std::filesystem::path qgis_scripts_dir() { return from_env("GEOEVENTS_QGIS_SCRIPTS"); }

TempDir::TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() / ("geoevents-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult run_command(const std::string& command) {
    TempDir dir;
    const auto out = dir / "stdout";
    const auto err = dir / "stderr";
    const std::string full = command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int raw = std::system(full.c_str());
    CommandResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

}  // namespace testing

#pragma once
// Test helpers: where fixtures live (passed in through the environment by CTest) and scratch
// folders that clean up after themselves.
#include <filesystem>
#include <string>
#include <string_view>

namespace testing {

/// A fixture file under $GEOEVENTS_FIXTURES (tests/fixtures).
std::filesystem::path fixture_path(const std::string& relative);
/// The project's gazetteer tables ($GEOEVENTS_TABLES: gazetteer/data).
std::filesystem::path tables_dir();
/// The geoevents program ($GEOEVENTS_BIN).
std::filesystem::path geoevents_bin();
/// A python3 that imports qgis.core ($GEOEVENTS_QGIS_PYTHON); empty when CMake found none.
std::filesystem::path qgis_python();
/// tests/qgis ($GEOEVENTS_QGIS_SCRIPTS).
std::filesystem::path qgis_scripts_dir();

/// A fresh empty folder, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, std::string_view content);
std::string read_file(const std::filesystem::path& path);

/// Runs a shell command; returns its exit status and captures stdout and stderr.
struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};
CommandResult run_command(const std::string& command);

}  // namespace testing

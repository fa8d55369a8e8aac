#pragma once
// `gazetteer build`: every source of one build, read in the order that lets each use the others.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "gazetteer/vector_source.hpp"

namespace gazetteer {

struct BuildOptions {
    std::filesystem::path output;
    /// GeoNames files, each recognised by the GeoNames file name in its name: countryInfo,
    /// admin1Codes, admin2Codes, alternateNames ("mini-countryInfo.txt" is a country table);
    /// any other is a "geoname" dump.
    std::vector<std::string> geonames_files;
    std::vector<VectorSource> vector_sources;
    std::string admin1_points;  ///< optional TSV: country_code, name, latitude, longitude
    /// Folder with regions.tsv, demonyms.tsv, short_forms.tsv; empty: leave them out.
    std::filesystem::path tables_dir;
    bool skip_bad_rows = false;
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

struct BuildReport {
    std::uint32_t places = 0;
    std::uint64_t names = 0;
    std::uint64_t skipped_rows = 0;
    std::vector<std::string> skipped_examples;
    double seconds = 0.0;
};

/// The folder of the project's tables: $GEOEVENTS_DATA_DIR, else the source tree's
/// gazetteer/data when it exists (a build-tree binary), else the installed share/geoevents.
std::filesystem::path default_tables_dir();

enum class GeonamesFileKind { dump, alternate_names, admin1_codes, admin2_codes, country_info };
GeonamesFileKind classify_geonames_file(const std::filesystem::path& path);

/// Builds the gazetteer at options.output (atomically: see GazetteerBuilder). Throws InputError
/// for bad sources (unless skip_bad_rows, for row-level problems) and GazetteerError otherwise.
BuildReport build_gazetteer(const BuildOptions& options);

}  // namespace gazetteer

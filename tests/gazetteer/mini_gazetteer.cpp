#include "gazetteer/mini_gazetteer.hpp"

#include "fixtures.hpp"
#include "gazetteer/build.hpp"

namespace testing {

void build_mini_gazetteer(const std::filesystem::path& out) {
    gazetteer::BuildOptions options;
    options.output = out;
    for (const char* name : {"mini_cities.txt", "mini_countries.txt", "mini-admin1CodesASCII.txt", "mini-admin2Codes.txt",
                             "mini-countryInfo.txt", "mini-alternateNamesV2.txt"}) {
        options.geonames_files.push_back(fixture_path(std::string("geonames/") + name).string());
    }
    options.admin1_points = fixture_path("geonames/admin1-points.tsv").string();
    options.tables_dir = tables_dir();
    gazetteer::build_gazetteer(options);
}

}  // namespace testing

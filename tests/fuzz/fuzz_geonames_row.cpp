// libFuzzer target: the GeoNames row parser and name folding must accept any bytes without
// crashing, and a row that parses must have sane values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gazetteer/fold.hpp"
#include "gazetteer/geonames_row.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    gazetteer::GeonamesRow row;
    if (gazetteer::parse_geonames_row(line, row).empty()) {
        if (row.geonameid == 0 || row.latitude < -90 || row.latitude > 90 || row.longitude < -180 ||
            row.longitude > 180 || row.population < 0 || row.name.empty()) {
            std::abort();
        }
        gazetteer::for_each_alternate_name(row.alternatenames, [](std::string_view n) {
            if (n.empty() || n.find(',') != std::string_view::npos) std::abort();
        });
    }
    const auto folded = gazetteer::fold_name(line);
    if (!folded.empty() && (folded.front() == ' ' || folded.back() == ' ')) std::abort();
    if (folded.find("  ") != std::string::npos) std::abort();
    return 0;
}

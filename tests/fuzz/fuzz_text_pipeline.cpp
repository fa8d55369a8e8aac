// libFuzzer target: the whole text pipeline (tokens, recognition, qualifiers, resolution) on
// arbitrary bytes, against a small gazetteer built at start-up. Must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"

namespace {
std::unique_ptr<gazetteer::Gazetteer> gaz;
std::unique_ptr<extract::Lexicon> lexicon;
std::unique_ptr<extract::Geoparser> parser;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const auto dir = std::filesystem::temp_directory_path() / "geoevents-fuzz";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "places.txt")
        << "1\tAleppo\tAleppo\tHalab,Alep\t36.2\t37.16\tP\tPPLA\tSY\t\t09\t\t\t\t1600000\t\t\t\t2024-01-01\n"
        << "2\tDārayyā\tDarayya\tDaraya\t33.46\t36.23\tP\tPPLA2\tSY\t\t08\t\t\t\t78000\t\t\t\t2024-01-01\n"
        << "3\tNew York City\tNew York City\tNew York\t40.71\t-74.0\tP\tPPL\tUS\t\tNY\t\t\t\t8000000\t\t\t\t2024-01-01\n"
        << "4\tSyria\tSyria\t\t35\t38\tA\tPCLI\tSY\t\t00\t\t\t\t22000000\t\t\t\t2024-01-01\n";
    gazetteer::BuildOptions options;
    options.output = dir / "g.sqlite";
    options.geonames_files = {(dir / "places.txt").string()};
    options.tables_dir = GEOEVENTS_SOURCE_TABLES_DIR;
    gazetteer::build_gazetteer(options);
    gaz = std::make_unique<gazetteer::Gazetteer>(options.output);
    lexicon = std::make_unique<extract::Lexicon>(extract::Lexicon::load(GEOEVENTS_SOURCE_LEXICON_DIR));
    parser = std::make_unique<extract::Geoparser>(*gaz, *lexicon);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    extract::Document doc;
    doc.id = "fuzz";
    doc.text.assign(reinterpret_cast<const char*>(data), size);
    for (const auto& m : parser->parse(doc)) {
        if (m.start > m.end || m.end > doc.text.size() || m.confidence < 0.0 || m.confidence > 1.0) std::abort();
    }
    return 0;
}

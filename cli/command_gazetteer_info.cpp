#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_file.hpp"

namespace cli {
namespace {

class GazetteerInfo : public Command {
public:
    void setup(CLI::App&) override {}

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const auto info = gaz.info();
        std::cout << fmt::format("gazetteer:      {}\n", info.path);
        std::cout << fmt::format("file size:      {:.1f} MB\n", static_cast<double>(info.file_bytes) / 1e6);
        std::cout << fmt::format("built:          {}\n", info.built_at);
        std::cout << fmt::format("lookup index:   {}\n",
                                 gaz.index_mapped() ? fmt::format("memory-mapped from {}", gazetteer::index_file_path(gaz.path()).string())
                                                    : std::string("read into memory (no matching .index file beside the database)"));
        std::cout << fmt::format("schema version: {}\n", info.schema_version);
        std::cout << fmt::format("places:         {}\n", info.places);
        std::cout << fmt::format("names:          {} ({} distinct lookup keys)\n", info.names, gaz.index().key_count());
        std::cout << fmt::format("countries:      {}\n", info.countries);
        std::cout << fmt::format("footprints:     {}\n", info.footprints);
        std::cout << "feature classes:";
        for (const auto& [cls, n] : info.by_feature_class) std::cout << fmt::format(" {}={}", cls.empty() ? "-" : cls, n);
        std::cout << "\nsources:\n";
        for (const auto& s : info.sources) {
            std::cout << fmt::format("  {:<16} {:>9} rows {:>6} skipped  {}  {}\n", s.kind, s.rows, s.skipped,
                                     s.imported_at, s.path);
        }
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_gazetteer_info() { return std::make_unique<GazetteerInfo>(); }

}  // namespace cli

#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "gazetteer/build.hpp"

namespace cli {
namespace {

class GazetteerBuild : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("-o,--output", output_, "Gazetteer file to write (replaced only when the build succeeds)")
            ->required();
        app.add_option("sources", files_,
                       "GeoNames files: dumps (allCountries.txt, cities500.txt, XX.txt), "
                       "alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt")
            ->check(CLI::ExistingFile);
        app.add_option("--vector", vectors_,
                       "A GDAL vector layer as PATH,name=FIELD[,id=FIELD][,alt=FIELD[@lang]]...[,layer=NAME]"
                       "[,admin1=FIELD][,admin2=FIELD][,population=FIELD][,country=CC|,country_field=FIELD]"
                       "[,feature_code=CODE][,id_prefix=TEXT][,code=FIELD] (repeatable)");
        app.add_option("--admin1-points", admin1_points_,
                       "TSV of first-level divisions with coordinates (country_code, name, latitude, longitude)")
            ->check(CLI::ExistingFile);
        app.add_option("--tables", tables_, "Folder with regions.tsv, demonyms.tsv, short_forms.tsv "
                                            "(default: the project's own)");
        app.add_flag("--no-tables", no_tables_, "Leave the project's regions, demonyms and short forms out");
        app.add_flag("--skip-bad-rows", skip_bad_rows_, "Count and report malformed rows instead of stopping");
    }

    void validate() override {
        for (const auto& spec : vectors_) {
            try {
                options_.vector_sources.push_back(gazetteer::parse_vector_source(spec));
            } catch (const std::invalid_argument& e) {
                throw UsageError(std::string("--vector: ") + e.what());
            }
        }
        if (files_.empty() && vectors_.empty()) throw UsageError("gazetteer build: give GeoNames files or --vector layers");
        if (no_tables_ && !tables_.empty()) throw UsageError("--tables and --no-tables exclude each other");
    }

    int run(const GlobalOptions& global) override {
        options_.output = output_;
        options_.geonames_files = files_;
        options_.admin1_points = admin1_points_;
        options_.tables_dir = no_tables_ ? std::filesystem::path() : tables_.empty() ? gazetteer::default_tables_dir() : std::filesystem::path(tables_);
        options_.skip_bad_rows = skip_bad_rows_;
        if (!global.quiet) options_.log = [](const std::string& m) { std::cerr << m << '\n'; };
        const auto report = gazetteer::build_gazetteer(options_);
        if (report.skipped_rows > 0) {
            std::cerr << fmt::format("skipped {} bad rows, for example:\n", report.skipped_rows);
            for (const auto& e : report.skipped_examples) std::cerr << "  " << e << '\n';
        }
        std::cerr << fmt::format("wrote {}: {} places, {} names in {:.1f} s\n", output_, report.places,
                                 report.names, report.seconds);
        return 0;
    }

private:
    std::string output_;
    std::vector<std::string> files_;
    std::vector<std::string> vectors_;
    std::string admin1_points_;
    std::string tables_;
    bool no_tables_ = false;
    bool skip_bad_rows_ = false;
    gazetteer::BuildOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_gazetteer_build() { return std::make_unique<GazetteerBuild>(); }

}  // namespace cli

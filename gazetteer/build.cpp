#include "gazetteer/build.hpp"

#include <chrono>
#include <cstdlib>

#include <gdal_priv.h>

#include "gazetteer/error.hpp"
#include "gazetteer/importers.hpp"

namespace gazetteer {

std::filesystem::path default_tables_dir() {
    if (const char* env = std::getenv("GEOEVENTS_DATA_DIR"); env && *env) return env;
    if (std::filesystem::is_directory(GEOEVENTS_SOURCE_TABLES_DIR)) return GEOEVENTS_SOURCE_TABLES_DIR;
    return GEOEVENTS_INSTALL_TABLES_DIR;
}

GeonamesFileKind classify_geonames_file(const std::filesystem::path& path) {
    const auto name = path.filename().string();
    auto has = [&name](std::string_view part) { return name.find(part) != std::string::npos; };
    if (has("alternateNames")) return GeonamesFileKind::alternate_names;
    if (has("admin1Codes")) return GeonamesFileKind::admin1_codes;
    if (has("admin2Codes")) return GeonamesFileKind::admin2_codes;
    if (has("countryInfo")) return GeonamesFileKind::country_info;
    return GeonamesFileKind::dump;
}

BuildReport build_gazetteer(const BuildOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    // Check every input before writing anything.
    for (const auto& file : options.geonames_files) {
        if (!std::filesystem::is_regular_file(file)) throw InputError(file, 0, "no such file");
    }
    if (!options.admin1_points.empty() && !std::filesystem::is_regular_file(options.admin1_points)) {
        throw InputError(options.admin1_points, 0, "no such file");
    }
    std::vector<std::string> tables;
    if (!options.tables_dir.empty()) {
        for (const char* name : {"regions.tsv", "demonyms.tsv", "short_forms.tsv"}) {
            const auto path = options.tables_dir / name;
            if (!std::filesystem::is_regular_file(path)) throw InputError(path.string(), 0, "no such file");
            tables.push_back(path.string());
        }
    }
    if (!options.vector_sources.empty()) GDALAllRegister();

    GazetteerBuilder builder(options.output);
    ImportContext ctx(builder, options.skip_bad_rows, options.log);
    auto each = [&](GeonamesFileKind kind, auto&& import) {
        for (const auto& file : options.geonames_files) {
            if (classify_geonames_file(file) == kind) import(file);
        }
    };
    // Code tables first: the dumps fill admin names from them.
    each(GeonamesFileKind::country_info, [&](const std::string& f) { import_country_info(ctx, f); });
    each(GeonamesFileKind::admin1_codes, [&](const std::string& f) { import_admin_codes(ctx, f, 1); });
    each(GeonamesFileKind::admin2_codes, [&](const std::string& f) { import_admin_codes(ctx, f, 2); });
    each(GeonamesFileKind::dump, [&](const std::string& f) { import_geonames_dump(ctx, f); });
    if (!options.admin1_points.empty()) import_admin1_points(ctx, options.admin1_points);
    synthesize_divisions(ctx);
    each(GeonamesFileKind::alternate_names, [&](const std::string& f) { import_alternate_names(ctx, f); });
    if (!tables.empty()) {
        import_regions(ctx, tables[0]);
        import_demonyms(ctx, tables[1]);
        import_short_forms(ctx, tables[2]);
    }
    for (const auto& vs : options.vector_sources) import_vector_layer(ctx, vs);
    if (builder.place_count() == 0) throw GazetteerError("no places imported: give at least one GeoNames dump or vector layer");

    BuildReport report;
    report.places = builder.place_count();
    report.names = builder.name_count();
    report.skipped_rows = ctx.bad_rows.count();
    report.skipped_examples = ctx.bad_rows.examples();
    builder.set_meta("skipped_rows", std::to_string(report.skipped_rows));
    builder.finish(options.log);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace gazetteer

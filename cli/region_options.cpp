#include "cli/region_options.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"

namespace cli {

void RegionOptions::add_to(CLI::App& app) {
    app.add_option("--regions", source_,
                   "Polygon layer events are assigned to: any file GDAL opens, SOURCE[:LAYER] (OCHA admin "
                   "boundaries with P-codes, Natural Earth admin-1, a team's own areas)");
    app.add_option("--region-name", name_field_, "The regions' name field (required with --regions)");
    app.add_option("--region-code", code_field_, "The regions' code field (a P-code), optional");
}

void RegionOptions::validate() const {
    if (source_.empty() && (!name_field_.empty() || !code_field_.empty())) {
        throw UsageError("--region-name and --region-code need --regions");
    }
    if (!source_.empty() && name_field_.empty()) throw UsageError("--regions needs --region-name FIELD");
}

std::optional<output::RegionLayer> RegionOptions::read(bool quiet) const {
    if (source_.empty()) return std::nullopt;
    auto layer = output::read_region_layer(output::parse_region_source(source_), {name_field_, code_field_});
    if (!quiet) {
        for (const auto& w : layer.warnings) std::cerr << "geoevents: warning: " << w << '\n';
    }
    for (const auto& e : layer.errors) std::cerr << "geoevents: left out: " << e << '\n';
    if (layer.regions.empty()) {
        throw std::runtime_error(fmt::format("{}: layer '{}' holds no region that could be read", layer.path, layer.layer));
    }
    return layer;
}

}  // namespace cli

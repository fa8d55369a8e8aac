#pragma once
// --regions SOURCE[:LAYER] --region-name FIELD [--region-code FIELD]: the polygons events are
// assigned to (output/region_layer.hpp).
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "output/region_layer.hpp"

namespace cli {

class RegionOptions {
public:
    /// Declares the three options on `app`.
    void add_to(CLI::App& app);
    /// Throws UsageError for --region-name or --region-code without --regions, or --regions
    /// without --region-name (call from validate()).
    void validate() const;
    /// The regions, or nullopt without --regions. Prints the layer's warnings and errors (the
    /// features left out) on stderr unless `quiet`; throws what read_region_layer throws.
    std::optional<output::RegionLayer> read(bool quiet) const;

private:
    std::string source_;
    std::string name_field_;
    std::string code_field_;
};

}  // namespace cli

#pragma once
// Writing a region report: the page (HTML or Markdown), the Markdown's figures, and the
// `regions` layer beside it.
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "output/layer_writer.hpp"
#include "output/report_data.hpp"

namespace output {

enum class ReportFormat { html, markdown };

/// "html" or "md"/"markdown"; nullopt otherwise.
std::optional<ReportFormat> report_format_from_string(std::string_view name);

struct ReportWriteOptions {
    ReportFormat format = ReportFormat::html;
    bool overwrite = false;               ///< replace existing files; without it they are an error
    Format layer_format = Format::geojson;  ///< of the regions layer
};

struct ReportWritten {
    std::filesystem::path report;
    std::vector<std::filesystem::path> figures;      ///< Markdown only: <stem>_files/*.svg
    std::vector<std::filesystem::path> layer_files;  ///< empty without polygons
};

/// Writes `data` to `path` (its folder is created when missing); for Markdown, its maps and charts as SVG files in the folder
/// "<stem>_files" beside it; and, when the report has polygons, the `regions` layer
/// (output/report_layer.hpp) in `path`'s folder through write_layers (regions.geojson,
/// layers.gpkg, regions.fgb...). Every file is written under a temporary name and renamed into
/// place; the page is renamed last, after the layer. Throws std::runtime_error naming the file:
/// an existing file without `overwrite`, a regions layer file that is the events or regions file
/// read (both checked before anything is written), or a failure to write.
ReportWritten write_report(const ReportData& data, const std::filesystem::path& path, const ReportWriteOptions& options);

}  // namespace output

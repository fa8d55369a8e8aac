#include "output/report_writer.hpp"

#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "output/atomic_file.hpp"
#include "output/report_html.hpp"
#include "output/report_layer.hpp"
#include "output/report_markdown.hpp"

namespace output {

namespace fs = std::filesystem;

std::optional<ReportFormat> report_format_from_string(std::string_view name) {
    if (name == "html") return ReportFormat::html;
    if (name == "md" || name == "markdown") return ReportFormat::markdown;
    return std::nullopt;
}

ReportWritten write_report(const ReportData& data, const fs::path& path, const ReportWriteOptions& options) {
    if (path.empty() || path.filename().empty()) throw std::runtime_error(fmt::format("'{}': not a file name", path.string()));
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    ReportWritten written;
    written.report = path;

    // What will be written, checked before anything is.
    std::optional<MarkdownReport> markdown;
    const std::string figures_name = path.stem().string() + "_files";
    if (options.format == ReportFormat::markdown) {
        std::string link;
        for (char c : figures_name) link += c == ' ' ? std::string("%20") : std::string(1, c);
        markdown = report_markdown(data, link);
        for (const auto& [name, svg] : markdown->figures) written.figures.push_back(dir / figures_name / name);
    }
    std::vector<LayerData> layers;
    if (data.has_polygons) {
        layers.push_back(report_regions_layer(data));
        written.layer_files = output_files(dir, layers, options.layer_format);
    }
    // never the inputs, even with overwrite
    for (const auto& p : written.layer_files) {
        std::error_code ec;
        for (const auto& input : {data.source, data.regions_file}) {
            if (!input.empty() && fs::exists(p, ec) && fs::equivalent(p, input, ec)) {
                throw std::runtime_error(fmt::format(
                    "'{}' is an input of the report: write the report into another folder", p.string()));
            }
        }
    }
    if (!options.overwrite) {
        std::vector<fs::path> all = {path};
        all.insert(all.end(), written.figures.begin(), written.figures.end());
        all.insert(all.end(), written.layer_files.begin(), written.layer_files.end());
        for (const auto& p : all) {
            std::error_code ec;
            if (fs::exists(p, ec)) throw std::runtime_error(fmt::format("'{}' exists: use --overwrite to replace it", p.string()));
        }
    }

    fs::create_directories(dir);
    AtomicFile page(path);
    if (markdown) {
        page.write(markdown->text);
        fs::create_directories(dir / figures_name);
        for (const auto& [name, svg] : markdown->figures) {
            AtomicFile figure(dir / figures_name / name);
            figure.write(svg);
            figure.commit();
        }
    } else {
        page.write(report_html(data));
    }
    if (!layers.empty()) write_layers(dir, layers, {options.layer_format, options.overwrite});
    page.commit();
    return written;
}

}  // namespace output

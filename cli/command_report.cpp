#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/region_options.hpp"
#include "extract/dates.hpp"
#include "output/event_reader.hpp"
#include "output/report_data.hpp"
#include "output/report_writer.hpp"

namespace cli {
namespace {

std::optional<extract::CivilDate> parse_day(const std::string& text, const char* option) {
    if (text.empty()) return std::nullopt;
    const auto d = extract::CivilDate::from_iso(text);
    if (!d) throw UsageError(fmt::format("{}: '{}' is not a date (YYYY-MM-DD)", option, text));
    return d;
}

class Report : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("events", events_,
                       "Events layer that `map` wrote: events.geojson/.csv/.kml/.fgb/.shp, layers.gpkg, or its folder")
            ->required();
        app.add_option("-o,--output", output_, "The report file (report.html, report.md)")->required();
        app.add_option("--format", format_, "html (default; md when OUTPUT ends in .md) or md");
        regions_.add_to(app);
        app.add_option("--from", from_, "First day of the period (YYYY-MM-DD): events whose dates overlap it count");
        app.add_option("--to", to_, "Last day of the period (YYYY-MM-DD)");
        app.add_option("--region", region_codes_, "Keep only these regions (codes; names for regions without a code)");
        app.add_option("--layer-format", layer_format_, "Format of the regions layer written beside the report: geojson (default) or fgb");
        app.add_flag("--overwrite", overwrite_, "Replace the report and regions layer if they exist");
    }

    void validate() override {
        regions_.validate();
        options_.from = parse_day(from_, "--from");
        options_.to = parse_day(to_, "--to");
        if (options_.from && options_.to && *options_.to < *options_.from) {
            throw UsageError(fmt::format("--to {} is before --from {}", to_, from_));
        }
        options_.regions = region_codes_;
        if (format_.empty()) format_ = std::filesystem::path(output_).extension() == ".md" ? "md" : "html";
        const auto format = output::report_format_from_string(format_);
        if (!format) throw UsageError(fmt::format("--format: '{}' is not html or md", format_));
        write_.format = *format;
        const auto layer_format = output::format_from_string(layer_format_);
        if (!layer_format || (*layer_format != output::Format::geojson && *layer_format != output::Format::flatgeobuf)) {
            throw UsageError(fmt::format("--layer-format: '{}' is not geojson or fgb", layer_format_));
        }
        write_.layer_format = *layer_format;
        write_.overwrite = overwrite_;
        if (output_ == "-" || std::filesystem::path(output_).filename().empty()) {
            throw UsageError(fmt::format("--output: '{}' is not a file name", output_));
        }
    }

    int run(const GlobalOptions& global) override {
        const auto events = output::read_events(events_);
        const auto regions = regions_.read(global.quiet);
        const auto data = output::build_report(events, regions ? &*regions : nullptr, options_);
        const auto written = output::write_report(data, output_, write_);
        if (!global.quiet) {
            std::size_t with_events = 0;
            for (const auto& r : data.regions) with_events += !r.outside && r.totals.events > 0;
            std::cerr << fmt::format("{} events ({} fatalities) in {} regions, {} undated: {}{}\n", data.totals.events,
                                     data.totals.fatalities, with_events, data.undated.size(), written.report.string(),
                                     written.layer_files.empty()
                                         ? std::string("; no regions layer (no polygons: use --regions)")
                                         : fmt::format("; regions layer {}", written.layer_files.front().string()));
        }
        return 0;
    }

private:
    std::string events_;
    std::string output_;
    std::string format_;
    RegionOptions regions_;
    std::string from_, to_;
    std::vector<std::string> region_codes_;
    std::string layer_format_ = "geojson";
    bool overwrite_ = false;
    output::ReportOptions options_;
    output::ReportWriteOptions write_;
};

}  // namespace

std::unique_ptr<Command> make_report() { return std::make_unique<Report>(); }

}  // namespace cli

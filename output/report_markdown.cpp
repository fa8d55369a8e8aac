#include "output/report_markdown.hpp"

#include <fmt/format.h>

#include "output/report_svg.hpp"

namespace output {
namespace {

std::string md(std::string_view s) { return markdown_escape(s); }

std::string fatalities_text(const ReportTotals& t) {
    if (t.without_fatalities == 0) return count_text(t.fatalities);
    return fmt::format("{} (no count for {} event{})", count_text(t.fatalities), count_text(t.without_fatalities),
                       t.without_fatalities == 1 ? "" : "s");
}

void type_tables(std::string& out, const ReportTotals& t) {
    if (t.by_type.empty()) return;
    out += "\n### By event type\n\n| Event type | Events | Fatalities |\n|---|---:|---:|\n";
    for (const auto& c : t.by_type) {
        out += fmt::format("| {} | {} | {} |\n", md(c.event_type.empty() ? "(no type)" : c.event_type), count_text(c.events),
                           count_text(c.fatalities));
    }
    out += "\n### By event type and sub-type\n\n| Event type | Sub-event type | Events | Fatalities |\n|---|---|---:|---:|\n";
    for (const auto& c : t.by_sub_type) {
        out += fmt::format("| {} | {} | {} | {} |\n", md(c.event_type), md(c.sub_event_type), count_text(c.events),
                           count_text(c.fatalities));
    }
}

void places_table(std::string& out, const ReportTotals& t) {
    if (t.top_places.empty()) return;
    out += "\n### Most affected places\n\n| Place | Place id | Events | Fatalities |\n|---|---|---:|---:|\n";
    for (const auto& p : t.top_places) {
        out += fmt::format("| {} | {} | {} | {} |\n", md(p.name), md(p.place_id), count_text(p.events), count_text(p.fatalities));
    }
}

void event_rows(std::string& out, const ReportData& data, const std::vector<std::size_t>& indices,
                const std::vector<ReportEvent>& events, bool with_region) {
    out += with_region ? "\n| Date | Place | Region | Event type | Sub-event type | Fatalities | Source |\n|---|---|---|---|---|---:|---|\n"
                       : "\n| Date | Place | Event type | Sub-event type | Fatalities | Source |\n|---|---|---|---|---:|---|\n";
    for (auto i : indices) {
        const auto& e = events[i];
        out += "| ";
        out += e.date ? date_text(*e.date) : std::string("undated");
        out += " | ";
        out += md(e.place.empty() ? e.place_id : e.place);
        if (with_region) {
            out += " | ";
            out += md(data.regions[e.region].name);
        }
        out += fmt::format(" | {} | {} | {} | {}{} |\n", md(e.event_type), md(e.sub_event_type),
                           e.fatalities ? count_text(*e.fatalities) : std::string(), md(e.source),
                           e.source_count > 1 ? fmt::format(" (+{})", e.source_count - 1) : std::string());
    }
}

}  // namespace

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '|': case '\\': case '*': case '_': case '`': case '[': case ']': case '#':
                out += '\\';
                out += c;
                break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\n': case '\r': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

MarkdownReport report_markdown(const ReportData& data, const std::string& figures_dir) {
    MarkdownReport report;
    auto& out = report.text;
    const auto figures = [&](std::optional<std::size_t> region, const ReportTotals& t, const std::string& label) {
        const auto stem = region ? fmt::format("region-{}", *region) : std::string("all");
        report.figures.emplace_back(fmt::format("map-{}.svg", stem), map_svg(data, region));
        report.figures.emplace_back(fmt::format("chart-{}.svg", stem), chart_svg(t, data.bin));
        const char* per = data.bin == BinWidth::day ? "day" : data.bin == BinWidth::week ? "week" : "month";
        out += fmt::format("\n![Map of {0}]({1}/map-{2}.svg)\n\n![Events per {3} in {0}]({1}/chart-{2}.svg)\n", md(label),
                           figures_dir, stem, per);
    };
    const auto& t = data.totals;
    out += fmt::format("# Events report: {}\n\n", md(data.source.filename().string()));
    out += fmt::format("Events: {}  \n", md(data.source.string()));
    out += data.has_polygons ? fmt::format("Regions: {}  \n", md(data.regions_source))
                             : std::string("Regions: the events' own region fields (no polygons)  \n");
    out += fmt::format("Period: {}\n\n## Summary\n\n| | |\n|---|---|\n", period_text(data));
    out += fmt::format("| Events | {} |\n| Fatalities | {} |\n| Date range covered | {} |\n", count_text(t.events),
                       fatalities_text(t), covered_text(t));
    out += fmt::format("| Source articles | {} |\n| Undated events (listed apart) | {} |\n| Dated events outside the period | {} |\n",
                       count_text(static_cast<std::int64_t>(data.source_count)),
                       count_text(static_cast<std::int64_t>(data.undated.size())), count_text(data.outside_period));
    if (!data.has_polygons) {
        out += "\n*No region polygons were given (--regions): regions are the events' region or first-level division "
               "fields, and the maps show the events' points only.*\n";
    }
    type_tables(out, t);
    if (!data.top_sources.empty()) {
        out += "\n### Sources\n\n| Article | Events reported |\n|---|---:|\n";
        for (const auto& [id, n] : data.top_sources) out += fmt::format("| {} | {} |\n", md(id), count_text(n));
        if (data.source_count > data.top_sources.size()) {
            out += fmt::format("\n*The {} articles that report the most events, of {}.*\n", data.top_sources.size(),
                               count_text(static_cast<std::int64_t>(data.source_count)));
        }
    }
    out += "\n### Regions\n\n| Region | Code | Events | Fatalities | Undated |\n|---|---|---:|---:|---:|\n";
    for (const auto& reg : data.regions) {
        out += fmt::format("| {} | {} | {} | {} | {} |\n", md(reg.name), md(reg.code), count_text(reg.totals.events),
                           count_text(reg.totals.fatalities), count_text(static_cast<std::int64_t>(reg.undated.size())));
    }
    out += "\n### The whole area\n";
    figures(std::nullopt, t, "the whole area");
    places_table(out, t);

    for (std::size_t r = 0; r < data.regions.size(); ++r) {
        const auto& reg = data.regions[r];
        if (reg.events.empty() && reg.undated.empty()) continue;
        const auto& rt = reg.totals;
        out += fmt::format("\n## {}\n\n", md(region_label(reg)));
        if (reg.outside) {
            out += data.has_polygons ? "*Events whose point is in none of the region polygons.*\n\n"
                                     : "*Events without a region or first-level division.*\n\n";
        }
        out += fmt::format("| | |\n|---|---|\n| Events | {} |\n| Fatalities | {} |\n| Date range covered | {} |\n| Undated events | {} |\n",
                           count_text(rt.events), fatalities_text(rt), covered_text(rt),
                           count_text(static_cast<std::int64_t>(reg.undated.size())));
        type_tables(out, rt);
        places_table(out, rt);
        if (!reg.events.empty()) {
            figures(r, rt, reg.name);
            out += fmt::format("\n### Events ({})\n", count_text(rt.events));
            event_rows(out, data, reg.events, data.events, false);
        }
        if (!reg.undated.empty()) {
            out += fmt::format("\n### Undated events ({})\n", reg.undated.size());
            event_rows(out, data, reg.undated, data.undated, false);
        }
    }
    if (!data.undated.empty()) {
        out += fmt::format("\n## Undated events ({})\n\n*Events without a date are not in the counts, tables and charts above.*\n",
                           count_text(static_cast<std::int64_t>(data.undated.size())));
        std::vector<std::size_t> all(data.undated.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        event_rows(out, data, all, data.undated, true);
    }
    return report;
}

}  // namespace output

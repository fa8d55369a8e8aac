#include "output/report_html.hpp"

#include <fmt/format.h>

#include "output/report_svg.hpp"

namespace output {
namespace {

constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 1.5em auto; max-width: 1040px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #c0392b; padding-bottom: .2em; margin-top: 2em; }
h3 { margin-top: 1.4em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #555; } .note { color: #555; font-style: italic; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; }
figure { margin: 1em 0; } figcaption { color: #555; font-size: .85em; }
nav ul { columns: 3; }
)";

std::string esc(std::string_view s) { return xml_escape(s); }

std::string fatalities_text(const ReportTotals& t) {
    if (t.without_fatalities == 0) return count_text(t.fatalities);
    return fmt::format("{} (no count for {} event{})", count_text(t.fatalities), count_text(t.without_fatalities),
                       t.without_fatalities == 1 ? "" : "s");
}

void type_tables(std::string& out, const ReportData& data, const ReportTotals& t) {
    if (t.by_type.empty()) return;
    out += "<h3>By event type</h3>\n<table><tr><th>Event type</th><th>Events</th><th>Fatalities</th></tr>\n";
    for (const auto& c : t.by_type) {
        out += fmt::format(R"(<tr><td><span class="swatch" style="background:{}"></span>{}</td><td class="n">{}</td><td class="n">{}</td></tr>)",
                           type_colour(data, c.event_type), esc(c.event_type.empty() ? "(no type)" : c.event_type),
                           count_text(c.events), count_text(c.fatalities));
        out += '\n';
    }
    out += "</table>\n<h3>By event type and sub-type</h3>\n"
           "<table><tr><th>Event type</th><th>Sub-event type</th><th>Events</th><th>Fatalities</th></tr>\n";
    for (const auto& c : t.by_sub_type) {
        out += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>)", esc(c.event_type),
                           esc(c.sub_event_type), count_text(c.events), count_text(c.fatalities));
        out += '\n';
    }
    out += "</table>\n";
}

void places_table(std::string& out, const ReportTotals& t) {
    if (t.top_places.empty()) return;
    out += "<h3>Most affected places</h3>\n<table><tr><th>Place</th><th>Place id</th><th>Events</th><th>Fatalities</th></tr>\n";
    for (const auto& p : t.top_places) {
        out += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>)", esc(p.name),
                           esc(p.place_id), count_text(p.events), count_text(p.fatalities));
        out += '\n';
    }
    out += "</table>\n";
}

void figures(std::string& out, const ReportData& data, std::optional<std::size_t> region, const ReportTotals& t) {
    out += "<figure>";
    out += map_svg(data, region);
    out += "<figcaption>Map: ";
    out += data.has_polygons ? "region outlines shaded by the number of events, " : "";
    out += "events coloured by type.</figcaption></figure>\n<figure>";
    out += chart_svg(t, data.bin);
    out += "<figcaption>Events per ";
    out += data.bin == BinWidth::day ? "day" : data.bin == BinWidth::week ? "week (Monday to Sunday)" : "month";
    out += ".</figcaption></figure>\n";
}

void event_rows(std::string& out, const ReportData& data, const std::vector<std::size_t>& indices,
                const std::vector<ReportEvent>& events, bool with_region) {
    out += "<table><tr><th>Date</th><th>Place</th>";
    if (with_region) out += "<th>Region</th>";
    out += "<th>Event type</th><th>Sub-event type</th><th>Fatalities</th><th>Source</th></tr>\n";
    for (auto i : indices) {
        const auto& e = events[i];
        out += "<tr><td>";
        out += e.date ? date_text(*e.date) : std::string("undated");
        out += "</td><td>";
        out += esc(e.place.empty() ? e.place_id : e.place);
        if (with_region) {
            out += "</td><td>";
            out += esc(data.regions[e.region].name);
        }
        out += "</td><td>";
        out += esc(e.event_type);
        out += "</td><td>";
        out += esc(e.sub_event_type);
        out += "</td><td class=\"n\">";
        out += e.fatalities ? count_text(*e.fatalities) : std::string();
        out += "</td><td>";
        out += esc(e.source);
        if (e.source_count > 1) out += fmt::format(" (+{})", e.source_count - 1);
        out += "</td></tr>\n";
    }
    out += "</table>\n";
}

}  // namespace

std::string report_html(const ReportData& data) {
    std::string out;
    out.reserve(4096 + data.events.size() * 220);
    const std::string title = fmt::format("Events report: {}", data.source.filename().string());
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", esc(title), kStyle);
    out += fmt::format("<h1>{}</h1>\n<p class=\"meta\">Events: {}", esc(title), esc(data.source.string()));
    out += data.has_polygons ? fmt::format("<br>Regions: {}", esc(data.regions_source))
                             : std::string("<br>Regions: the events' own region fields (no polygons)");
    out += fmt::format("<br>Period: {}</p>\n", esc(period_text(data)));

    // Contents
    out += "<nav><h2>Contents</h2><ul><li><a href=\"#summary\">Summary</a></li>\n";
    for (std::size_t r = 0; r < data.regions.size(); ++r) {
        const auto& reg = data.regions[r];
        if (reg.events.empty() && reg.undated.empty()) continue;
        out += fmt::format("<li><a href=\"#region-{}\">{}</a> ({})</li>\n", r, esc(region_label(reg)), count_text(reg.totals.events));
    }
    if (!data.undated.empty()) out += "<li><a href=\"#undated\">Undated events</a></li>\n";
    out += "</ul></nav>\n";

    // Summary
    const auto& t = data.totals;
    out += "<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n";
    out += fmt::format("<tr><th>Period</th><td>{}</td></tr>\n", esc(period_text(data)));
    out += fmt::format("<tr><th>Events</th><td class=\"n\">{}</td></tr>\n", count_text(t.events));
    out += fmt::format("<tr><th>Fatalities</th><td class=\"n\">{}</td></tr>\n", fatalities_text(t));
    out += fmt::format("<tr><th>Date range covered</th><td>{}</td></tr>\n", covered_text(t));
    out += fmt::format("<tr><th>Regions with events</th><td class=\"n\">{}</td></tr>\n", [&] {
        std::size_t n = 0;
        for (const auto& r : data.regions) n += !r.outside && r.totals.events > 0;
        return n;
    }());
    out += fmt::format("<tr><th>Source articles</th><td class=\"n\">{}</td></tr>\n", count_text(static_cast<std::int64_t>(data.source_count)));
    out += fmt::format("<tr><th>Undated events (listed apart)</th><td class=\"n\">{}</td></tr>\n",
                       count_text(static_cast<std::int64_t>(data.undated.size())));
    out += fmt::format("<tr><th>Dated events outside the period</th><td class=\"n\">{}</td></tr>\n", count_text(data.outside_period));
    out += "</table>\n";
    if (!data.has_polygons) {
        out += "<p class=\"note\">No region polygons were given (--regions): regions are the events' region or "
               "first-level division fields, and the maps show the events' points only.</p>\n";
    }
    type_tables(out, data, t);
    if (!data.top_sources.empty()) {
        out += "<h3>Sources</h3>\n<table><tr><th>Article</th><th>Events reported</th></tr>\n";
        for (const auto& [id, n] : data.top_sources) {
            out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", esc(id), count_text(n));
        }
        out += "</table>\n";
        if (data.source_count > data.top_sources.size()) {
            out += fmt::format("<p class=\"note\">The {} articles that report the most events, of {}.</p>\n",
                               data.top_sources.size(), count_text(static_cast<std::int64_t>(data.source_count)));
        }
    }
    out += "<h3>Regions</h3>\n<table><tr><th>Region</th><th>Code</th><th>Events</th><th>Fatalities</th><th>Undated</th></tr>\n";
    for (std::size_t r = 0; r < data.regions.size(); ++r) {
        const auto& reg = data.regions[r];
        const bool linked = !reg.events.empty() || !reg.undated.empty();
        out += fmt::format("<tr><td>{}{}{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                           linked ? fmt::format("<a href=\"#region-{}\">", r) : "", esc(reg.name), linked ? "</a>" : "",
                           esc(reg.code), count_text(reg.totals.events), count_text(reg.totals.fatalities),
                           count_text(static_cast<std::int64_t>(reg.undated.size())));
    }
    out += "</table>\n<h3>The whole area</h3>\n";
    figures(out, data, std::nullopt, t);
    places_table(out, t);
    out += "</section>\n";

    // Regions
    for (std::size_t r = 0; r < data.regions.size(); ++r) {
        const auto& reg = data.regions[r];
        if (reg.events.empty() && reg.undated.empty()) continue;
        const auto& rt = reg.totals;
        out += fmt::format("<section id=\"region-{}\">\n<h2>{}</h2>\n", r, esc(region_label(reg)));
        if (reg.outside && data.has_polygons) {
            out += "<p class=\"note\">Events whose point is in none of the region polygons.</p>\n";
        } else if (reg.outside) {
            out += "<p class=\"note\">Events without a region or first-level division.</p>\n";
        }
        out += fmt::format("<table><tr><th>Events</th><td class=\"n\">{}</td></tr><tr><th>Fatalities</th><td class=\"n\">{}</td></tr>"
                           "<tr><th>Date range covered</th><td>{}</td></tr><tr><th>Undated events</th><td class=\"n\">{}</td></tr></table>\n",
                           count_text(rt.events), fatalities_text(rt), covered_text(rt),
                           count_text(static_cast<std::int64_t>(reg.undated.size())));
        type_tables(out, data, rt);
        places_table(out, rt);
        if (!reg.events.empty()) figures(out, data, r, rt);
        if (!reg.events.empty()) {
            out += fmt::format("<h3>Events ({})</h3>\n", count_text(rt.events));
            event_rows(out, data, reg.events, data.events, false);
        }
        if (!reg.undated.empty()) {
            out += fmt::format("<h3>Undated events ({})</h3>\n", reg.undated.size());
            event_rows(out, data, reg.undated, data.undated, false);
        }
        out += "</section>\n";
    }
    if (!data.undated.empty()) {
        out += fmt::format("<section id=\"undated\">\n<h2>Undated events ({})</h2>\n<p class=\"note\">Events without a date are "
                           "not in the counts, tables and charts above.</p>\n",
                           count_text(static_cast<std::int64_t>(data.undated.size())));
        std::vector<std::size_t> all(data.undated.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        event_rows(out, data, all, data.undated, true);
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace output

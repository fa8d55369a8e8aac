#include "output/report_svg.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <fmt/format.h>

namespace output {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegree = 111.195;  // mean Earth radius 6371 km
constexpr double kMapWidth = 640;          // map area, px
constexpr double kMapMaxHeight = 560;
constexpr double kLegendWidth = 260;
constexpr double kMargin = 10;

// ColorBrewer YlOrRd, five classes; no events: light grey.
constexpr std::array<const char*, 5> kClassColours = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
constexpr const char* kNoEvents = "#f0f0f0";

// The six ACLED types, then further colours for other types in the order of ReportData::event_types.
constexpr std::array<std::pair<std::string_view, const char*>, 6> kAcledColours = {{
    {"Battles", "#d62728"},
    {"Explosions/Remote violence", "#ff7f0e"},
    {"Violence against civilians", "#9467bd"},
    {"Protests", "#1f77b4"},
    {"Riots", "#8c564b"},
    {"Strategic developments", "#2ca02c"},
}};
constexpr std::array<const char*, 8> kOtherColours = {"#17becf", "#e377c2", "#bcbd22", "#7f7f7f",
                                                      "#393b79", "#637939", "#8c6d31", "#843c39"};

std::string num(double v) {
    // one decimal is a tenth of a pixel: enough, and short
    auto s = fmt::format("{:.1f}", v);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

/// The projection of a view: lon/lat to pixels.
struct Projection {
    double west = 0, north = 0, scale = 1, cos_lat = 1, width = 0, height = 0;

    Projection(LonLatBox box) {
        if (box.empty) box.add(0, 0);
        // a point or a line: give it some room
        if (box.east - box.west < 0.05) box.west -= 0.05, box.east += 0.05;
        if (box.north - box.south < 0.05) box.south -= 0.05, box.north += 0.05;
        const double pad_x = (box.east - box.west) * 0.04, pad_y = (box.north - box.south) * 0.04;
        box.west -= pad_x, box.east += pad_x, box.south -= pad_y, box.north += pad_y;
        cos_lat = std::max(0.05, std::cos((box.south + box.north) / 2 * kPi / 180));
        west = box.west;
        north = box.north;
        const double dx = (box.east - box.west) * cos_lat, dy = box.north - box.south;
        scale = std::min(kMapWidth / dx, kMapMaxHeight / dy);
        width = dx * scale;
        height = dy * scale;
    }
    double x(double lon) const { return kMargin + (lon - west) * cos_lat * scale; }
    double y(double lat) const { return kMargin + (north - lat) * scale; }
    double km_per_px() const { return kKmPerDegree / scale; }
};

/// The SVG path of a multipolygon, vertices that fall on the same tenth of a pixel merged.
void append_path(std::string& out, const geo::MultiPolygon& mp, const Projection& proj) {
    const auto ring = [&](const auto& points) {
        long long last_x = LLONG_MIN, last_y = LLONG_MIN;
        std::size_t written = 0;
        for (const auto& p : points) {
            const double x = proj.x(p.x()), y = proj.y(p.y());
            const auto ix = std::llround(x * 10), iy = std::llround(y * 10);
            if (ix == last_x && iy == last_y) continue;
            out += written == 0 ? 'M' : 'L';
            out += num(x);
            out += ' ';
            out += num(y);
            last_x = ix, last_y = iy;
            ++written;
        }
        if (written) out += 'Z';
    };
    for (const auto& poly : mp) {
        ring(poly.outer());
        for (const auto& hole : poly.inners()) ring(hole);
    }
}

/// Upper bounds of the five count classes (equal widths up to the largest count; fewer classes
/// when the largest count is below five).
std::vector<std::int64_t> class_bounds(std::int64_t max_count) {
    std::vector<std::int64_t> bounds;
    const std::int64_t classes = std::min<std::int64_t>(5, std::max<std::int64_t>(1, max_count));
    for (std::int64_t i = 1; i <= classes; ++i) {
        const auto b = (max_count * i + classes - 1) / classes;
        if (bounds.empty() || b > bounds.back()) bounds.push_back(b);
    }
    return bounds;
}

const char* class_colour(std::int64_t count, const std::vector<std::int64_t>& bounds) {
    if (count <= 0) return kNoEvents;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        // spread fewer classes over the whole scale
        const auto colour = bounds.size() == 1 ? 4 : i * 4 / (bounds.size() - 1);
        if (count <= bounds[i]) return kClassColours[colour];
    }
    return kClassColours.back();
}

/// 1, 2 or 5 times a power of ten, at most `v`.
double nice_floor(double v) {
    if (v <= 0) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= v) return m * p;
    }
    return p;
}

/// 1, 2 or 5 times a power of ten, at least `v`.
std::int64_t nice_ceil(std::int64_t v) {
    if (v <= 1) return 1;
    std::int64_t p = 1;
    while (p * 10 < v) p *= 10;
    for (std::int64_t m : {1, 2, 5, 10}) {
        if (m * p >= v) return m * p;
    }
    return 10 * p;
}

std::string date_label(const extract::CivilDate& d, BinWidth bin) {
    return bin == BinWidth::month ? fmt::format("{:04}-{:02}", d.year, d.month) : d.to_iso();
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string type_colour(const ReportData& data, std::string_view type) {
    for (const auto& [name, colour] : kAcledColours) {
        if (name == type) return colour;
    }
    std::size_t other = 0;
    for (const auto& t : data.event_types) {
        bool acled = false;
        for (const auto& [name, colour] : kAcledColours) acled = acled || name == t;
        if (acled) continue;
        if (t == type) return kOtherColours[other % kOtherColours.size()];
        ++other;
    }
    return "#555555";
}

std::string map_svg(const ReportData& data, std::optional<std::size_t> region) {
    // What the map is about: the focus regions and events, and the box they fill.
    std::vector<std::size_t> focus;
    if (region) {
        focus.push_back(*region);
    } else {
        for (std::size_t r = 0; r < data.regions.size(); ++r) focus.push_back(r);
    }
    LonLatBox box;
    for (auto r : focus) box.add(data.regions[r].box);
    const auto in_focus = [&](const ReportEvent& e) { return !region || e.region == *region; };
    for (const auto& e : data.events) {
        if (in_focus(e)) box.add(e.point.lon, e.point.lat);
    }
    if (box.empty) {
        // no events and no polygon: the extent of everything there is
        for (const auto& r : data.regions) box.add(r.box);
    }
    const Projection proj(box);
    const double map_w = proj.width + 2 * kMargin, map_h = proj.height + 2 * kMargin;
    const double total_w = map_w + kLegendWidth;

    std::string out;
    out.reserve(1 << 16);
    const std::string label =
        region ? fmt::format("Map of {}", data.regions[*region].name) : std::string("Map of the whole area");
    out += fmt::format(
        R"(<svg class="map" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}" font-family="sans-serif" font-size="11">)",
        num(total_w), num(std::max(map_h, 300.0)), xml_escape(label));
    out += fmt::format(R"(<title>{}</title>)", xml_escape(label));
    out += fmt::format(R"(<rect x="0" y="0" width="{}" height="{}" fill="#fbfdff" stroke="#999"/>)", num(map_w), num(map_h));
    out += fmt::format(R"(<svg x="0" y="0" width="{0}" height="{1}" viewBox="0 0 {0} {1}">)", num(map_w), num(map_h));

    // Region outlines: the focus shaded by count, the neighbours in grey.
    std::int64_t max_count = 0;
    for (auto r : focus) {
        // only regions drawn as polygons set the scale (not the outside group)
        if (!data.regions[r].geometry.empty()) max_count = std::max(max_count, data.regions[r].totals.events);
    }
    const auto bounds = class_bounds(max_count);
    bool drew_polygons = false;
    LonLatBox view;
    view.add(proj.west, proj.north - proj.height / proj.scale);
    view.add(proj.west + proj.width / proj.scale / proj.cos_lat, proj.north);
    for (std::size_t r = 0; r < data.regions.size(); ++r) {
        const auto& reg = data.regions[r];
        if (reg.geometry.empty()) continue;
        const bool is_focus = !region || r == *region;
        if (!is_focus && !reg.box.intersects(view)) continue;
        out += R"(<path fill-rule="evenodd" d=")";
        append_path(out, reg.geometry, proj);
        if (is_focus) {
            out += fmt::format(R"(" fill="{}" stroke="#444" stroke-width="0.8"><title>{}: {} events</title></path>)",
                               class_colour(reg.totals.events, bounds), xml_escape(reg.name), count_text(reg.totals.events));
        } else {
            out += R"(" fill="#e6e6e6" stroke="#aaa" stroke-width="0.5"/>)";
        }
        drew_polygons = drew_polygons || is_focus;
    }

    // Events: one circle per type and pixel.
    std::unordered_map<std::string_view, std::size_t> type_index;
    for (std::size_t i = 0; i < data.event_types.size(); ++i) type_index.emplace(data.event_types[i], i);
    struct Dot {
        double x, y;
        std::size_t type;
        std::int64_t events = 0, fatalities = 0;
    };
    std::vector<Dot> dots;
    std::unordered_map<std::uint64_t, std::size_t> dot_at;
    std::vector<std::int64_t> type_counts(data.event_types.size(), 0);
    for (const auto& e : data.events) {
        if (!in_focus(e)) continue;
        const double x = proj.x(e.point.lon), y = proj.y(e.point.lat);
        const auto t = type_index.at(e.event_type);
        ++type_counts[t];
        const auto key = (static_cast<std::uint64_t>(std::llround(x) & 0xFFFFF) << 40) |
                         (static_cast<std::uint64_t>(std::llround(y) & 0xFFFFF) << 20) | (t & 0xFFFFF);
        const auto [it, fresh] = dot_at.emplace(key, dots.size());
        if (fresh) dots.push_back({x, y, t});
        auto& d = dots[it->second];
        ++d.events;
        d.fatalities += e.fatalities.value_or(0);
    }
    // the biggest first, so that small ones stay visible on top
    std::stable_sort(dots.begin(), dots.end(), [](const Dot& a, const Dot& b) { return a.events > b.events; });
    std::vector<std::string> colours;
    for (const auto& t : data.event_types) colours.push_back(type_colour(data, t));
    for (const auto& d : dots) {
        const double r = std::min(8.0, 2.0 + std::log2(static_cast<double>(d.events)));
        out += fmt::format(R"(<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="0.9" stroke="#222" stroke-width="0.6"><title>{}: {} events, {} fatalities</title></circle>)",
                           num(d.x), num(d.y), num(r), colours[d.type], xml_escape(data.event_types[d.type]),
                           count_text(d.events), count_text(d.fatalities));
    }

    // Scale bar, bottom left of the map.
    const double km = nice_floor(proj.km_per_px() * std::min(160.0, proj.width / 3));
    const double bar = km / proj.km_per_px();
    const double bx = kMargin + 8, by = map_h - kMargin - 8;
    out += fmt::format(R"(<g class="scale"><rect x="{}" y="{}" width="{}" height="22" fill="#fff" fill-opacity="0.8"/>)",
                       num(bx - 4), num(by - 16), num(bar + 8));
    out += fmt::format(R"(<path d="M{0} {1}v4H{2}v-4" fill="none" stroke="#000" stroke-width="1.5"/>)", num(bx), num(by),
                       num(bx + bar));
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{} km</text></g>)", num(bx + bar / 2), num(by - 4),
                       km >= 1 ? count_text(static_cast<std::int64_t>(km)) : fmt::format("{:g}", km));
    out += "</svg>";

    // Legend, right of the map.
    double ly = 20;
    const double lx = map_w + 12;
    const auto heading = [&](std::string_view text) {
        out += fmt::format(R"(<text x="{}" y="{}" font-weight="bold">{}</text>)", num(lx), num(ly), xml_escape(text));
        ly += 16;
    };
    if (drew_polygons) {
        heading("Events per region");
        const auto swatch = [&](const char* fill, const std::string& text) {
            out += fmt::format(R"(<rect x="{}" y="{}" width="16" height="11" fill="{}" stroke="#444" stroke-width="0.5"/>)", num(lx),
                               num(ly - 9), fill);
            out += fmt::format(R"(<text x="{}" y="{}">{}</text>)", num(lx + 22), num(ly), xml_escape(text));
            ly += 15;
        };
        swatch(kNoEvents, "0");
        std::int64_t low = 1;
        for (const auto b : bounds) {
            if (max_count == 0) break;
            swatch(class_colour(b, bounds), low == b ? count_text(b) : fmt::format("{}–{}", count_text(low), count_text(b)));
            low = b + 1;
        }
        ly += 8;
    } else {
        for (const char* line : {"No region outlines:", "events drawn at their", "points only."}) {
            out += fmt::format(R"(<text x="{}" y="{}" font-style="italic">{}</text>)", num(lx), num(ly), line);
            ly += 14;
        }
        ly += 8;
    }
    heading("Event types");
    for (std::size_t t = 0; t < data.event_types.size(); ++t) {
        if (type_counts[t] == 0) continue;
        out += fmt::format(R"(<circle cx="{}" cy="{}" r="5" fill="{}"/>)", num(lx + 6), num(ly - 4), colours[t]);
        auto name = data.event_types[t].empty() ? std::string("(no type)") : data.event_types[t];
        if (name.size() > 26) name = name.substr(0, 25) + "…";
        out += fmt::format(R"(<text x="{}" y="{}">{} ({})</text>)", num(lx + 16), num(ly), xml_escape(name),
                           count_text(type_counts[t]));
        ly += 15;
    }
    if (dots.empty()) {
        out += fmt::format(R"(<text x="{}" y="{}" font-style="italic">no dated events</text>)", num(lx), num(ly));
        ly += 15;
    }
    ly += 6;
    out += fmt::format(R"(<text x="{}" y="{}" fill="#555">Circle area grows with</text>)", num(lx), num(ly));
    out += fmt::format(R"(<text x="{}" y="{}" fill="#555">the events at a point.</text>)", num(lx), num(ly + 14));
    out += fmt::format(R"(<text x="{}" y="{}" fill="#555">Lon/lat, scaled by cos {:.1f}°.</text>)", num(lx), num(ly + 28),
                       std::acos(proj.cos_lat) * 180 / kPi);
    out += "</svg>";
    return out;
}

std::string chart_svg(const ReportTotals& totals, BinWidth bin) {
    constexpr double kWidth = 760, kHeight = 220, kLeft = 52, kRight = 12, kTop = 24, kBottom = 38;
    const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    const char* per = bin == BinWidth::day ? "day" : bin == BinWidth::week ? "week" : "month";
    std::string out;
    out += fmt::format(
        R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Events per {2}" font-family="sans-serif" font-size="11">)",
        num(kWidth), num(kHeight), per);
    out += fmt::format(R"(<title>Events per {}</title>)", per);
    out += fmt::format(R"(<text x="{}" y="14" font-weight="bold">Events per {}</text>)", num(kLeft), per);
    const auto& series = totals.series;
    std::int64_t max_events = 0;
    for (const auto& b : series) max_events = std::max(max_events, b.events);
    const auto top = nice_ceil(max_events);
    // axes and grid
    for (int i = 0; i <= 2; ++i) {
        const double y = kTop + plot_h - plot_h * i / 2;
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.6"/>)", num(kLeft), num(y),
                           num(kLeft + plot_w), num(y), i == 0 ? "#000" : "#ccc");
        const auto value = top * i / 2;
        if (i == 1 && top % 2 != 0) continue;
        out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", num(kLeft - 4), num(y + 4), count_text(value));
    }
    if (series.empty()) {
        out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" font-style="italic">no dated events</text></svg>)",
                           num(kLeft + plot_w / 2), num(kTop + plot_h / 2));
        return out;
    }
    const double step = plot_w / static_cast<double>(series.size());
    const double gap = step > 4 ? 1 : 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const auto& b = series[i];
        if (b.events == 0) continue;
        const double h = plot_h * static_cast<double>(b.events) / static_cast<double>(top);
        out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#c0392b"><title>{}: {} events, {} fatalities</title></rect>)",
                           num(kLeft + step * static_cast<double>(i)), num(kTop + plot_h - h), num(std::max(0.5, step - gap)),
                           num(h), date_label(b.start, bin), count_text(b.events), count_text(b.fatalities));
    }
    // dates along the axis: the first bin, the last, and a few between
    const std::size_t labels = std::min<std::size_t>(series.size(), 6);
    std::size_t last_index = SIZE_MAX;
    for (std::size_t k = 0; k < labels; ++k) {
        const std::size_t i = labels == 1 ? 0 : k * (series.size() - 1) / (labels - 1);
        if (i == last_index) continue;
        last_index = i;
        const double x = kLeft + step * (static_cast<double>(i) + 0.5);
        out += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#000" stroke-width="0.6"/>)", num(x),
                           num(kTop + plot_h), num(kTop + plot_h + 4));
        const char* anchor = k == 0 ? "start" : k + 1 == labels ? "end" : "middle";
        out += fmt::format(R"(<text x="{}" y="{}" text-anchor="{}">{}</text>)", num(k == 0 ? x - step / 2 : k + 1 == labels ? x + step / 2 : x),
                           num(kTop + plot_h + 16), anchor, date_label(series[i].start, bin));
    }
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" fill="#555">{} bins, first day of each shown</text>)",
                       num(kLeft + plot_w), num(kHeight - 4), series.size());
    out += "</svg>";
    return out;
}

}  // namespace output

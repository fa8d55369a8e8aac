// bench_report [EVENTS] [--keep DIR]: times `geoevents report` on a synthetic events layer of
// EVENTS events (default 100,000) and 100 square regions, phase by phase, through the library
// calls the command makes.
//
// The data: a 10 x 10 grid of one-degree squares (lon 35-45, lat 30-40) as a GeoJSON regions layer
// with NAME and PCODE; 2,000 invented places ("Place 0001"...) at fixed random points of the grid's
// box and a little beyond (about 4% fall outside every square); events at those places, a year of
// dates (2016; one in 50 a span of up to six days, one in 100 undated), the six ACLED types with
// two sub-types each, fatalities 0-20 (one in 10 unknown), one to three sources each out of
// 20,000 articles. Written with output::write_layers as `map --format gpkg` and GeoJSON would
// write them (the fields the report reads). Fixed seed: the same data on every run.
//
// Phases: read the events (GeoPackage, then GeoJSON), read the regions, build the report
// (region assignment, filters, counts), write the HTML (with the regions layer), write the
// Markdown (with its SVG files). The total is what `geoevents report` does on the GeoPackage with
// --regions and -o report.html (read events, read regions, build, write the page and layer).
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "output/event_reader.hpp"
#include "output/layer_writer.hpp"
#include "output/region_layer.hpp"
#include "output/report_data.hpp"
#include "output/report_writer.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

const char* const kTypes[6][3] = {
    {"Battles", "Armed clash", "Government regains territory"},
    {"Explosions/Remote violence", "Air/drone strike", "Shelling/artillery/missile attack"},
    {"Violence against civilians", "Attack", "Abduction/forced disappearance"},
    {"Protests", "Peaceful protest", "Protest with intervention"},
    {"Riots", "Violent demonstration", "Mob violence"},
    {"Strategic developments", "Looting/property destruction", "Arrests"},
};

void write_inputs(const fs::path& dir, std::size_t count) {
    using output::FieldType;
    std::mt19937_64 rng(20161120);
    std::uniform_real_distribution<double> lon(34.8, 45.2), lat(29.8, 40.2);
    struct Place {
        std::string id, name;
        double lat, lon;
    };
    std::vector<Place> places;
    for (int i = 0; i < 2000; ++i) places.push_back({fmt::format("bench:{}", i), fmt::format("Place {:04}", i), lat(rng), lon(rng)});

    output::LayerSpec regions_spec{"regions", output::GeometryKind::polygon, {{"NAME", FieldType::string, ""}, {"PCODE", FieldType::string, ""}}, "", ""};
    std::vector<output::Feature> squares;
    for (int x = 0; x < 10; ++x) {
        for (int y = 0; y < 10; ++y) {
            output::Feature f;
            const int w = 35 + x, s = 30 + y;
            f.polygon_wkt = fmt::format("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))", w, s, w + 1, s + 1);
            f.values = {fmt::format("Region {}-{}", x, y), fmt::format("BR{:02}", x * 10 + y)};
            squares.push_back(std::move(f));
        }
    }
    output::write_layers(dir, {{regions_spec, std::move(squares)}}, {output::Format::geojson, true});

    output::LayerSpec spec{"events", output::GeometryKind::point,
                           {{"event_id", FieldType::string, ""},   {"event_date", FieldType::date, ""},
                            {"date_start", FieldType::date, ""},   {"date_end", FieldType::date, ""},
                            {"event_type", FieldType::string, ""}, {"sub_event_type", FieldType::string, ""},
                            {"admin1", FieldType::string, ""},     {"location", FieldType::string, ""},
                            {"place_id", FieldType::string, ""},   {"latitude", FieldType::real, ""},
                            {"longitude", FieldType::real, ""},    {"fatalities", FieldType::integer, ""},
                            {"sources", FieldType::string, ""}},
                           "event_id", ""};
    std::uniform_int_distribution<int> place_of(0, 1999), day_of(0, 365), type_of(0, 5), sub_of(1, 2), dead(0, 20),
        span(1, 6), article(0, 19999), percent(0, 99), nsources(1, 3);
    const auto first = extract::CivilDate{2016, 1, 1};
    std::vector<output::Feature> events;
    events.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& p = places[static_cast<std::size_t>(place_of(rng))];
        const auto start = first.plus_days(day_of(rng));
        const auto end = percent(rng) < 2 ? start.plus_days(span(rng)) : start;
        const bool undated = percent(rng) < 1;
        const auto t = type_of(rng);
        std::string sources;
        for (int s = nsources(rng); s > 0; --s) sources += fmt::format("{}art{:05}", sources.empty() ? "" : ";", article(rng));
        output::Feature f;
        f.lat = p.lat;
        f.lon = p.lon;
        const output::FieldValue none;
        f.values = {fmt::format("ev{:07}", i),
                    undated ? none : output::FieldValue{start.to_iso()},
                    undated ? none : output::FieldValue{start.to_iso()},
                    undated ? none : output::FieldValue{end.to_iso()},
                    std::string(kTypes[t][0]),
                    std::string(kTypes[t][sub_of(rng)]),
                    fmt::format("Province {}", static_cast<int>(p.lon) % 7),
                    p.name,
                    p.id,
                    p.lat,
                    p.lon,
                    percent(rng) < 10 ? none : output::FieldValue{std::int64_t{dead(rng)}},
                    sources};
        events.push_back(std::move(f));
    }
    const std::vector<output::LayerData> layers = {{spec, std::move(events)}};
    output::write_layers(dir / "gpkg", layers, {output::Format::gpkg, true});
    output::write_layers(dir / "geojson", layers, {output::Format::geojson, true});
}

std::string size_of(const fs::path& p) {
    std::error_code ec;
    const auto bytes = fs::file_size(p, ec);
    return ec ? std::string("?") : fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 100'000;
    fs::path keep;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep" && i + 1 < argc) {
            keep = argv[++i];
        } else {
            count = std::stoul(arg);
        }
    }
    const fs::path dir = keep.empty() ? fs::temp_directory_path() / fmt::format("bench-report-{}", ::getpid()) : keep;
    fs::create_directories(dir);
    try {
        auto t = Clock::now();
        write_inputs(dir, count);
        std::cerr << fmt::format("generated {} events in {:.2f} s ({})\n", count, seconds_since(t), dir.string());

        fmt::print("| Phase | Time | Note |\n|---|---:|---|\n");
        t = Clock::now();
        const auto events_json = output::read_events(dir / "geojson" / "events.geojson");
        fmt::print("| read events (GeoJSON) | {:.2f} s | {}; not in the total |\n", seconds_since(t),
                   size_of(dir / "geojson" / "events.geojson"));
        const auto total = Clock::now();
        t = Clock::now();
        const auto events = output::read_events(dir / "gpkg" / "layers.gpkg");
        fmt::print("| read events (GeoPackage) | {:.2f} s | {} events, {} |\n", seconds_since(t), events.events.size(),
                   size_of(dir / "gpkg" / "layers.gpkg"));
        t = Clock::now();
        const auto regions = output::read_region_layer({(dir / "regions.geojson").string(), ""}, {"NAME", "PCODE"});
        fmt::print("| read regions | {:.3f} s | {} squares |\n", seconds_since(t), regions.regions.size());
        t = Clock::now();
        const auto data = output::build_report(events, &regions, {});
        fmt::print("| build report (assign, count) | {:.3f} s | {} dated, {} undated, outside the regions: {} |\n",
                   seconds_since(t), data.totals.events, data.undated.size(),
                   data.regions.back().outside ? data.regions.back().totals.events : 0);
        t = Clock::now();
        output::write_report(data, dir / "out" / "report.html", {output::ReportFormat::html, true, output::Format::geojson});
        fmt::print("| write HTML + regions layer | {:.2f} s | {} |\n", seconds_since(t), size_of(dir / "out" / "report.html"));
        fmt::print("| total (GeoPackage in, HTML out: what `geoevents report` does) | {:.2f} s | |\n", seconds_since(total));
        t = Clock::now();
        output::write_report(data, dir / "out" / "report.md", {output::ReportFormat::markdown, true, output::Format::geojson});
        fmt::print("| write Markdown + SVG files | {:.2f} s | {}; not in the total |\n", seconds_since(t),
                   size_of(dir / "out" / "report.md"));

        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print("\npeak resident memory: {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024);
        (void)events_json;
    } catch (const std::exception& e) {
        std::cerr << "bench_report: " << e.what() << '\n';
        if (keep.empty()) fs::remove_all(dir);
        return 1;
    }
    if (keep.empty()) fs::remove_all(dir);
    return 0;
}

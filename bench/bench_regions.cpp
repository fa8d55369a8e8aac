// bench_regions [BOUNDARIES_DIR]: Google Benchmark of region assignment (geo::RegionIndex) on real
// boundary layers, single-threaded unless a name says threads:2.
//
//   BM_ReadLayer/L     output::read_region_layer (GDAL, validity checks and repairs), once
//   BM_BuildIndex/L    geo::RegionIndex construction from the layer's regions
//   BM_Locate/L        RegionIndex::locate on random points of the layer's extent
//   BM_LocateBoost/L   the plain way, for comparison: an R-tree of the regions' boxes and
//                      boost::geometry::within on each candidate (lowest index first)
//
// L is a layer of BOUNDARIES_DIR (else $GEOEVENTS_BENCH_BOUNDARIES, else ../shared/data/boundaries
// beside the source tree): syria_adm1 (OCHA COD-AB, 14 governorates), syria_adm2 (OCHA 2015, 61
// districts), ne_adm1 (Natural Earth 10m admin-1, 4,855 divisions). A missing layer is skipped with
// a message. Points: 2^20 uniform in the layer's bounding box, drawn with splitmix64 from a fixed
// seed, cycled in the same order by every benchmark.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <malloc.h>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <fmt/format.h>

#include "geo/region_index.hpp"
#include "output/region_layer.hpp"

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
namespace fs = std::filesystem;

struct LayerSpec {
    const char* label;
    const char* relative_path;
    const char* name_field;
    const char* code_field;
};

constexpr LayerSpec kLayers[] = {
    {"syria_adm1", "syria/syr_admin1_cod_ab.geojson", "ADM1_EN", "ADM1_PCODE"},
    {"syria_adm2", "syria/syr_admin2_ocha2015.geojson", "NAME_EN", "PCODE"},
    {"ne_adm1", "naturalearth/ne_10m_admin_1_states_provinces.geojson", "name", "iso_3166_2"},
};

constexpr std::size_t kPoints = std::size_t{1} << 20;
constexpr std::size_t kCompared = 100'000;  // points checked against boost::geometry::within

/// splitmix64: the same points on every run and with every compiler.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

private:
    std::uint64_t state_;
};

using Box = bg::model::box<geo::LonLatPoint>;
using BoxTree = bgi::rtree<std::pair<Box, std::size_t>, bgi::rstar<16>>;

struct Layer {
    LayerSpec spec;
    fs::path path;
    std::string error;  ///< set when the layer is not there or cannot be read
    output::RegionLayer regions;
    std::vector<geo::MultiPolygon> shapes;
    std::unique_ptr<geo::RegionIndex> index;
    std::size_t vertices = 0;
    double index_mib = 0;
    std::vector<geo::LatLon> points;
    BoxTree boxes;  ///< for BM_LocateBoost
};

fs::path boundaries_dir(int argc, char** argv) {
    if (argc > 1) return argv[1];
    if (const char* env = std::getenv("GEOEVENTS_BENCH_BOUNDARIES"); env && *env) return env;
    return GEOEVENTS_DEFAULT_BOUNDARIES_DIR;
}

/// The bounding box of the outer rings (holes lie within them).
Box bounding_box(const geo::MultiPolygon& shape) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& polygon : shape) {
        for (const auto& p : polygon.outer()) {
            x0 = std::min(x0, p.x());
            y0 = std::min(y0, p.y());
            x1 = std::max(x1, p.x());
            y1 = std::max(y1, p.y());
        }
    }
    return Box({x0, y0}, {x1, y1});
}

std::size_t heap_in_use() { return mallinfo2().uordblks; }

void load(Layer& l) {
    if (!fs::exists(l.path)) {
        l.error = fmt::format("{} not found (pass the boundaries folder as the argument or set GEOEVENTS_BENCH_BOUNDARIES)",
                              l.path.string());
        return;
    }
    try {
        l.regions = output::read_region_layer({l.path.string(), {}}, {l.spec.name_field, l.spec.code_field});
    } catch (const std::exception& e) {
        l.error = e.what();
        return;
    }
    Box extent = bg::make_inverse<Box>();
    for (std::size_t i = 0; i < l.regions.regions.size(); ++i) {
        const auto& shape = l.regions.regions[i].geometry;
        l.shapes.push_back(shape);
        for (const auto& polygon : shape) {
            l.vertices += polygon.outer().size();
            for (const auto& inner : polygon.inners()) l.vertices += inner.size();
        }
        if (!shape.empty()) {
            const auto box = bounding_box(shape);
            bg::expand(extent, box);
            l.boxes.insert({box, i});
        }
    }
    const std::size_t before = heap_in_use();
    l.index = std::make_unique<geo::RegionIndex>(l.shapes);
    l.index_mib = static_cast<double>(heap_in_use() - before) / (1024.0 * 1024.0);
    Random random(0x726567696f6e73ULL);
    const double x0 = extent.min_corner().x(), y0 = extent.min_corner().y();
    const double w = extent.max_corner().x() - x0, h = extent.max_corner().y() - y0;
    l.points.reserve(kPoints);
    for (std::size_t i = 0; i < kPoints; ++i) {
        const double lon = x0 + w * random.uniform();
        const double lat = y0 + h * random.uniform();
        l.points.push_back({lat, lon});
    }
}

/// The plain answer: the lowest-index region whose polygon holds the point.
std::optional<std::size_t> locate_boost(const Layer& l, const geo::LatLon& p) {
    const geo::LonLatPoint xy(p.lon, p.lat);
    std::optional<std::size_t> best;
    l.boxes.query(bgi::intersects(xy), boost::make_function_output_iterator([&](const auto& v) {
                      if ((!best || v.second < *best) && bg::within(xy, l.shapes[v.second])) best = v.second;
                  }));
    return best;
}

bool ready(benchmark::State& state, const Layer& l) {
    if (l.index) return true;
    state.SkipWithError(l.error.c_str());
    return false;
}

void BM_ReadLayer(benchmark::State& state, const Layer& l) {
    if (!ready(state, l)) return;
    std::size_t regions = 0;
    for (auto _ : state) {
        const auto read = output::read_region_layer({l.path.string(), {}}, {l.spec.name_field, l.spec.code_field});
        regions = read.regions.size();
    }
    state.counters["regions"] = static_cast<double>(regions);
    state.counters["vertices"] = static_cast<double>(l.vertices);
    state.counters["warnings"] = static_cast<double>(l.regions.warnings.size());
    state.counters["errors"] = static_cast<double>(l.regions.errors.size());
}

void BM_BuildIndex(benchmark::State& state, const Layer& l) {
    if (!ready(state, l)) return;
    for (auto _ : state) {
        geo::RegionIndex index(l.shapes);
        benchmark::DoNotOptimize(index);
    }
    state.counters["vertices"] = static_cast<double>(l.vertices);
    state.counters["index_MiB"] = l.index_mib;
}

void BM_Locate(benchmark::State& state, const Layer& l) {
    if (!ready(state, l)) return;
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * (kPoints / 2);
    std::size_t found = 0;
    for (auto _ : state) {
        const auto r = l.index->locate(l.points[i]);
        found += r.has_value();
        benchmark::DoNotOptimize(r);
        if (++i == kPoints) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["hit_rate"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}

void BM_LocateBoost(benchmark::State& state, const Layer& l) {
    if (!ready(state, l)) return;
    std::size_t i = 0, found = 0;
    for (auto _ : state) {
        const auto r = locate_boost(l, l.points[i]);
        found += r.has_value();
        benchmark::DoNotOptimize(r);
        if (++i == kPoints) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["hit_rate"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
    // The same answers: random points are never on a border, where the two rules differ.
    std::size_t mismatches = 0;
    for (std::size_t k = 0; k < kCompared; ++k) mismatches += l.index->locate(l.points[k]) != locate_boost(l, l.points[k]);
    state.counters["mismatches"] = static_cast<double>(mismatches);
    state.counters["compared"] = static_cast<double>(kCompared);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc > 2) {
        fmt::print(stderr, "usage: bench_regions [benchmark options] [BOUNDARIES_DIR]\n");
        return 2;
    }
    const fs::path dir = boundaries_dir(argc, argv);
    benchmark::AddCustomContext("boundaries", dir.string());
    std::vector<std::unique_ptr<Layer>> layers;
    for (const auto& spec : kLayers) {
        auto l = std::make_unique<Layer>();
        l->spec = spec;
        l->path = dir / spec.relative_path;
        load(*l);
        if (!l->error.empty()) fmt::print(stderr, "bench_regions: {}: skipped: {}\n", spec.label, l->error);
        layers.push_back(std::move(l));
    }
    for (const auto& l : layers) {
        const std::string label = l->spec.label;
        const Layer& layer = *l;
        benchmark::RegisterBenchmark(("BM_ReadLayer/" + label).c_str(), BM_ReadLayer, std::cref(layer))
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("BM_BuildIndex/" + label).c_str(), BM_BuildIndex, std::cref(layer))
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("BM_Locate/" + label).c_str(), BM_Locate, std::cref(layer))->Unit(benchmark::kNanosecond);
        benchmark::RegisterBenchmark(("BM_Locate/" + label).c_str(), BM_Locate, std::cref(layer))
            ->Threads(2)
            ->UseRealTime()
            ->Unit(benchmark::kNanosecond);
        benchmark::RegisterBenchmark(("BM_LocateBoost/" + label).c_str(), BM_LocateBoost, std::cref(layer))
            ->Unit(benchmark::kNanosecond);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

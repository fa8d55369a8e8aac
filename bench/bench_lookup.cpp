// bench_lookup: Google Benchmark of reading a gazetteer from memory, single-threaded.
//
//   BM_Startup           construct gazetteer::Gazetteer (open, check, load the lookup index)
//   BM_FindFolded/N      Gazetteer::find_folded on pre-folded keys
//   BM_FoldAndFind/N     fold_name + find_folded on raw names
//   BM_Lookup/N          the ranked Gazetteer::lookup
//
// N is the number of distinct keys cycled through: 10,000 stays in the CPU caches, 100,000 does
// not. 70% of them are names of places of the gazetteer itself (drawn with a fixed seed), 30%
// ordinary English words that name no place (the words that do are left out), in a fixed
// shuffled order. The gazetteer is $GEOEVENTS_BENCH_GAZETTEER, else the one the CLI would use
// ($GEOEVENTS_GAZETTEER, else gazetteer::default_gazetteer_path()); without one every benchmark
// is skipped with a message saying how to get one.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/gazetteer.hpp"

namespace {

// Common words of English news text, lower case; those that name a place are dropped at start-up.
constexpr std::string_view kEnglishWords[] = {
    "the", "and", "that", "have", "with", "this", "from", "they", "would", "there", "their", "what",
    "about", "which", "when", "make", "like", "time", "just", "know", "take", "people", "into",
    "year", "your", "good", "some", "could", "them", "other", "than", "then", "now", "look", "only",
    "come", "over", "think", "also", "back", "after", "use", "two", "how", "our", "work", "first",
    "well", "way", "even", "new", "want", "because", "any", "these", "give", "day", "most", "said",
    "government", "minister", "president", "officials", "killed", "wounded", "attack", "protest",
    "protesters", "police", "forces", "troops", "army", "rebels", "militants", "airstrike",
    "shelling", "clashes", "ceasefire", "agreement", "talks", "election", "parliament", "opposition",
    "statement", "spokesman", "according", "reported", "residents", "civilians", "children",
    "hospital", "village", "district", "province", "border", "crossing", "checkpoint", "convoy",
    "humanitarian", "aid", "refugees", "displaced", "camp", "thousands", "hundreds", "dozens",
    "several", "least", "morning", "evening", "yesterday", "tuesday", "wednesday", "thursday",
    "saturday", "weekend", "week", "month", "earlier", "later", "during", "while", "against",
    "between", "under", "without", "within", "across", "toward", "towards", "near", "outside",
    "inside", "around", "before", "since", "until", "despite", "however", "although", "meanwhile",
    "security", "military", "international", "national", "regional", "local", "foreign", "economic",
    "political", "violence", "demonstration", "demonstrators", "arrested", "detained", "released",
    "injured", "casualties", "explosion", "bomb", "vehicle", "building", "market", "school",
    "mosque", "church", "bridge", "road", "highway", "airport", "port", "factory", "office",
    "ministry", "council", "committee", "commission", "coalition", "alliance", "movement", "group",
    "organization", "agency", "reuters", "associated", "press", "told", "says", "added", "warned",
    "called", "denied", "confirmed", "announced", "launched", "carried", "continued", "remained",
    "increased", "decreased", "percent", "million", "billion", "dollars", "prices", "fuel", "food",
    "water", "electricity", "shortages", "strike", "workers", "union", "students", "teachers",
    "doctors", "farmers", "journalists", "activists", "leaders", "members", "supporters",
    "witnesses", "sources", "analysts", "experts", "observers", "monitors", "investigation",
    "report", "reports", "claims", "allegations", "charges", "trial", "court", "judge", "sentence",
};

constexpr std::size_t kSampleSizes[] = {10'000, 100'000};

/// splitmix64: a fixed stream, so every run draws the same places.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }

private:
    std::uint64_t state_;
};

/// Names to look up: raw (as text spells them) and folded, in the same order.
struct Sample {
    std::vector<std::string> raw;
    std::vector<std::string> folded;
    double hit_rate = 0.0;  ///< share of folded keys with at least one place
};

/// What every benchmark reads: the gazetteer (or why there is none) and the samples.
struct Context {
    std::filesystem::path path;
    std::unique_ptr<gazetteer::Gazetteer> gazetteer;
    std::string error;  ///< set when there is no gazetteer
    std::map<std::size_t, Sample> samples;
};

std::filesystem::path gazetteer_path() {
    if (const char* env = std::getenv("GEOEVENTS_BENCH_GAZETTEER"); env && *env) return env;
    return gazetteer::resolve_gazetteer_path("");  // throws, saying how to build one, when missing
}

Sample make_sample(const gazetteer::Gazetteer& g, std::size_t size) {
    std::vector<std::string> misses;
    for (const auto word : kEnglishWords) {
        if (g.find_folded(word).postings.empty()) misses.emplace_back(word);
    }
    Random random(0x6c6f6f6b7570ULL + size);
    std::vector<std::pair<std::string, std::string>> entries;  // raw, folded
    const auto places = g.index().place_count();
    const std::size_t n_hits = size * 7 / 10;
    while (entries.size() < n_hits && places > 0) {
        const auto place = g.place(static_cast<std::uint32_t>(random.below(places)));
        auto folded = gazetteer::fold_name(place.name);
        if (!folded.empty()) entries.emplace_back(std::string(place.name), std::move(folded));
    }
    while (entries.size() < size && !misses.empty()) {
        std::string raw = misses[random.below(misses.size())];
        std::string folded = raw;
        if (random.below(3) == 0) raw[0] = static_cast<char>(raw[0] - 'a' + 'A');  // sentence start
        entries.emplace_back(std::move(raw), std::move(folded));
    }
    for (std::size_t i = entries.size(); i > 1; --i) std::swap(entries[i - 1], entries[random.below(i)]);

    Sample s;
    std::size_t hits = 0;
    for (auto& [raw, folded] : entries) {
        hits += g.find_folded(folded).postings.empty() ? 0 : 1;
        s.raw.push_back(std::move(raw));
        s.folded.push_back(std::move(folded));
    }
    s.hit_rate = entries.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(entries.size());
    return s;
}

Context make_context() {
    Context ctx;
    try {
        ctx.path = gazetteer_path();
        ctx.gazetteer = std::make_unique<gazetteer::Gazetteer>(ctx.path);
        for (const auto size : kSampleSizes) ctx.samples.emplace(size, make_sample(*ctx.gazetteer, size));
    } catch (const gazetteer::GazetteerError& e) {
        ctx.error = fmt::format("{} (set GEOEVENTS_BENCH_GAZETTEER=FILE, or run bench/run.sh)", e.what());
        ctx.gazetteer.reset();
    }
    return ctx;
}

/// Marks the run skipped and returns false when there is no gazetteer.
bool ready(benchmark::State& state, const Context& ctx) {
    if (ctx.gazetteer) return true;
    state.SkipWithError(ctx.error.c_str());
    return false;
}

void add_sample_counters(benchmark::State& state, const Context& ctx, const Sample& s) {
    state.SetItemsProcessed(state.iterations());
    state.counters["hit_rate"] = s.hit_rate;
    state.counters["keys"] = static_cast<double>(ctx.gazetteer->index().key_count());
}

void BM_Startup(benchmark::State& state, const Context& ctx) {
    if (!ready(state, ctx)) return;
    std::uint32_t keys = 0;
    for (auto _ : state) {
        gazetteer::Gazetteer g(ctx.path);
        keys = g.index().key_count();
        benchmark::DoNotOptimize(keys);
    }
    state.counters["file_MiB"] = static_cast<double>(std::filesystem::file_size(ctx.path)) / (1024.0 * 1024.0);
    state.counters["places"] = static_cast<double>(ctx.gazetteer->index().place_count());
    state.counters["keys"] = static_cast<double>(keys);
}

void BM_FindFolded(benchmark::State& state, const Context& ctx) {
    if (!ready(state, ctx)) return;
    const auto& s = ctx.samples.at(static_cast<std::size_t>(state.range(0)));
    const auto& g = *ctx.gazetteer;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto match = g.find_folded(s.folded[i]);
        benchmark::DoNotOptimize(match);
        if (++i == s.folded.size()) i = 0;
    }
    add_sample_counters(state, ctx, s);
}

void BM_FoldAndFind(benchmark::State& state, const Context& ctx) {
    if (!ready(state, ctx)) return;
    const auto& s = ctx.samples.at(static_cast<std::size_t>(state.range(0)));
    const auto& g = *ctx.gazetteer;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto match = g.find_folded(gazetteer::fold_name(s.raw[i]));
        benchmark::DoNotOptimize(match);
        if (++i == s.raw.size()) i = 0;
    }
    add_sample_counters(state, ctx, s);
}

void BM_Lookup(benchmark::State& state, const Context& ctx) {
    if (!ready(state, ctx)) return;
    const auto& s = ctx.samples.at(static_cast<std::size_t>(state.range(0)));
    const auto& g = *ctx.gazetteer;
    std::size_t i = 0;
    std::size_t candidates = 0;
    for (auto _ : state) {
        const auto found = g.lookup(s.raw[i]);
        candidates += found.size();
        benchmark::DoNotOptimize(found.data());
        if (++i == s.raw.size()) i = 0;
    }
    add_sample_counters(state, ctx, s);
    state.counters["candidates"] = benchmark::Counter(static_cast<double>(candidates), benchmark::Counter::kAvgIterations);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    const Context ctx = make_context();
    benchmark::AddCustomContext("gazetteer", ctx.gazetteer ? ctx.path.string() : "(none: " + ctx.error + ")");

    benchmark::RegisterBenchmark("BM_Startup", BM_Startup, std::cref(ctx))->Unit(benchmark::kMillisecond);
    for (const auto& [name, fn] : {std::pair{"BM_FindFolded", &BM_FindFolded}, std::pair{"BM_FoldAndFind", &BM_FoldAndFind},
                                   std::pair{"BM_Lookup", &BM_Lookup}}) {
        auto* b = benchmark::RegisterBenchmark(name, fn, std::cref(ctx));
        for (const auto size : kSampleSizes) b->Arg(static_cast<std::int64_t>(size));
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

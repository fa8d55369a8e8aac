// bench_geoparse [--mb N] [--threads T] [EXAMPLES_DIR]: times recognition and resolution
// (Geoparser::parse) on a corpus of about N MB built from the project's own example articles,
// with the default gazetteer (or $GEOEVENTS_GAZETTEER). Prints MB/s and articles/s, for N and 2N
// MB to show that time grows linearly with the input.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "bench/example_corpus.hpp"
#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"

namespace {

// Articles of the target size: each is an example article with its paragraphs shuffled, so the
// corpus is not one text repeated verbatim.
std::vector<extract::Document> make_corpus(const std::vector<std::string>& examples, std::size_t bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<extract::Document> docs;
    std::size_t total = 0;
    while (total < bytes) {
        const auto& base = examples[docs.size() % examples.size()];
        extract::Document d;
        d.id = std::to_string(docs.size());
        d.text = bench::shuffled_article(base, rng);
        total += d.text.size();
        docs.push_back(std::move(d));
    }
    return docs;
}

double run(const extract::Geoparser& parser, const std::vector<extract::Document>& docs, int threads, std::size_t& mentions) {
    std::atomic<std::size_t> next{0}, found{0};
    const auto start = std::chrono::steady_clock::now();
    auto work = [&] {
        std::size_t n = 0;
        for (std::size_t i = next++; i < docs.size(); i = next++) n += parser.parse(docs[i]).size();
        found += n;
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    mentions = found;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    double mb = 20;
    int threads = 1;
    std::filesystem::path examples_dir = GEOEVENTS_EXAMPLES_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc) mb = std::atof(argv[++i]);
        else if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
        else examples_dir = a;
    }
    const auto examples = bench::load_examples(examples_dir);
    if (examples.empty()) {
        std::cerr << "bench_geoparse: no .txt articles in " << examples_dir << "\n";
        return 1;
    }
    const auto open_start = std::chrono::steady_clock::now();
    const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(""));
    const auto lexicon = extract::Lexicon::load(extract::Lexicon::default_dir());
    const extract::Geoparser parser(gaz, lexicon);
    const double open_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - open_start).count();
    std::cout << fmt::format("gazetteer {} ({} places) and lexicon ready in {:.3f} s\n", gaz.path().string(),
                             gaz.index().place_count(), open_s);
    for (double size : {mb, 2 * mb}) {
        const auto docs = make_corpus(examples, static_cast<std::size_t>(size * 1e6), 42);
        std::size_t bytes = 0;
        for (const auto& d : docs) bytes += d.text.size();
        std::size_t mentions = 0;
        run(parser, std::vector<extract::Document>(docs.begin(), docs.begin() + std::min<std::size_t>(docs.size(), 50)), 1,
            mentions);  // warm-up
        const double s = run(parser, docs, threads, mentions);
        std::cout << fmt::format("{:6.1f} MB, {:7} articles, {} thread(s): {:6.2f} s  {:6.1f} MB/s  {:8.0f} articles/s  "
                                 "{} mentions\n",
                                 bytes / 1e6, docs.size(), threads, s, bytes / 1e6 / s, docs.size() / s, mentions);
    }
    return 0;
}

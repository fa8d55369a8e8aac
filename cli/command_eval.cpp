#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "extract/evaluate.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/atomic_file.hpp"

namespace cli {
namespace {

nlohmann::json to_json(const extract::GeoparseScores& s) {
    return {{"gold", s.gold},           {"predicted", s.predicted},     {"precision", s.precision},
            {"recall", s.recall},       {"f1", s.f1},                   {"geocoded", s.geocoded},
            {"accuracy_161km", s.accuracy_161}, {"auc", s.auc},        {"mean_error_km", s.mean_error_km},
            {"median_error_km", s.median_error_km}};
}

class Eval : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("corpus", corpus_, "A corpus in its own XML format: LGL or TR-News (<toponym>) or GeoVirus (<location>)")
            ->required()
            ->check(CLI::ExistingFile);
        app.add_flag("--json", json_, "Print the scores as one JSON object");
        app.add_flag("--no-baseline", no_baseline_, "Skip the population-only baseline");
        app.add_option("--details", details_,
                       "Write every missed, spurious and far-off (>161 km) toponym to this TSV file");
    }

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const auto lexicon = extract::Lexicon::load(extract::Lexicon::default_dir());
        extract::CorpusFormat format;
        const auto corpus = extract::read_corpus(corpus_, format);
        std::size_t bytes = 0;
        for (const auto& a : corpus) bytes += a.text.size();

        const extract::Geoparser geoparser(gaz, lexicon);
        const auto started = std::chrono::steady_clock::now();
        std::vector<extract::EvalDetail> details;
        const auto scores = extract::evaluate_corpus(corpus, format, geoparser, details_.empty() ? nullptr : &details);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!details_.empty()) {
            output::AtomicFile out(details_);
            out.write("kind\tarticle\ttext\terror_km\tpredicted\tcontext\n");
            for (const auto& d : details) {
                out.write(fmt::format("{}\t{}\t{}\t{:.0f}\t{}\t{}\n", d.kind, d.article, d.text, d.error_km, d.predicted, d.context));
            }
            out.commit();
        }
        extract::GeoparseScores baseline;
        if (!no_baseline_) {
            const extract::Geoparser population(gaz, lexicon, {.population_baseline = true});
            baseline = extract::evaluate_corpus(corpus, format, population);
        }
        if (json_) {
            nlohmann::json j = {{"corpus", corpus_}, {"articles", corpus.size()}, {"geoevents", to_json(scores)},
                                {"seconds", seconds}};
            if (!no_baseline_) j["population_baseline"] = to_json(baseline);
            std::cout << j.dump() << '\n';
            return 0;
        }
        std::cout << fmt::format("{}: {} articles, {} gold toponyms ({:.2f} MB in {:.2f} s, {:.1f} MB/s)\n\n", corpus_,
                                 corpus.size(), scores.gold, bytes / 1e6, seconds, bytes / 1e6 / seconds);
        std::cout << fmt::format("{:<28} {:>12} {:>20}\n", "", "geoevents", no_baseline_ ? "" : "population baseline");
        auto row = [&](const char* name, double a, double b, const char* f) {
            std::cout << fmt::format("{:<28} {:>12} {:>20}\n", name, fmt::format(fmt::runtime(f), a),
                                     no_baseline_ ? "" : fmt::format(fmt::runtime(f), b));
        };
        row("recognition precision", scores.precision, baseline.precision, "{:.3f}");
        row("recognition recall", scores.recall, baseline.recall, "{:.3f}");
        row("recognition F1", scores.f1, baseline.f1, "{:.3f}");
        row("geocoded (recognised gold)", static_cast<double>(scores.geocoded), static_cast<double>(baseline.geocoded), "{:.0f}");
        row("accuracy@161km", scores.accuracy_161, baseline.accuracy_161, "{:.3f}");
        row("AUC (lower is better)", scores.auc, baseline.auc, "{:.3f}");
        row("mean error km", scores.mean_error_km, baseline.mean_error_km, "{:.0f}");
        row("median error km", scores.median_error_km, baseline.median_error_km, "{:.1f}");
        return 0;
    }

private:
    std::string corpus_;
    bool json_ = false;
    bool no_baseline_ = false;
    std::string details_;
};

}  // namespace

std::unique_ptr<Command> make_eval() { return std::make_unique<Eval>(); }

}  // namespace cli

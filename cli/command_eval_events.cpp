#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "extract/event_eval.hpp"
#include "extract/lexicon.hpp"
#include "output/atomic_file.hpp"

namespace cli {
namespace {

nlohmann::json to_json(const std::map<std::string, extract::ClassScores>& classes) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, c] : classes) {
        out[name] = {{"support", c.support}, {"predicted", c.predicted}, {"correct", c.correct},
                     {"precision", c.precision}, {"recall", c.recall}, {"f1", c.f1}};
    }
    return out;
}

void print_table(const std::string& title, const std::map<std::string, extract::ClassScores>& classes) {
    std::cout << fmt::format("{:<36} {:>7} {:>9} {:>9} {:>6} {:>6}\n", title, "support", "predicted", "precision", "recall", "F1");
    for (const auto& [name, c] : classes) {
        std::cout << fmt::format("{:<36} {:>7} {:>9} {:>9.3f} {:>6.3f} {:>6.3f}\n", name, c.support, c.predicted, c.precision,
                                 c.recall, c.f1);
    }
}

class EvalEvents : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("snippets", snippets_, "Labelled snippets: label<TAB>text a line (CASE 2021 style)")->required();
        app.add_flag("--json", json_, "Print the scores as one JSON object");
        app.add_option("--details", details_, "Write every snippet coded otherwise than labelled to this TSV file");
    }

    int run(const GlobalOptions& global) override {
        const auto snippets = extract::read_labelled_snippets(snippets_);
        if (snippets.empty()) throw std::runtime_error(fmt::format("{}: no labelled snippet", snippets_));
        const auto lex = extract::EventLexicon::load(extract::Lexicon::default_dir());
        std::vector<extract::EventEvalMiss> misses;
        const auto s = extract::evaluate_events(snippets, lex, details_.empty() ? nullptr : &misses);
        if (!details_.empty()) {
            output::AtomicFile out(details_);
            out.write("line\tlabel\tpredicted\ttrigger\ttext\n");
            for (const auto& m : misses) out.write(fmt::format("{}\t{}\t{}\t{}\t{}\n", m.line, m.label, m.predicted, m.trigger, m.text));
            out.commit();
        }
        if (json_) {
            const nlohmann::json j = {{"snippets", s.snippets},
                                      {"type_accuracy", s.type_accuracy},
                                      {"type_macro_f1", s.type_macro_f1},
                                      {"sub_type_snippets", s.sub_type_snippets},
                                      {"sub_type_accuracy", s.sub_type_accuracy},
                                      {"sub_type_macro_f1", s.sub_type_macro_f1},
                                      {"types", to_json(s.types)},
                                      {"sub_types", to_json(s.sub_types)}};
            std::cout << j.dump() << '\n';
            return 0;
        }
        std::cout << fmt::format("{} snippets ({} with a sub-event label)\n", s.snippets, s.sub_type_snippets);
        std::cout << fmt::format("event type:      accuracy {:.3f}  macro-F1 {:.3f}\n", s.type_accuracy, s.type_macro_f1);
        std::cout << fmt::format("sub-event type:  accuracy {:.3f}  macro-F1 {:.3f}\n\n", s.sub_type_accuracy, s.sub_type_macro_f1);
        print_table("event type", s.types);
        std::cout << '\n';
        print_table("sub-event type", s.sub_types);
        if (!global.quiet && !details_.empty()) std::cerr << fmt::format("{} misses written to {}\n", misses.size(), details_);
        return 0;
    }

private:
    std::string snippets_;
    bool json_ = false;
    std::string details_;
};

}  // namespace

std::unique_ptr<Command> make_eval_events() { return std::make_unique<EvalEvents>(); }

}  // namespace cli

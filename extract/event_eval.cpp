#include "extract/event_eval.hpp"

#include <string_view>

#include <fmt/format.h>

#include "extract/event_coding.hpp"
#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"

namespace extract {
namespace {

constexpr std::string_view kNone = "None";

void finish(std::map<std::string, ClassScores>& classes, double& macro_f1) {
    double sum = 0;
    std::size_t n = 0;
    for (auto& [name, c] : classes) {
        c.precision = c.predicted ? static_cast<double>(c.correct) / static_cast<double>(c.predicted) : 0.0;
        c.recall = c.support ? static_cast<double>(c.correct) / static_cast<double>(c.support) : 0.0;
        c.f1 = c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0.0;
        if (c.support > 0) {
            sum += c.f1;
            ++n;
        }
    }
    macro_f1 = n ? sum / static_cast<double>(n) : 0.0;
}

}  // namespace

std::vector<LabelledSnippet> read_labelled_snippets(const std::filesystem::path& path) {
    std::vector<LabelledSnippet> out;
    bool first = true;
    read_table(path, 2, [&](std::vector<std::string>& f, std::uint64_t line) {
        const auto fail = [&](const std::string& message) { throw gazetteer::InputError(path.string(), line, message); };
        const bool header = first && f[0] == "label";
        first = false;
        if (header) return;
        if (f[1].find_first_not_of(" \t\r") == std::string::npos) fail("empty snippet");
        if (f[0] != kNone && acled_event_type_of(f[0]).empty() && !is_acled_event_type(f[0])) {
            fail(fmt::format("label '{}' is neither one of ACLED's event or sub-event types nor None", f[0]));
        }
        out.push_back({std::move(f[0]), std::move(f[1]), line});
    });
    return out;
}

EventEvalScores evaluate_events(const std::vector<LabelledSnippet>& snippets, const EventLexicon& lex,
                                std::vector<EventEvalMiss>* misses) {
    EventEvalScores scores;
    std::size_t type_right = 0;
    std::size_t sub_right = 0;
    for (const auto& s : snippets) {
        std::string trigger;
        const auto coding = classify_snippet(s.text, lex, &trigger);
        const std::string predicted_sub = coding ? coding->sub_event_type : std::string(kNone);
        const std::string predicted_type = coding ? coding->event_type : std::string(kNone);
        const bool label_is_sub = s.label == kNone || !acled_event_type_of(s.label).empty();
        const std::string gold_type = s.label == kNone ? std::string(kNone)
                                      : label_is_sub   ? std::string(acled_event_type_of(s.label))
                                                       : s.label;
        ++scores.snippets;
        auto& gt = scores.types[gold_type];
        ++gt.support;
        ++scores.types[predicted_type].predicted;
        if (gold_type == predicted_type) {
            ++gt.correct;
            ++type_right;
        }
        bool right = gold_type == predicted_type;
        if (label_is_sub) {
            ++scores.sub_type_snippets;
            auto& gs = scores.sub_types[s.label];
            ++gs.support;
            ++scores.sub_types[predicted_sub].predicted;
            right = s.label == predicted_sub;
            if (right) {
                ++gs.correct;
                ++sub_right;
            }
        }
        if (!right && misses) misses->push_back({s.line, s.label, label_is_sub ? predicted_sub : predicted_type, trigger, s.text});
    }
    if (scores.snippets) scores.type_accuracy = static_cast<double>(type_right) / static_cast<double>(scores.snippets);
    if (scores.sub_type_snippets) {
        scores.sub_type_accuracy = static_cast<double>(sub_right) / static_cast<double>(scores.sub_type_snippets);
    }
    finish(scores.sub_types, scores.sub_type_macro_f1);
    finish(scores.types, scores.type_macro_f1);
    return scores;
}

}  // namespace extract

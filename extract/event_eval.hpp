#pragma once
// `geoevents eval-events`: scores the event coding (extract/event_coding.hpp) against snippets
// labelled in the CASE 2021 style, one snippet and its ACLED-like label a line.
//
// The file is UTF-8, tab-separated, '#' comments and blank lines skipped, an optional header
// "label<TAB>text":
//
//     Air/drone strike<TAB>Jets hit the market town twice before dawn.
//     Protests<TAB>Teachers marched on the ministry for a third day.
//     None<TAB>The council will meet again next month.
//
// A label is one of ACLED's sub-event types (scored at both levels), one of its six event types
// (scored at the event-type level only) or "None" (no event).
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/event_lexicon.hpp"

namespace extract {

struct LabelledSnippet {
    std::string label;  ///< as written
    std::string text;
    std::uint64_t line = 0;
};

/// Reads a labelled file. Throws gazetteer::InputError naming the file and line for a missing
/// file, bad bytes, a line without exactly two tab-separated fields, an empty text, or a label
/// that is neither ACLED's nor "None".
std::vector<LabelledSnippet> read_labelled_snippets(const std::filesystem::path& path);

struct ClassScores {
    std::size_t support = 0;    ///< gold snippets of the class
    std::size_t predicted = 0;  ///< snippets predicted as the class
    std::size_t correct = 0;
    double precision = 0, recall = 0, f1 = 0;
};

struct EventEvalScores {
    std::size_t snippets = 0;
    double type_accuracy = 0;        ///< event type (or None) right, over all snippets
    std::size_t sub_type_snippets = 0;  ///< snippets labelled with a sub-event type or None
    double sub_type_accuracy = 0;    ///< sub-event type (or None) right, over those
    double sub_type_macro_f1 = 0;    ///< mean F1 over the sub-event classes (and None) with support
    double type_macro_f1 = 0;        ///< mean F1 over the event types (and None) with support
    std::map<std::string, ClassScores> sub_types;  ///< per sub-event type, "None" included
    std::map<std::string, ClassScores> types;      ///< per event type, "None" included
};

/// One snippet whose prediction differs from its label (at the label's level).
struct EventEvalMiss {
    std::uint64_t line = 0;
    std::string label;
    std::string predicted;  ///< sub-event type (or event type for a type label), or "None"
    std::string trigger;    ///< the trigger words of the prediction, or empty
    std::string text;
};

/// Codes every snippet with classify_snippet() and scores it; fills `misses` when given.
EventEvalScores evaluate_events(const std::vector<LabelledSnippet>& snippets, const EventLexicon& lex,
                                std::vector<EventEvalMiss>* misses = nullptr);

}  // namespace extract

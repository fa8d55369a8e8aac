#pragma once
// Coding a sentence's event in ACLED's vocabulary, apart from its place: which triggers count
// (not cancelled), the actors, and the sub-event type that depends on them. Shared by the event
// extractor and by `geoevents eval-events`, which scores this coding on labelled snippets.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/event_lexicon.hpp"
#include "extract/sentence_words.hpp"

namespace extract {

using TriggerMatch = Match<EventLexicon::Trigger>;
using ActorMatch = Match<EventLexicon::Actor>;

/// The trigger phrases of sentence `s`, longest first, left to right, less those inside a longer
/// actor name ("riot police"); those with a cancel cue up to kCancelReach words before them go
/// to `cancelled` (when not null) instead. The actor phrases of `s` (find_phrases with
/// lex.actors()) go to `actors` when it is not null, which is left empty when `s` has no trigger
/// phrase at all.
inline constexpr std::size_t kCancelReach = 4;
std::vector<TriggerMatch> live_triggers(const std::vector<Word>& words, const Sentence& s, const EventLexicon& lex,
                                        std::vector<TriggerMatch>* cancelled = nullptr,
                                        std::vector<ActorMatch>* actors = nullptr);

/// The highest-precedence trigger (the first among equals), or nullptr when there is none.
const TriggerMatch* strongest(const std::vector<TriggerMatch>& triggers);

struct EventCoding {
    std::string event_type;
    std::string sub_event_type;
    std::string actor1;  ///< empty when none
    std::string actor2;
};

/// Codes `trigger` with the actors of `part` (words [part.first_word, part.last_word)):
/// actor1 is the actor named after "by" following the trigger (passive voice), else the first
/// actor before it; civilians are never actor1. actor2 is the first other actor of the part; for
/// "Violence against civilians" with no actor2, "Civilians". A sub-event type "A|B" (territory
/// changes) is A when actor1 is a state force, else B.
EventCoding code_event(const std::vector<Word>& words, const Sentence& part, const TriggerMatch& trigger,
                       const EventLexicon& lex);
/// The same with the actor phrases of `part` found already (find_phrases(words, part,
/// lex.actors()), as live_triggers() hands them out for a whole sentence).
EventCoding code_event(const std::vector<Word>& words, const Sentence& part, const TriggerMatch& trigger,
                       const EventLexicon& lex, const std::vector<ActorMatch>& actors);

/// The coding of a snippet as a whole (CASE 2021 style: one label a snippet): the
/// highest-precedence live trigger of all its sentences, coded with its sentence's actors;
/// nullopt when it has none. The trigger's words go to `trigger_text` when not null.
std::optional<EventCoding> classify_snippet(std::string_view text, const EventLexicon& lex,
                                            std::string* trigger_text = nullptr);

}  // namespace extract

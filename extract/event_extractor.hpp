#pragma once
// Events from an article: sentences that report something happening (a trigger word from
// extract/data/event_triggers.tsv) at a place the geoparser found, coded in ACLED's vocabulary.
//
// Lifecycle: EventLexicon::load() once, then share it read-only; extract_events() and
// merge_events() are pure functions, safe to call from any number of threads.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/casualty_counts.hpp"
#include "extract/document.hpp"
#include "extract/event.hpp"
#include "extract/mention.hpp"

namespace extract {

/// The trigger phrases, actor aliases and cancel cues events are read with. Built by load(),
/// then immutable.
class EventLexicon {
public:
    /// Reads event_triggers.tsv, actors.tsv and event_cancel_cues.txt from `dir` (the folder of
    /// Lexicon::default_dir()). Throws gazetteer::InputError naming the file and line for a
    /// missing file, a wrong number of columns, an event type or sub-event type that is not
    /// ACLED's (or a sub-event type of another event type), a precedence that is not a whole
    /// number, an unknown actor kind, or a phrase listed twice in one file.
    static EventLexicon load(const std::filesystem::path& dir);

    struct Trigger {
        std::string event_type;
        std::string sub_event_type;        ///< the sub-type, or the state-actor variant of "A|B"
        std::string sub_event_type_other;  ///< "B" of "A|B": used unless actor1 is a state force; else empty
        int precedence = 0;
    };
    enum class ActorKind : std::uint8_t { state, non_state, civilians, other };
    struct Actor {
        std::string name;
        ActorKind kind = ActorKind::other;
    };

    /// Lookups take folded phrases (gazetteer::fold_name; words joined by one space); nullptr
    /// when the phrase is not listed. One hash probe.
    const Trigger* trigger(std::string_view folded_phrase) const noexcept;
    const Actor* actor(std::string_view folded_phrase) const noexcept;
    bool is_cancel_cue(std::string_view folded_phrase) const noexcept;

    /// The number of words of the longest phrase in any of the three lists.
    std::size_t longest_phrase() const noexcept { return longest_phrase_; }

private:
    std::unordered_map<std::string, Trigger> triggers_;
    std::unordered_map<std::string, Actor> actors_;
    std::unordered_map<std::string, bool> cancel_cues_;
    std::size_t longest_phrase_ = 1;
};

/// The events `doc` reports, given its place mentions (`mentions`: Geoparser::parse(doc), byte
/// offsets into doc.text). Rules:
///   - Sentences: the text is split where extract::tokenize() marks a sentence start (after
///     '.', '!' or '?', and at every line break) that is preceded by white space, so "1.5"
///     stays whole. Abbreviations such as "Mr." end a sentence.
///   - Trigger: the highest-precedence trigger phrase of the sentence (the first among equals);
///     a trigger with a cancel cue up to three words before it is ignored. At most one event
///     per sentence.
///   - Place: the literal, resolved mention of the sentence nearest the trigger (the later one
///     when two are equally near). Metonymic, demonym, historical and unresolved mentions are
///     never places. A sentence with no mention at all borrows the place of the previous
///     sentence when that sentence had exactly one literal resolved mention; a sentence with
///     only non-literal mentions ("Moscow rejected the truce") has no place and no event.
///   - Date: resolve_date(sentence, doc.published); if the sentence names none, the date of the
///     latest earlier sentence of the article that named one (the story's date); if there is
///     none either, the seven days up to publication (P-6 to P, precision week: news reports
///     events of the last days); nullopt without a publication date.
///   - Casualties: find_casualties(sentence): fatalities, injured, fatalities_total_over_days.
///   - Actors: actor1 is the actor named after "by" following the trigger (passive voice), else
///     the first actor before the trigger; civilians are never actor1. actor2 is the first other
///     actor of the sentence; for "Violence against civilians" with no actor2, "Civilians".
///     A sub-event type "A|B" (territory changes) is A when actor1 is a state force, else B.
///   - Precision: geo_precision (ACLED) 3 for a country or first-level division, 2 for a
///     second-level division or a place qualified by surroundings (outskirts, countryside,
///     suburb, near), else 1 (a town, or a compass part of it). where_prec (UCDP) 7 for a sea
///     or ocean, 6 a country, 5 a compass part of a country, 4 a first-level division, 3 a
///     second-level division, 2 a place qualified by surroundings or compass, else 1.
///   - location_mention: the mention's text with its qualifier written in a canonical form
///     ("eastern Aleppo", "Idlib province", "western countryside of Aleppo", "near Manbij"), so
///     two articles wording it differently give the same text.
///   - event_id: 16 hex digits of gazetteer::hash_key over sub-event type, place id, qualifier
///     and date start and end: the same event reported twice has the same id.
///   - confidence: the mention's confidence, times 0.7 when the place was borrowed.
/// Events with the same id within the article are merged (merge_events). Returned in text
/// order of their first report. Never throws except std::bad_alloc.
std::vector<Event> extract_events(const Document& doc, const std::vector<Mention>& mentions,
                                  const EventLexicon& events, const CasualtyLexicon& casualties);

/// Merges events with the same event_id into one, kept at the position of its first
/// occurrence: the sources of all, ordered by doc_id, one per doc_id (the first given);
/// the lowest known fatalities and injured (unknown counts are ignored; total_over_days follows
/// the kept fatality count); the highest confidence; actors and notes from the first event that
/// has them. O(n log n).
std::vector<Event> merge_events(std::vector<Event> events);

}  // namespace extract

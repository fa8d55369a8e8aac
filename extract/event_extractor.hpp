#pragma once
// Events from an article: sentences that report something happening (a trigger word from
// extract/data/event_triggers.tsv) at a place the geoparser found, coded in ACLED's vocabulary.
//
// extract_events() and merge_events() are pure functions, safe to call from any number of threads.
#include <vector>

#include "extract/casualty_counts.hpp"
#include "extract/codepoints.hpp"
#include "extract/document.hpp"
#include "extract/event.hpp"
#include "extract/event_lexicon.hpp"
#include "extract/mention.hpp"
#include "extract/token.hpp"

namespace extract {

/// The events `doc` reports, given its place mentions (`mentions`: Geoparser::parse(doc), byte
/// offsets into doc.text). Rules:
///   - Sentences: extract/sentence_words.hpp (split_sentences).
///   - Triggers: phrases of event_triggers.tsv, longest first; a trigger with a cancel cue up to
///     four words before it is cancelled.
///   - Places: the sentence's literal, resolved mentions (metonymic, demonym, historical and
///     unresolved mentions never are), less countries and large regions not named as a place
///     (a preposition of scope "all" before them, or a compass or surroundings qualifier:
///     "talks with Russia" is no place, "fighting in Syria" is), less where an actor is based
///     ("a group based in Britain said the strikes..."), less every place that contains
///     another of them named up to 8 words away (event_place.hpp contains(): "Daraya, a suburb
///     of Damascus" is Daraya), less places named after a preposition up to 4 words after a
///     cancelled trigger and nearer it than any other ("talks on ending the fighting in Syria"
///     are not in Syria).
///   - Events of a sentence: each trigger goes to its nearest place (the later one when two are
///     equally near) within a distance of 20 (when no trigger has one, the highest-precedence
///     trigger takes the nearest within 30). Distance: the words between, plus 3 for each
///     punctuation mark or clause conjunction ("while", "but", "as"...) and 1 for each "and"
///     between, so that a trigger reaches into its own clause first; a diplomatic trigger (Strategic
///     developments / Other: talks, visits, press conferences) only a place within a distance of 8,
///     after a preposition
///     of event_place_prepositions.txt or right after the trigger ("visited Damascus"), and not
///     across "that" ("said in a news conference that
///     ... in Aleppo" is not at Aleppo); a place keeps its highest-precedence trigger
///     (the first among equals): an air strike with shelling at one place is an Air/drone strike,
///     "air strikes on eastern Aleppo and shelling of western Aleppo" are two events. A sentence
///     with no mention at all gives its highest-precedence trigger the place of the previous
///     sentence when that sentence had exactly one place; a sentence with only mentions that
///     cannot carry events ("Moscow rejected the truce") has no event.
///   - The words of each event: with several events in a sentence, each gets its part of it, cut
///     at the last clause break (punctuation, "and", "while", "but", "as") between one event's
///     trigger and place and the next's. Dates, casualties and actors are read in that part.
///   - Date: resolve_date(part, doc.published); if it names none, the sentence's date; then the
///     date of the latest earlier sentence of the article that named one (the story's date); if
///     there is none either, the seven days up to publication (P-6 to P, precision week: news
///     reports events of the last days); nullopt without a publication date.
///   - Casualties: find_casualties(part): fatalities, injured, fatalities_total_over_days.
///   - Actors: actor1 is the actor named after "by" following the trigger (passive voice), else
///     the first actor before the trigger; civilians are never actor1. actor2 is the first other
///     actor of the part; for "Violence against civilians" with no actor2, "Civilians".
///     A sub-event type "A|B" (territory changes) is A when actor1 is a state force, else B.
///   - Precision: geo_precision() and where_prec() of event_place.hpp; location_mention() the
///     mention's text with its qualifier in a canonical form.
///   - event_id: 16 hex digits of gazetteer::hash_key over sub-event type, place id, qualifier
///     and date start and end: the same event reported twice has the same id.
///   - confidence: the mention's confidence, times 0.7 when the place was borrowed.
///   - notes: the trigger's words, whether the place was borrowed, and the unresolved literal
///     mentions of the event's part of the sentence ("also named, not resolved: ..."),
///     so that districts a gazetteer lacks are not lost.
/// Events with the same id within the article are merged (merge_events). Returned in text
/// order of their first report. Never throws except std::bad_alloc.
std::vector<Event> extract_events(const Document& doc, const std::vector<Mention>& mentions,
                                  const EventLexicon& events, const CasualtyLexicon& casualties);
/// The same, on the document's tokens made beforehand (tokenize_and_fold(doc.text)), which the
/// geoparser read too.
std::vector<Event> extract_events(const Document& doc, const TokenizedText& tokenized, const std::vector<Mention>& mentions,
                                  const EventLexicon& events, const CasualtyLexicon& casualties);
/// The same, with the document's code-point index made beforehand (CodepointIndex(doc.text)),
/// for callers that need one too.
std::vector<Event> extract_events(const Document& doc, const TokenizedText& tokenized, const CodepointIndex& codepoints,
                                  const std::vector<Mention>& mentions, const EventLexicon& events,
                                  const CasualtyLexicon& casualties);

/// Merges events with the same event_id into one, kept at the position of its first
/// occurrence: the sources of all, ordered by doc_id, one per doc_id (the first given);
/// the lowest known fatalities and injured (unknown counts are ignored; total_over_days follows
/// the kept fatality count); the highest confidence; actors and notes from the first event that
/// has them. O(n log n).
std::vector<Event> merge_events(std::vector<Event> events);

/// What merge_events does to two reports of one event, but the sources: `into` takes the lower
/// known fatality and injury counts, the higher confidence, and the actors and notes of `from`
/// where it has none (moved from `from`).
void merge_event_fields(Event& into, Event& from);

}  // namespace extract

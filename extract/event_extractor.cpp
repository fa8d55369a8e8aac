#include "extract/event_extractor.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <unordered_map>
#include <utility>


#include "extract/codepoints.hpp"
#include "extract/dates.hpp"
#include "extract/event_coding.hpp"
#include "extract/event_place.hpp"
#include "extract/sentence_words.hpp"
#include "extract/token.hpp"
#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {
namespace {

bool usable_place(const Mention& m) { return m.kind == MentionKind::literal && m.place.has_value(); }

// A trigger this far from every place of its sentence (in words) makes no event: "air raids"
// at the start of a long sentence that ends with talks in New York did not happen in New York.
// When no trigger of a sentence has a place that near, its highest-precedence trigger takes the
// nearest place up to this far.
constexpr std::size_t kMaxTriggerDistance = 20;
constexpr std::size_t kMaxFallbackDistance = 30;

// Diplomatic events are told where they happen, near the trigger ("talks in Geneva",
// "negotiations taking place in Ankara").
constexpr std::size_t kDiplomaticReach = 8;

// A place contains another of its sentence only this near (in words): "Manbij in northern
// Syria", "Daraya, a suburb of Damascus"; farther apart, the two are named for different things.
constexpr std::size_t kNestedReach = 8;

// A place this near after a trigger, after a preposition, belongs to it ("the fighting in
// eastern Aleppo").
constexpr std::size_t kAttachedReach = 4;

// A mention that may carry an event, with its words.
struct Candidate {
    const Mention* mention = nullptr;
    std::size_t first = 0;  // words [first, last)
    std::size_t last = 0;
    EventLexicon::PlaceScope preposition = EventLexicon::PlaceScope::none;
};

bool is_clause_word(std::string_view w) {
    return w == "while" || w == "but" || w == "whereas" || w == "although" || w == "when" || w == "as";
}

// How far words [first, last) are from words [a, b): the words between, plus 3 for each
// punctuation mark or clause conjunction ("while", "but", "as"...) and 1 for each "and" between
// them, so that a trigger reaches into its own clause first. 0 when they overlap.
std::size_t word_distance(std::size_t first, std::size_t last, std::size_t a, std::size_t b, const std::vector<Word>& words) {
    std::size_t from = 0;
    std::size_t to = 0;
    if (last <= a) {
        from = last;
        to = a;
    } else if (first >= b) {
        from = b;
        to = first;
    } else {
        return 0;
    }
    std::size_t d = to - from;
    for (std::size_t k = from; k <= to && k < words.size(); ++k) {
        if (words[k].break_before) d += 3;
        if (k < to && is_clause_word(words[k].folded)) d += 3;
        if (k < to && words[k].folded == "and") d += 1;
    }
    return d;
}

// The scope of the preposition before the place's name, over the words that may stand
// between ("in the eastern part of Aleppo", "on the outskirts of"): none when there is none.
EventLexicon::PlaceScope preposition_before(const Candidate& c, const std::vector<Word>& words, const Sentence& s,
                                            const EventLexicon& lex) {
    std::size_t k = c.first;
    for (int skipped = 0; k > s.first_word && !words[k].break_before && skipped <= 4; ++skipped) {
        const auto scope = lex.place_preposition(words[k - 1].folded);
        if (scope != EventLexicon::PlaceScope::none) return scope;
        if (!is_place_filler(words[k - 1].folded)) break;
        --k;
    }
    return EventLexicon::PlaceScope::none;
}

// Whether a country or large region is named as a place ("in Syria", "eastern Syria") rather
// than as an actor or topic ("talks with Russia", "presented by Canada").
bool named_as_place(const Candidate& c) {
    const auto& place = *c.mention->place;
    if (!is_country(place) && !is_large_region(place)) return true;
    const auto& q = c.mention->qualifier;
    return q.compass != Compass::none || q.surroundings != Surroundings::none || c.preposition == EventLexicon::PlaceScope::all;
}

// "a monitoring group based in Britain": where an actor sits, not where anything happened.
bool is_base_of_actor(const Candidate& c, const std::vector<Word>& words, const Sentence& s) {
    if (c.first < s.first_word + 2 || words[c.first].break_before || words[c.first - 1].break_before) return false;
    const auto& verb = words[c.first - 2].folded;
    return verb == "based" || verb == "headquartered";
}

// Diplomatic events (talks, visits, press conferences) happen where a preposition says ("talks
// in Geneva") or at the trigger's object ("visited Damascus"), not at a place they are about:
// never across "that" ("said in a news conference that ... in Aleppo").
bool diplomatic(const EventLexicon::Trigger& t) {
    return t.event_type == "Strategic developments" && t.sub_event_type == "Other";
}
bool can_hold_diplomacy(const Candidate& c, std::size_t trigger_first, std::size_t trigger_last,
                        const std::vector<Word>& words) {
    const bool object = c.first == trigger_last && !words[c.first].break_before;  // "visited Damascus"
    if (c.preposition == EventLexicon::PlaceScope::none && !object) return false;
    const std::size_t from = std::min(c.last, trigger_last);
    const std::size_t to = std::max(c.first, trigger_first);
    for (std::size_t k = from; k < to; ++k) {
        if (words[k].folded == "that") return false;
    }
    return true;
}

// The sentence's mentions that can carry an event: literal and resolved, a country only when
// named as a place, and no place that contains another place named near it ("in Aleppo,
// Syria": Aleppo; "Daraya, a suburb of Damascus": Daraya).
// (`all` is working space; `out` gets the candidates.)
void candidates(const std::vector<const Mention*>& usable, const std::vector<Word>& words, const Sentence& s,
                const EventLexicon& lex, std::vector<Candidate>& all, std::vector<Candidate>& out) {
    all.clear();
    out.clear();
    for (const Mention* m : usable) {
        Candidate c;
        c.mention = m;
        c.first = s.first_word;
        while (c.first < s.last_word && words[c.first].end <= m->start) ++c.first;
        c.last = c.first;
        while (c.last < s.last_word && words[c.last].start < m->end) ++c.last;
        if (c.last == c.first) continue;  // not on word boundaries: cannot happen with tokenize()
        c.preposition = preposition_before(c, words, s, lex);
        if (named_as_place(c) && !is_base_of_actor(c, words, s)) all.push_back(c);
    }
    for (const auto& c : all) {
        const bool container = std::any_of(all.begin(), all.end(), [&](const Candidate& d) {
            const std::size_t gap = d.last <= c.first ? c.first - d.last : d.first >= c.last ? d.first - c.last : 0;
            return gap <= kNestedReach && contains(*c.mention->place, *d.mention->place);
        });
        if (!container) out.push_back(c);
    }
}

// The words of a sentence that belong to each of its events, in text order: an event's words
// reach from the sentence start (or the previous event's boundary) to a boundary between its
// trigger and place and the next event's: the last punctuation between them, else the last
// "and", "while", "but", "as" or "whereas", else the middle.
std::vector<std::pair<std::size_t, std::size_t>> segments(const std::vector<std::pair<std::size_t, std::size_t>>& anchors,
                                                          const std::vector<Word>& words, const Sentence& s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = s.first_word;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        std::size_t end = s.last_word;
        if (i + 1 < anchors.size()) {
            const std::size_t gap_begin = std::max(anchors[i].second, begin);
            const std::size_t gap_end = std::max(anchors[i + 1].first, gap_begin);
            end = gap_begin + (gap_end - gap_begin) / 2;
            bool found_break = false;
            for (std::size_t k = gap_end; k > gap_begin && !found_break; --k) {
                if (words[k - 1].break_before) {
                    end = k - 1;
                    found_break = true;
                }
            }
            for (std::size_t k = gap_end; k > gap_begin && !found_break; --k) {
                const auto& w = words[k - 1].folded;
                if (w == "and" || w == "while" || w == "but" || w == "as" || w == "whereas") {
                    end = k - 1;
                    found_break = true;
                }
            }
            end = std::min(std::max(end, begin + 1), s.last_word);
        }
        out.emplace_back(begin, end);
        begin = end;
    }
    return out;
}

// Tokens [first, last) of the bytes [begin, end) of the text, which start and end on tokens.
std::pair<std::size_t, std::size_t> token_range(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    const auto starts_before = [](const Token& t, std::size_t offset) { return t.start < offset; };
    const auto first = std::lower_bound(tokens.begin(), tokens.end(), begin, starts_before);
    const auto last = std::lower_bound(first, tokens.end(), end, starts_before);
    return {static_cast<std::size_t>(first - tokens.begin()), static_cast<std::size_t>(last - tokens.begin())};
}

std::string event_id(const Event& e) {
    std::string key = e.sub_event_type;
    key += '\x1f';
    key += e.place.place_id;
    key += '\x1f';
    key += e.qualifier.to_string();
    key += '\x1f';
    if (e.date) {
        key += e.date->start.to_iso();
        key += '\x1f';
        key += e.date->end.to_iso();
    }
    std::string id(16, '0');
    auto h = gazetteer::hash_key(key);
    for (std::size_t i = 16; i-- > 0; h >>= 4) id[i] = "0123456789abcdef"[h & 0xf];
    return id;
}

// A trigger with the place it goes to.
struct Found {
    const TriggerMatch* trigger = nullptr;
    const Mention* place = nullptr;
    std::size_t first = 0;  // words of trigger and place together
    std::size_t last = 0;
};

// extract_events()'s working lists, one set a thread: cleared for each document and sentence,
// their memory kept.
struct ExtractBuffers {
    std::vector<Word> words;
    std::vector<Sentence> sentences;
    std::vector<const Mention*> usable;
    std::vector<const Mention*> unresolved;  // names the gazetteer lacks ("the district of X in Aleppo")
    std::vector<TriggerMatch> cancelled;
    std::vector<ActorMatch> actors;  // of the whole sentence
    std::vector<Candidate> all;      // candidates()' working space
    std::vector<Candidate> placed;
    std::vector<Candidate> here;
    std::vector<Found> found;
    std::vector<std::pair<std::size_t, std::size_t>> anchors;
    std::vector<std::optional<std::optional<EventDate>>> sentence_dates;  // per sentence: unread, or its date if any
    std::vector<std::size_t> nearest_dated;  // per sentence: the last dated one up to it (kUnknown, kNone)
};

constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);  // nearest_dated: not yet known
constexpr std::size_t kNone = static_cast<std::size_t>(-2);     // nearest_dated: no sentence up to it is dated

}  // namespace

// ---- extraction ------------------------------------------------------------------------------

std::vector<Event> extract_events(const Document& doc, const std::vector<Mention>& mentions, const EventLexicon& lex,
                                  const CasualtyLexicon& casualty_lexicon) {
    return extract_events(doc, tokenize_and_fold(doc.text), mentions, lex, casualty_lexicon);
}

std::vector<Event> extract_events(const Document& doc, const TokenizedText& tokenized, const std::vector<Mention>& mentions,
                                  const EventLexicon& lex, const CasualtyLexicon& casualty_lexicon) {
    return extract_events(doc, tokenized, CodepointIndex(doc.text), mentions, lex, casualty_lexicon);
}

std::vector<Event> extract_events(const Document& doc, const TokenizedText& tokenized, const CodepointIndex& codepoints,
                                  const std::vector<Mention>& mentions, const EventLexicon& lex,
                                  const CasualtyLexicon& casualty_lexicon) {
    const std::string_view text = doc.text;
    thread_local ExtractBuffers buffers;
    auto& [words, sentences, usable, unresolved, cancelled, actors, all, placed, here, found, anchors, sentence_dates,
           nearest_dated] = buffers;
    words.clear();
    sentences.clear();
    split_sentences(text, tokenized, words, sentences);
    const auto published = CivilDate::from_iso(doc.published);
    // the text in lower case, made when a date is first read (into a buffer kept per thread)
    thread_local std::string lower_buffer;
    std::optional<std::string_view> lower;
    // the date of the text's bytes [begin, end)
    const auto date_of = [&](std::size_t begin, std::size_t end) {
        if (!lower) {
            lower_buffer.resize(text.size());
            ascii_lower_into(text, lower_buffer.data());
            lower = std::string_view(lower_buffer);
        }
        const auto [first, last] = token_range(tokenized.tokens, begin, end);
        return resolve_date(*lower, tokenized.tokens, first, last, published);
    };

    std::vector<Event> events;
    const Mention* previous_single = nullptr;  // the previous sentence's only candidate place
    std::size_t next_mention = 0;              // mentions are in text order

    // Sentences are read for dates only when an event needs them, each at most once: its own
    // sentence, and, when the event names no date, the sentences before it back to the nearest
    // that does (the story's date: the date of the last sentence up to here that names one).
    sentence_dates.assign(sentences.size(), std::nullopt);
    nearest_dated.assign(sentences.size(), kUnknown);
    const auto sentence_date_of = [&](std::size_t k) -> const std::optional<EventDate>& {
        auto& slot = sentence_dates[k];
        if (!slot) slot = date_of(sentences[k].begin, sentences[k].end);
        return *slot;
    };
    const auto story_date_at = [&](std::size_t si) -> std::optional<EventDate> {
        // back from si to a dated sentence or one whose answer is known; then every sentence
        // passed gets the answer, so that no later event walks the same way again
        std::size_t answer = kNone;
        std::size_t k = si + 1;
        while (k-- > 0) {
            if (nearest_dated[k] != kUnknown) {
                answer = nearest_dated[k];
                break;
            }
            if (sentence_date_of(k)) {
                answer = k;
                break;
            }
        }
        for (std::size_t j = si + 1; j-- > 0 && nearest_dated[j] == kUnknown;) nearest_dated[j] = answer;
        return answer == kNone ? std::nullopt : sentence_date_of(answer);
    };

    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Sentence& s = sentences[si];
        const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
        // this sentence's mentions
        while (next_mention < mentions.size() && mentions[next_mention].start < s.begin) ++next_mention;
        usable.clear();
        unresolved.clear();
        bool any_mention = false;
        for (std::size_t k = next_mention; k < mentions.size() && mentions[k].start < s.limit; ++k) {
            any_mention = true;
            if (usable_place(mentions[k])) usable.push_back(&mentions[k]);
            else if (!mentions[k].place && mentions[k].kind == MentionKind::literal) unresolved.push_back(&mentions[k]);
        }
        candidates(usable, words, s, lex, all, placed);
        const Mention* borrowed = any_mention ? nullptr : previous_single;
        previous_single = placed.size() == 1 ? placed.front().mention : nullptr;

        if (placed.empty() && !borrowed) continue;  // no place for an event here

        // the triggers that are not cancelled
        cancelled.clear();
        const auto triggers = live_triggers(words, s, lex, &cancelled, &actors);
        if (triggers.empty()) continue;
        // a place in a prepositional phrase right after a cancelled trigger, and nearer to it than
        // to any other, belongs to it: "talks on ending the fighting in Syria" are not in Syria
        const auto nearest_trigger_cancelled = [&](const Candidate& c) {
            if (c.preposition == EventLexicon::PlaceScope::none) return false;
            std::size_t live = static_cast<std::size_t>(-1);
            std::size_t dead = static_cast<std::size_t>(-1);
            for (const auto& t : triggers) live = std::min(live, word_distance(c.first, c.last, t.first, t.last, words));
            for (const auto& t : cancelled) {
                if (c.first >= t.last && c.first - t.last <= kAttachedReach) {
                    dead = std::min(dead, word_distance(c.first, c.last, t.first, t.last, words));
                }
            }
            return dead < live;
        };
        here.clear();
        for (const auto& c : placed) {
            if (!nearest_trigger_cancelled(c)) here.push_back(c);
        }

        // each trigger goes to its nearest place (the later one when two are equally near); a
        // place keeps its highest-precedence trigger (the first among equals)
        found.clear();
        const auto nearest = [&](const TriggerMatch& t, std::size_t max_distance) -> const Candidate* {
            const Candidate* best = nullptr;
            std::size_t best_distance = 0;
            for (const auto& c : here) {
                const auto d = word_distance(c.first, c.last, t.first, t.last, words);
                if (diplomatic(*t.entry) && (d > kDiplomaticReach || !can_hold_diplomacy(c, t.first, t.last, words))) continue;
                if (d <= max_distance && (!best || d <= best_distance)) {
                    best = &c;
                    best_distance = d;
                }
            }
            return best;
        };
        for (const auto& t : triggers) {
            const Candidate* best = nearest(t, kMaxTriggerDistance);
            if (!best) continue;
            const auto same = std::find_if(found.begin(), found.end(), [&](const Found& f) { return f.place == best->mention; });
            const Found f{&t, best->mention, std::min(t.first, best->first), std::max(t.last, best->last)};
            if (same == found.end()) found.push_back(f);
            else if (t.entry->precedence > same->trigger->entry->precedence) *same = f;
        }
        if (found.empty()) {
            const TriggerMatch* best = strongest(triggers);
            if (here.empty() && borrowed && !diplomatic(*best->entry)) {
                found.push_back({best, borrowed, best->first, best->last});
            } else if (const Candidate* far = nearest(*best, kMaxFallbackDistance)) {
                found.push_back({best, far->mention, std::min(best->first, far->first), std::max(best->last, far->last)});
            }
        }
        std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) { return x.first < y.first; });
        anchors.clear();
        for (const auto& f : found) anchors.emplace_back(f.first, f.last);
        const auto parts = segments(anchors, words, s);

        for (std::size_t n = 0; n < found.size(); ++n) {
            const TriggerMatch& best = *found[n].trigger;
            const Mention* place = found[n].place;
            const bool is_borrowed = here.empty();
            Sentence part = s;
            part.first_word = parts[n].first;
            part.last_word = parts[n].second;
            // Events whose trigger and place overlap another's ("In Geneva, shelling of Idlib
            // overshadowed talks": the talks reach back over the shelling) can leave a part no
            // words: such an event reads the whole sentence.
            if (part.first_word >= part.last_word) {
                part.first_word = s.first_word;
                part.last_word = s.last_word;
            }
            const std::size_t part_begin = found.size() == 1 ? s.begin : words[part.first_word].start;
            const std::size_t part_end = found.size() == 1 ? s.end : words[part.last_word - 1].end;
            const std::size_t trigger_start = words[best.first].start;
            const std::size_t trigger_end = words[best.last - 1].end;

            // type and actors, within the event's part of the sentence
            const bool whole = part.first_word == s.first_word && part.last_word == s.last_word;
            auto coding = whole ? code_event(words, part, best, lex, actors) : code_event(words, part, best, lex);
            Event e;
            e.event_type = std::move(coding.event_type);
            e.sub_event_type = std::move(coding.sub_event_type);
            e.actor1 = std::move(coding.actor1);
            e.actor2 = std::move(coding.actor2);

            e.place = *place->place;
            e.qualifier = place->qualifier;
            e.location_mention = location_mention(*place);
            e.geo_precision = geo_precision(e.place, e.qualifier);
            e.where_prec = where_prec(e.place, e.qualifier);

            const auto own_date = found.size() == 1 ? sentence_date_of(si) : date_of(part_begin, part_end);
            if (own_date) e.date = own_date;
            else if (auto story_date = story_date_at(si)) e.date = story_date;
            else if (published) e.date = EventDate{published->plus_days(-6), *published, TimePrecision::week};

            const auto [clause_first, clause_last] = token_range(tokenized.tokens, part_begin, part_end);
            const auto counts = find_casualties(text, tokenized, clause_first, clause_last, casualty_lexicon);
            if (counts.killed) e.fatalities = static_cast<std::int64_t>(counts.killed->value);
            if (counts.injured) e.injured = static_cast<std::int64_t>(counts.injured->value);
            e.fatalities_total_over_days = counts.total_over_days;

            EventSource src;
            src.doc_id = doc.id;
            src.url = doc.url;
            src.title = doc.title;
            src.source = doc.source;
            src.evidence_text = std::string(sentence);
            src.evidence_start = codepoints.to_codepoint(s.begin);
            src.evidence_end = codepoints.to_codepoint(s.end);
            e.sources.push_back(std::move(src));

            // "trigger: T[; place from the previous sentence][; also named, not resolved: A, B]"
            e.notes = "trigger: ";
            e.notes += text.substr(trigger_start, trigger_end - trigger_start);
            if (is_borrowed) e.notes += "; place from the previous sentence";
            bool lacking = false;
            for (const Mention* m : unresolved) {
                if (m->start < part_begin || m->end > part_end) continue;
                e.notes += lacking ? ", " : "; also named, not resolved: ";
                e.notes += m->text;
                lacking = true;
            }
            e.confidence = place->confidence * (is_borrowed ? 0.7 : 1.0);
            e.event_id = event_id(e);
            events.push_back(std::move(e));
        }
    }
    return merge_events(std::move(events));
}

// ---- merging ---------------------------------------------------------------------------------

void merge_event_fields(Event& m, Event& e) {
    if (e.fatalities && (!m.fatalities || *e.fatalities < *m.fatalities)) {
        m.fatalities = e.fatalities;
        m.fatalities_total_over_days = e.fatalities_total_over_days;
    }
    if (e.injured && (!m.injured || *e.injured < *m.injured)) m.injured = e.injured;
    m.confidence = std::max(m.confidence, e.confidence);
    if (m.actor1.empty()) m.actor1 = std::move(e.actor1);
    if (m.actor2.empty()) m.actor2 = std::move(e.actor2);
    if (m.notes.empty()) m.notes = std::move(e.notes);
}

std::vector<Event> merge_events(std::vector<Event> events) {
    std::vector<Event> out;
    out.reserve(events.size());
    // an article has a few events: a scan of those kept beats a hash map until it has many
    constexpr std::size_t kScanned = 16;
    std::unordered_map<std::string, std::size_t> position;
    for (auto& e : events) {
        std::size_t at = out.size();
        if (events.size() <= kScanned) {
            for (std::size_t k = 0; k < out.size(); ++k) {
                if (out[k].event_id == e.event_id) {
                    at = k;
                    break;
                }
            }
        } else {
            at = position.emplace(e.event_id, out.size()).first->second;
        }
        if (at == out.size()) {
            out.push_back(std::move(e));
            continue;
        }
        Event& m = out[at];
        for (auto& s : e.sources) m.sources.push_back(std::move(s));
        merge_event_fields(m, e);
    }
    for (auto& m : out) {
        if (m.sources.size() < 2) continue;
        std::stable_sort(m.sources.begin(), m.sources.end(),
                         [](const EventSource& a, const EventSource& b) { return a.doc_id < b.doc_id; });
        m.sources.erase(std::unique(m.sources.begin(), m.sources.end(),
                                    [](const EventSource& a, const EventSource& b) { return a.doc_id == b.doc_id; }),
                        m.sources.end());
    }
    return out;
}

}  // namespace extract

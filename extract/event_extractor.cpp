#include "extract/event_extractor.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "extract/codepoints.hpp"
#include "extract/dates.hpp"
#include "extract/token.hpp"
#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {
namespace {

// ---- loading ---------------------------------------------------------------------------------

// ACLED's event types and their sub-event types (ACLED Codebook): a trigger list may use these
// and no others, so that a typo fails at start-up instead of writing a new category.
struct AcledType {
    std::string_view event_type;
    std::array<std::string_view, 8> sub_types;
};
constexpr std::array<AcledType, 6> kAcledTypes = {{
    {"Battles", {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}},
    {"Explosions/Remote violence",
     {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
      "Chemical weapon", "Grenade"}},
    {"Violence against civilians", {"Attack", "Abduction/forced disappearance", "Sexual violence"}},
    {"Protests", {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}},
    {"Riots", {"Violent demonstration", "Mob violence"}},
    {"Strategic developments",
     {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
      "Looting/property destruction", "Non-violent transfer of territory", "Other"}},
}};

void check_acled_type(const std::filesystem::path& file, std::uint64_t line, const std::string& type,
                      const std::string& sub_type) {
    for (const auto& t : kAcledTypes) {
        if (t.event_type != type) continue;
        if (std::find(t.sub_types.begin(), t.sub_types.end(), sub_type) != t.sub_types.end() && !sub_type.empty()) return;
        throw gazetteer::InputError(file.string(), line,
                                    fmt::format("'{}' is not a sub-event type of '{}' in ACLED's codebook", sub_type, type));
    }
    throw gazetteer::InputError(file.string(), line, fmt::format("'{}' is not one of ACLED's six event types", type));
}

int parse_precedence(const std::filesystem::path& file, std::uint64_t line, const std::string& text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw gazetteer::InputError(file.string(), line, fmt::format("precedence '{}' is not a whole number", text));
    }
    return value;
}

EventLexicon::ActorKind parse_actor_kind(const std::filesystem::path& file, std::uint64_t line, const std::string& text) {
    using K = EventLexicon::ActorKind;
    if (text == "state") return K::state;
    if (text == "non_state") return K::non_state;
    if (text == "civilians") return K::civilians;
    if (text == "other") return K::other;
    throw gazetteer::InputError(file.string(), line,
                                fmt::format("'{}' is not an actor kind (state, non_state, civilians, other)", text));
}

std::size_t word_count(const std::string& folded) {
    return static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

template <typename Map, typename Value>
void insert_unique(Map& map, const std::filesystem::path& file, std::uint64_t line, const std::string& phrase, Value value) {
    if (!map.emplace(phrase, std::move(value)).second) {
        throw gazetteer::InputError(file.string(), line, fmt::format("'{}' is listed twice", phrase));
    }
}

// ---- words of the article --------------------------------------------------------------------

struct Word {
    std::string folded;
    std::size_t start = 0;  // byte offsets into the text
    std::size_t end = 0;
    bool break_before = false;  // punctuation (other than a joining hyphen) since the previous word
};

struct Sentence {
    std::size_t begin = 0;  // bytes: first token's start
    std::size_t end = 0;    // bytes: last token's end
    std::size_t limit = 0;  // bytes: where the next sentence starts (mentions up to here belong)
    std::size_t first_word = 0;  // words [first_word, last_word)
    std::size_t last_word = 0;
};

// Splits at tokens flagged sentence_start that follow white space (so "1.5" is one sentence).
void split(std::string_view text, std::vector<Word>& words, std::vector<Sentence>& sentences) {
    const auto tokens = tokenize(text);
    bool pending_break = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& t = tokens[k];
        const bool starts = k == 0 || (t.is(Token::sentence_start) && (t.is(Token::space_before) || t.is(Token::newline_before)));
        if (starts) {
            if (!sentences.empty()) {
                sentences.back().end = tokens[k - 1].end;
                sentences.back().limit = t.start;
                sentences.back().last_word = words.size();
            }
            Sentence s;
            s.begin = t.start;
            s.first_word = words.size();
            sentences.push_back(s);
            pending_break = true;
        }
        if (!t.is(Token::word)) {
            pending_break = true;
            continue;
        }
        Word w;
        w.folded = gazetteer::fold_name(t.text(text));
        w.start = t.start;
        w.end = t.end;
        w.break_before = pending_break && !(t.is(Token::hyphen_before) && !starts);
        words.push_back(std::move(w));
        pending_break = false;
    }
    if (!sentences.empty()) {
        sentences.back().end = tokens.back().end;
        sentences.back().limit = text.size();
        sentences.back().last_word = words.size();
    }
}

// A phrase of one of the lists found at words [first, last).
template <typename T>
struct Match {
    std::size_t first = 0;
    std::size_t last = 0;
    const T* entry = nullptr;
};

// Longest phrases first, left to right, never across punctuation; `find` maps a folded phrase
// to an entry or nullptr.
template <typename T, typename Find>
std::vector<Match<T>> find_phrases(const std::vector<Word>& words, const Sentence& s, std::size_t longest, Find&& find) {
    std::vector<Match<T>> out;
    std::string phrase;
    for (std::size_t i = s.first_word; i < s.last_word;) {
        std::size_t matched = 0;
        const T* entry = nullptr;
        std::size_t reach = i + 1;
        while (reach < s.last_word && reach - i < longest && !words[reach].break_before) ++reach;
        for (std::size_t end = reach; end > i && !entry; --end) {
            phrase.clear();
            for (std::size_t k = i; k < end; ++k) {
                if (k > i) phrase += ' ';
                phrase += words[k].folded;
            }
            entry = find(phrase);
            if (entry) matched = end - i;
        }
        if (entry) {
            out.push_back({i, i + matched, entry});
            i += matched;
        } else {
            ++i;
        }
    }
    return out;
}

// ---- places ----------------------------------------------------------------------------------

bool is_country(const gazetteer::PlaceView& p) { return p.feature_code.substr(0, 3) == "PCL" || p.feature_code == "TERR"; }
bool is_large_region(const gazetteer::PlaceView& p) { return p.feature_code == "RGN" || p.feature_code == "CONT"; }
bool is_sea(const gazetteer::PlaceView& p) {
    return p.feature_class == "H" &&
           (p.feature_code == "OCN" || p.feature_code == "SEA" || p.feature_code == "GULF" || p.feature_code == "BAY");
}
bool is_division(const gazetteer::PlaceView& p) { return p.feature_class == "A"; }

int geo_precision(const gazetteer::PlaceView& p, const Qualifier& q) {
    if (is_country(p) || p.feature_code == "ADM1" || is_large_region(p) || is_sea(p)) return 3;
    if (is_division(p)) return 2;
    return q.surroundings != Surroundings::none ? 2 : 1;
}

int where_prec(const gazetteer::PlaceView& p, const Qualifier& q) {
    if (is_sea(p)) return 7;
    if (is_country(p)) return q.compass != Compass::none ? 5 : 6;
    if (is_large_region(p)) return 5;
    if (p.feature_code == "ADM1") return 4;
    if (is_division(p)) return 3;
    return q.surroundings != Surroundings::none || q.compass != Compass::none ? 2 : 1;
}

std::string_view compass_adjective(Compass c) {
    switch (c) {
    case Compass::north: return "northern";
    case Compass::northeast: return "northeastern";
    case Compass::east: return "eastern";
    case Compass::southeast: return "southeastern";
    case Compass::south: return "southern";
    case Compass::southwest: return "southwestern";
    case Compass::west: return "western";
    case Compass::northwest: return "northwestern";
    case Compass::central: return "central";
    case Compass::none: break;
    }
    return {};
}

std::string location_mention(const Mention& m) {
    const auto& q = m.qualifier;
    std::string name = m.text;
    switch (q.level) {
    case AdminLevel::admin1: name += " province"; break;
    case AdminLevel::admin2: name += " district"; break;
    case AdminLevel::city: name += " city"; break;
    case AdminLevel::none: break;
    }
    const auto compass = compass_adjective(q.compass);
    const auto with_compass = [&](std::string_view noun) {
        return compass.empty() ? std::string(noun) : fmt::format("{} {}", compass, noun);
    };
    switch (q.surroundings) {
    case Surroundings::outskirts: return fmt::format("{} of {}", with_compass("outskirts"), name);
    case Surroundings::countryside: return fmt::format("{} of {}", with_compass("countryside"), name);
    case Surroundings::suburb: return fmt::format("{} of {}", with_compass("suburbs"), name);
    case Surroundings::near: return fmt::format("near {}", with_compass(name));
    case Surroundings::none: break;
    }
    return with_compass(name);
}

bool usable_place(const Mention& m) { return m.kind == MentionKind::literal && m.place.has_value(); }

std::size_t distance(const Mention& m, std::size_t trigger_start, std::size_t trigger_end) {
    if (m.end <= trigger_start) return trigger_start - m.end;
    if (m.start >= trigger_end) return m.start - trigger_end;
    return 0;
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
    return fmt::format("{:016x}", gazetteer::hash_key(key));
}

}  // namespace

// ---- EventLexicon ----------------------------------------------------------------------------

EventLexicon EventLexicon::load(const std::filesystem::path& dir) {
    EventLexicon lex;
    auto note_length = [&](const std::string& folded) { lex.longest_phrase_ = std::max(lex.longest_phrase_, word_count(folded)); };

    const auto triggers = dir / "event_triggers.tsv";
    read_word_list(triggers, 4, [&](const std::vector<std::string>& f, std::uint64_t line) {
        Trigger t;
        t.event_type = f[1];
        const auto bar = f[2].find('|');
        t.sub_event_type = f[2].substr(0, bar);
        check_acled_type(triggers, line, t.event_type, t.sub_event_type);
        if (bar != std::string::npos) {
            t.sub_event_type_other = f[2].substr(bar + 1);
            check_acled_type(triggers, line, t.event_type, t.sub_event_type_other);
        }
        t.precedence = parse_precedence(triggers, line, f[3]);
        insert_unique(lex.triggers_, triggers, line, f[0], std::move(t));
        note_length(f[0]);
    });

    const auto actors = dir / "actors.tsv";
    read_word_list(actors, 3, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f[1].empty()) throw gazetteer::InputError(actors.string(), line, "empty actor name");
        insert_unique(lex.actors_, actors, line, f[0], Actor{f[1], parse_actor_kind(actors, line, f[2])});
        note_length(f[0]);
    });

    const auto cues = dir / "event_cancel_cues.txt";
    read_word_list(cues, 1, [&](const std::vector<std::string>& f, std::uint64_t line) {
        insert_unique(lex.cancel_cues_, cues, line, f[0], true);
        note_length(f[0]);
    });
    return lex;
}

const EventLexicon::Trigger* EventLexicon::trigger(std::string_view folded_phrase) const noexcept {
    const auto it = triggers_.find(std::string(folded_phrase));
    return it == triggers_.end() ? nullptr : &it->second;
}

const EventLexicon::Actor* EventLexicon::actor(std::string_view folded_phrase) const noexcept {
    const auto it = actors_.find(std::string(folded_phrase));
    return it == actors_.end() ? nullptr : &it->second;
}

bool EventLexicon::is_cancel_cue(std::string_view folded_phrase) const noexcept {
    return cancel_cues_.find(std::string(folded_phrase)) != cancel_cues_.end();
}

// ---- extraction ------------------------------------------------------------------------------

std::vector<Event> extract_events(const Document& doc, const std::vector<Mention>& mentions, const EventLexicon& lex,
                                  const CasualtyLexicon& casualty_lexicon) {
    using Trigger = EventLexicon::Trigger;
    using Actor = EventLexicon::Actor;
    const std::string_view text = doc.text;
    std::vector<Word> words;
    std::vector<Sentence> sentences;
    split(text, words, sentences);
    const CodepointIndex codepoints(text);
    const auto published = CivilDate::from_iso(doc.published);

    std::vector<Event> events;
    std::optional<EventDate> story_date;
    const Mention* previous_single = nullptr;  // the previous sentence's only usable place
    std::size_t next_mention = 0;              // mentions are in text order

    for (const auto& s : sentences) {
        const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
        // this sentence's mentions
        while (next_mention < mentions.size() && mentions[next_mention].start < s.begin) ++next_mention;
        std::vector<const Mention*> here;
        bool any_mention = false;
        for (std::size_t k = next_mention; k < mentions.size() && mentions[k].start < s.limit; ++k) {
            any_mention = true;
            if (usable_place(mentions[k])) here.push_back(&mentions[k]);
        }
        const Mention* borrowed = any_mention ? nullptr : previous_single;
        previous_single = here.size() == 1 ? here.front() : nullptr;

        const auto own_date = resolve_date(sentence, published);
        if (own_date) story_date = own_date;

        // the trigger: highest precedence, first among equals, not cancelled
        const auto cues = find_phrases<bool>(words, s, lex.longest_phrase(), [&](const std::string& p) -> const bool* {
            static constexpr bool yes = true;
            return lex.is_cancel_cue(p) ? &yes : nullptr;
        });
        const auto triggers = find_phrases<Trigger>(words, s, lex.longest_phrase(), [&](const std::string& p) { return lex.trigger(p); });
        const Match<Trigger>* best = nullptr;
        for (const auto& t : triggers) {
            const bool cancelled = std::any_of(cues.begin(), cues.end(), [&](const Match<bool>& c) {
                return c.last <= t.first && c.last + 3 > t.first;
            });
            if (cancelled) continue;
            if (!best || t.entry->precedence > best->entry->precedence) best = &t;
        }
        if (!best) continue;
        const std::size_t trigger_start = words[best->first].start;
        const std::size_t trigger_end = words[best->last - 1].end;

        // the place
        const Mention* place = nullptr;
        for (const Mention* m : here) {
            if (!place || distance(*m, trigger_start, trigger_end) <= distance(*place, trigger_start, trigger_end)) place = m;
        }
        const bool is_borrowed = !place && borrowed;
        if (!place) place = borrowed;
        if (!place) continue;

        // actors
        const auto actors = find_phrases<Actor>(words, s, lex.longest_phrase(), [&](const std::string& p) { return lex.actor(p); });
        const Actor* actor1 = nullptr;
        for (std::size_t k = best->last; k < s.last_word && !actor1; ++k) {
            if (words[k].folded != "by") continue;
            for (const auto& a : actors) {
                if (a.first > k && a.first <= k + 2 && a.entry->kind != EventLexicon::ActorKind::civilians) {
                    actor1 = a.entry;
                    break;
                }
            }
        }
        for (const auto& a : actors) {
            if (actor1 || a.first >= best->first) break;
            if (a.entry->kind != EventLexicon::ActorKind::civilians) actor1 = a.entry;
        }
        const Actor* actor2 = nullptr;
        for (const auto& a : actors) {
            if (!actor1 || a.entry->name != actor1->name) {
                actor2 = a.entry;
                break;
            }
        }

        Event e;
        const Trigger& trig = *best->entry;
        e.event_type = trig.event_type;
        e.sub_event_type = trig.sub_event_type;
        if (!trig.sub_event_type_other.empty() && !(actor1 && actor1->kind == EventLexicon::ActorKind::state)) {
            e.sub_event_type = trig.sub_event_type_other;
        }
        e.actor1 = actor1 ? actor1->name : std::string();
        e.actor2 = actor2 ? actor2->name : std::string();
        if (e.actor2.empty() && e.event_type == "Violence against civilians") e.actor2 = "Civilians";

        e.place = *place->place;
        e.qualifier = place->qualifier;
        e.location_mention = location_mention(*place);
        e.geo_precision = geo_precision(e.place, e.qualifier);
        e.where_prec = where_prec(e.place, e.qualifier);

        if (own_date) e.date = own_date;
        else if (story_date) e.date = story_date;
        else if (published) e.date = EventDate{published->plus_days(-6), *published, TimePrecision::week};

        const auto counts = find_casualties(sentence, casualty_lexicon);
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

        e.notes = fmt::format("trigger: {}{}", text.substr(trigger_start, trigger_end - trigger_start),
                              is_borrowed ? "; place from the previous sentence" : "");
        e.confidence = place->confidence * (is_borrowed ? 0.7 : 1.0);
        e.event_id = event_id(e);
        events.push_back(std::move(e));
    }
    return merge_events(std::move(events));
}

// ---- merging ---------------------------------------------------------------------------------

std::vector<Event> merge_events(std::vector<Event> events) {
    std::vector<Event> out;
    std::unordered_map<std::string, std::size_t> position;
    for (auto& e : events) {
        const auto [it, inserted] = position.emplace(e.event_id, out.size());
        if (inserted) {
            out.push_back(std::move(e));
            continue;
        }
        Event& m = out[it->second];
        for (auto& s : e.sources) m.sources.push_back(std::move(s));
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
    for (auto& m : out) {
        std::stable_sort(m.sources.begin(), m.sources.end(),
                         [](const EventSource& a, const EventSource& b) { return a.doc_id < b.doc_id; });
        m.sources.erase(std::unique(m.sources.begin(), m.sources.end(),
                                    [](const EventSource& a, const EventSource& b) { return a.doc_id == b.doc_id; }),
                        m.sources.end());
    }
    return out;
}

}  // namespace extract

#include "extract/event_coding.hpp"

#include <algorithm>

namespace extract {

std::vector<TriggerMatch> live_triggers(const std::vector<Word>& words, const Sentence& s, const EventLexicon& lex,
                                        std::vector<TriggerMatch>* cancelled, std::vector<ActorMatch>* actors_out) {
    if (actors_out) actors_out->clear();
    auto triggers = find_phrases(words, s, lex.triggers());
    if (triggers.empty()) return triggers;  // most sentences: no need to look for the rest
    // a trigger word inside an actor's name is no trigger: "riot police", "protest movement"
    std::vector<ActorMatch> own_actors;
    auto& actors = actors_out ? *actors_out : own_actors;
    actors = find_phrases(words, s, lex.actors());
    std::erase_if(triggers, [&](const TriggerMatch& t) {
        return std::any_of(actors.begin(), actors.end(), [&](const ActorMatch& a) {
            return a.first <= t.first && t.last <= a.last && a.last - a.first > t.last - t.first;
        });
    });
    if (triggers.empty()) return triggers;
    const auto cues = find_phrases(words, s, lex.cancel_cues());
    std::erase_if(triggers, [&](const TriggerMatch& t) {
        const bool cancel = std::any_of(cues.begin(), cues.end(), [&](const Match<bool>& c) {
            return c.last <= t.first && c.last + kCancelReach > t.first;
        });
        if (cancel && cancelled) cancelled->push_back(t);
        return cancel;
    });
    return triggers;
}

const TriggerMatch* strongest(const std::vector<TriggerMatch>& triggers) {
    const TriggerMatch* best = nullptr;
    for (const auto& t : triggers) {
        if (!best || t.entry->precedence > best->entry->precedence) best = &t;
    }
    return best;
}

EventCoding code_event(const std::vector<Word>& words, const Sentence& part, const TriggerMatch& trigger,
                       const EventLexicon& lex) {
    return code_event(words, part, trigger, lex, find_phrases(words, part, lex.actors()));
}

EventCoding code_event(const std::vector<Word>& words, const Sentence& part, const TriggerMatch& trigger,
                       const EventLexicon&, const std::vector<ActorMatch>& actors) {
    using Actor = EventLexicon::Actor;
    using Kind = EventLexicon::ActorKind;
    const Actor* actor1 = nullptr;
    for (std::size_t k = trigger.last; k < part.last_word && !actor1; ++k) {
        if (words[k].folded != "by") continue;
        for (const auto& a : actors) {
            if (a.first > k && a.first <= k + 2 && a.entry->kind != Kind::civilians) {
                actor1 = a.entry;
                break;
            }
        }
    }
    for (const auto& a : actors) {
        if (actor1 || a.first >= trigger.first) break;
        if (a.entry->kind != Kind::civilians) actor1 = a.entry;
    }
    const Actor* actor2 = nullptr;
    for (const auto& a : actors) {
        if (!actor1 || a.entry->name != actor1->name) {
            actor2 = a.entry;
            break;
        }
    }
    const auto& t = *trigger.entry;
    EventCoding c;
    c.event_type = t.event_type;
    c.sub_event_type = t.sub_event_type;
    if (!t.sub_event_type_other.empty() && !(actor1 && actor1->kind == Kind::state)) c.sub_event_type = t.sub_event_type_other;
    if (actor1) c.actor1 = actor1->name;
    if (actor2) c.actor2 = actor2->name;
    if (c.actor2.empty() && c.event_type == "Violence against civilians") c.actor2 = "Civilians";
    return c;
}

std::optional<EventCoding> classify_snippet(std::string_view text, const EventLexicon& lex, std::string* trigger_text) {
    const auto tokenized = tokenize_and_fold(text);
    std::vector<Word> words;
    std::vector<Sentence> sentences;
    split_sentences(text, tokenized, words, sentences);
    const TriggerMatch* best = nullptr;
    const Sentence* best_sentence = nullptr;
    std::vector<std::vector<TriggerMatch>> kept;  // keeps the matches alive
    kept.reserve(sentences.size());
    std::vector<ActorMatch> actors, best_actors;
    for (const auto& s : sentences) {
        kept.push_back(live_triggers(words, s, lex, nullptr, &actors));
        const auto* t = strongest(kept.back());
        if (t && (!best || t->entry->precedence > best->entry->precedence)) {
            best = t;
            best_sentence = &s;
            best_actors.swap(actors);
        }
    }
    if (!best) return std::nullopt;
    if (trigger_text) *trigger_text = std::string(text.substr(words[best->first].start, words[best->last - 1].end - words[best->first].start));
    return code_event(words, *best_sentence, *best, lex, best_actors);
}

}  // namespace extract

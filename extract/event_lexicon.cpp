#include "extract/event_lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"

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

template <typename Table, typename Value>
void insert_unique(Table& table, const std::filesystem::path& file, std::uint64_t line, const std::string& phrase, Value value) {
    if (!table.add(phrase, std::move(value))) {
        throw gazetteer::InputError(file.string(), line, fmt::format("'{}' is listed twice", phrase));
    }
}

}  // namespace

std::string_view acled_event_type_of(std::string_view sub_event_type) noexcept {
    if (sub_event_type.empty()) return {};
    for (const auto& t : kAcledTypes) {
        if (std::find(t.sub_types.begin(), t.sub_types.end(), sub_event_type) != t.sub_types.end()) return t.event_type;
    }
    return {};
}

bool is_acled_event_type(std::string_view event_type) noexcept {
    return std::any_of(kAcledTypes.begin(), kAcledTypes.end(), [&](const AcledType& t) { return t.event_type == event_type; });
}

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
    const auto prepositions = dir / "event_place_prepositions.txt";
    read_word_list(prepositions, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f[0].find(' ') != std::string::npos) throw gazetteer::InputError(prepositions.string(), line, "one word a line");
        if (f[1] != "all" && f[1] != "towns") {
            throw gazetteer::InputError(prepositions.string(), line, fmt::format("'{}' is not a scope (all, towns)", f[1]));
        }
        insert_unique(lex.place_prepositions_, prepositions, line, f[0], f[1] == "all" ? PlaceScope::all : PlaceScope::towns);
    });
    return lex;
}

const EventLexicon::Trigger* EventLexicon::trigger(std::string_view folded_phrase) const noexcept {
    return triggers_.find(folded_phrase);
}

const EventLexicon::Actor* EventLexicon::actor(std::string_view folded_phrase) const noexcept {
    return actors_.find(folded_phrase);
}

bool EventLexicon::is_cancel_cue(std::string_view folded_phrase) const noexcept {
    return cancel_cues_.find(folded_phrase) != nullptr;
}

EventLexicon::PlaceScope EventLexicon::place_preposition(std::string_view folded_word) const noexcept {
    const auto* scope = place_prepositions_.find(folded_word);
    return scope ? *scope : PlaceScope::none;
}

}  // namespace extract

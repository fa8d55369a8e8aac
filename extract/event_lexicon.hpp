#pragma once
// The lists events are read with, shipped as data files in extract/data/ so that a team can
// extend them without recompiling: trigger phrases with ACLED's event and sub-event types,
// actor aliases, cancel cues ("no", "will", "called for") and the prepositions that make a
// country the place of an event.
//
// Lifecycle: EventLexicon::load() once, then share it read-only (all lookups are const).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/phrase_table.hpp"

namespace extract {

/// ACLED's event type of one of its sub-event types ("Air/drone strike" -> "Explosions/Remote
/// violence"); empty when `sub_event_type` is not one of ACLED's.
std::string_view acled_event_type_of(std::string_view sub_event_type) noexcept;

/// True when `event_type` is one of ACLED's six event types.
bool is_acled_event_type(std::string_view event_type) noexcept;

/// The trigger phrases, actor aliases and cancel cues events are read with. Built by load(),
/// then immutable.
class EventLexicon {
public:
    /// Reads event_triggers.tsv, actors.tsv, event_cancel_cues.txt and event_place_prepositions.txt
    /// from `dir` (the folder of Lexicon::default_dir()). Throws gazetteer::InputError naming the file and line for a
    /// missing file, a wrong number of columns, an event type or sub-event type that is not
    /// ACLED's (or a sub-event type of another event type), a precedence that is not a whole
    /// number, an unknown actor kind or preposition scope, or a phrase listed twice in one file.
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
    /// What a preposition may name as the place of an event (one folded word; none when it is
    /// not listed): all places ("in Syria", "across Iraq"), or towns only ("from Rome").
    enum class PlaceScope : std::uint8_t { none, towns, all };
    PlaceScope place_preposition(std::string_view folded_word) const noexcept;

    /// The number of words of the longest phrase in any of the three lists.
    std::size_t longest_phrase() const noexcept { return longest_phrase_; }

    /// The lists as tables, for find_phrases (extract/sentence_words.hpp).
    const PhraseTable<Trigger>& triggers() const noexcept { return triggers_; }
    const PhraseTable<Actor>& actors() const noexcept { return actors_; }
    const PhraseTable<bool>& cancel_cues() const noexcept { return cancel_cues_; }

private:
    PhraseTable<Trigger> triggers_;
    PhraseTable<Actor> actors_;
    PhraseTable<bool> cancel_cues_;
    PhraseTable<PlaceScope> place_prepositions_;
    std::size_t longest_phrase_ = 1;
};

}  // namespace extract

#pragma once
// Numbers of people killed and injured, read from one sentence of a news report, coded the way
// ACLED codes fatalities: vague counts get conventional figures ("dozens" -> 12), qualified
// counts keep their number ("at least five" -> 5), and of several figures for the same outcome
// the lowest is kept.
//
// The vocabulary lives in plain files under extract/data/ (number_words.txt, vague_counts.txt,
// count_qualifiers.txt, casualty_words.txt, casualty_cues.txt): load a CasualtyLexicon once,
// then share it read-only; every function here is pure and thread-safe.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/phrase_table.hpp"
#include "extract/token.hpp"

namespace extract {

/// How far a count can be trusted.
enum class CountKind : std::uint8_t {
    exact,        ///< "54", "twenty-one", "a total of 40"
    lower_bound,  ///< "at least 5", "more than 600", "50 or more"
    upper_bound,  ///< "up to 30", "as many as 12"
    approximate,  ///< "about 40", "nearly 40", "a dozen"
    range,        ///< "two or three", "between 30 and 40", "5-10": the value is the low end
    vague,        ///< a convention for a word that gives no figure: "dozens" -> 12, "several" -> 3
};

/// A number of people.
struct CountValue {
    std::uint64_t value = 0;
    CountKind kind = CountKind::exact;
    friend bool operator==(const CountValue&, const CountValue&) = default;
};

enum class Outcome : std::uint8_t { killed, injured };

/// What one sentence says about casualties.
struct CasualtyCounts {
    std::optional<CountValue> killed;
    std::optional<CountValue> injured;
    /// The sentence gives a total over a span of days ("since Tuesday", "over the past week",
    /// "this year", "so far"), not the toll of one event.
    bool total_over_days = false;
};

/// The word lists behind parse_count and find_casualties. Built by load(), then immutable.
class CasualtyLexicon {
public:
    /// Reads the five lists from `dir` (the same folder as Lexicon::default_dir()). Throws
    /// gazetteer::InputError naming the file and line for a missing file, a row with the wrong
    /// number of tab-separated columns, an empty phrase, a value that is not a whole number, or
    /// an unknown role or kind.
    static CasualtyLexicon load(const std::filesystem::path& dir);

    /// How a number word combines with the words before it (number_words.txt).
    enum class NumberRole : std::uint8_t { add, multiply, scale };

    /// Roles of casualty_cues.txt, as bit flags.
    enum Cue : std::uint32_t {
        subset_before = 1u << 0,  ///< "including": the count after it is part of another
        subset_after = 1u << 1,   ///< "of them": the count before it is part of another
        toll_killed = 1u << 2,    ///< "death toll": a count shortly after it is a number killed
        toll_injured = 1u << 3,
        span = 1u << 4,           ///< "since", "over the past": a total over several days
        measure = 1u << 5,        ///< "days", "km": the number before it counts no people
        boundary = 1u << 6,       ///< "after", "when": a count is not linked past it
    };

    /// Everything the lists say about one folded phrase (gazetteer::fold_name; words joined by
    /// one space).
    struct Entry {
        std::optional<std::uint64_t> number;  ///< number_words.txt
        NumberRole number_role = NumberRole::add;
        std::optional<CountValue> vague;              ///< vague_counts.txt
        std::optional<CountKind> qualifier_before;    ///< count_qualifiers.txt, position "before"
        std::optional<CountKind> qualifier_after;     ///< count_qualifiers.txt, position "after"
        std::optional<Outcome> outcome;               ///< casualty_words.txt
        std::uint32_t cues = 0;                       ///< casualty_cues.txt, Cue flags
        bool has(Cue c) const noexcept { return (cues & c) != 0; }
    };

    /// PhraseTable::probe on the lists' phrases.
    const PhraseTable<Entry>::Slot* probe(std::string_view folded_phrase, std::uint64_t hash) const noexcept {
        return phrases_.probe(folded_phrase, hash);
    }

    /// The number of words of the longest phrase in any list (phrase matching tries no longer).
    std::size_t longest_phrase() const noexcept { return phrases_.longest(); }

    /// True when a count may start at this folded word: the first word of a number or vague
    /// count phrase ("four", "dozens", "tens of thousands"). Digits are checked apart.
    /// `hash` is the word's TextHash::of(folded_word).value.
    bool may_start_count(std::string_view folded_word, std::uint64_t hash) const noexcept {
        const auto* slot = count_starts_.probe(folded_word, hash);
        return slot && slot->value;
    }

    /// True when a casualty word or toll phrase may start at this folded word ("killed",
    /// "death toll"): without one a sentence reports no count, whatever numbers it has.
    bool may_start_outcome(std::string_view folded_word, std::uint64_t hash) const noexcept {
        const auto* slot = outcome_starts_.probe(folded_word, hash);
        return slot && slot->value;
    }
    /// Whether a casualty word or toll phrase starts with a digit, so that no word with digits
    /// can be ruled out by may_start_outcome() (numbers are joined and hashed apart).
    bool outcome_may_start_with_digit() const noexcept { return outcome_digit_start_; }

private:
    PhraseTable<Entry> phrases_;
    PhraseTable<bool> count_starts_;
    PhraseTable<bool> outcome_starts_;
    bool outcome_digit_start_ = false;
};

/// The count named by `phrase`, which must be a number phrase and nothing else (leading and
/// trailing white space allowed; case and diacritics ignored):
///   - an optional qualifier before or after the number: "at least 5", "50 or more";
///   - digits, with thousands separators and an optional scale word: "54", "1,200",
///     "1.2 million" (a decimal needs a scale word: "1.5" alone is no count);
///   - number words: "four", "twenty-one", "a hundred", "two hundred and fifty", "two dozen";
///   - a vague count, optionally scaled: "dozens", "a few", "several hundred", "tens of thousands";
///   - a range, kept at its low end: "two or three", "between 30 and 40", "5-10".
/// A qualifier decides the kind; otherwise a range is `range` and a vague count has the kind its
/// list gives. nullopt for anything else, and for values above 10^15. Never throws except
/// std::bad_alloc. Linear in the length of the phrase.
std::optional<CountValue> parse_count(std::string_view phrase, const CasualtyLexicon& lexicon);

/// The numbers killed and injured that one sentence reports. A count is linked to an outcome
///   - by a casualty word right before it: "killing at least 37 people", "wounding 14";
///   - by a toll phrase a few words before it: "the death toll rose to 40" (from "from 30 to 40"
///     the second figure);
///   - by a casualty word after it, across a noun phrase and auxiliaries but no clause
///     boundary: "54 people had been killed", "four deaths", "14 injured", "dozens were wounded";
///     counts joined by "and" before one casualty word are added ("5 soldiers and 3 civilians
///     were killed" -> 8, exact only when every part is exact).
/// A count that names part of another group ("including five children", "two of them") is never
/// reported, nor is a number that measures something else ("3 days", "40 km", "5 September").
/// "a"/"an" alone is no count ("a soldier was killed" reports nothing). When several counts
/// remain for one outcome (figures from different sources), the lowest is kept (the first of
/// equal ones). total_over_days is set when a number killed or injured is reported and any span
/// phrase of casualty_cues.txt occurs in the sentence (it qualifies a reported count only).
/// Never throws except std::bad_alloc; linear in the length of the sentence.
CasualtyCounts find_casualties(std::string_view sentence, const CasualtyLexicon& lexicon);

/// find_casualties on the text of tokens [first_token, last_token) of `text`, already tokenized
/// (tokenize_and_fold(text)): the same answer, without tokenizing again.
CasualtyCounts find_casualties(std::string_view text, const TokenizedText& tokenized, std::size_t first_token,
                               std::size_t last_token, const CasualtyLexicon& lexicon);

}  // namespace extract

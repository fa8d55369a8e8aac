#include "extract/casualty_counts.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "extract/token.hpp"
#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/line_reader.hpp"

namespace extract {
namespace {

constexpr std::uint64_t kMaxCount = 1'000'000'000'000'000ull;  // 10^15

// ---- loading ---------------------------------------------------------------------------------


std::uint64_t parse_value(const std::filesystem::path& file, std::uint64_t line, const std::string& text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value > kMaxCount) {
        throw gazetteer::InputError(file.string(), line, fmt::format("'{}' is not a whole number up to 10^15", text));
    }
    return value;
}

CountKind parse_kind(const std::filesystem::path& file, std::uint64_t line, const std::string& text, bool allow_vague) {
    static const std::unordered_map<std::string, CountKind> kinds = {
        {"exact", CountKind::exact}, {"lower_bound", CountKind::lower_bound}, {"upper_bound", CountKind::upper_bound},
        {"approximate", CountKind::approximate}, {"vague", CountKind::vague}};
    const auto it = kinds.find(text);
    if (it == kinds.end() || (!allow_vague && it->second == CountKind::vague)) {
        throw gazetteer::InputError(file.string(), line,
                                    fmt::format("'{}' is not a kind of count (exact, lower_bound, upper_bound, approximate{})",
                                                text, allow_vague ? ", vague" : ""));
    }
    return it->second;
}


// ---- words of a sentence ---------------------------------------------------------------------

// One token of the text: a folded word, a number ("1,200" and "1.5" joined), or one punctuation
// character. The text views the folded arena, the article, or (joined numbers) split_words'
// buffer.
struct Word {
    std::string_view text;
    TextHash hash;  // of text
    bool is_word = false;
    bool digits = false;       // ASCII digits only, separators removed ("1200")
    int fraction_digits = 0;   // digits after a decimal point ("1.25" -> text "125", 2)
    bool space_before = false;
};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words of tokens [first, last) of `text` (tokenized: tokenize_and_fold(text)). Numbers
// joined from several tokens are written into `joined`, which the words view: it must outlive
// them and not be touched meanwhile.
std::vector<Word> split_words(std::string_view text, const TokenizedText& tokenized, std::size_t first, std::size_t last,
                              std::string& joined) {
    const auto& tokens = tokenized.tokens;
    std::vector<Word> words;
    words.reserve(last - first);
    // joined numbers never exceed the bytes they come from: no reallocation moves them
    joined.clear();
    if (first < last) joined.reserve(tokens[last - 1].end - tokens[first].start);
    auto raw = [&](std::size_t k) { return tokens[k].text(text); };
    auto glued = [&](std::size_t k) { return k < last && !tokens[k].is(Token::space_before); };
    for (std::size_t k = first; k < last; ++k) {
        Word w;
        w.space_before = tokens[k].is(Token::space_before);
        if (!tokens[k].is(Token::word)) {
            w.text = raw(k);
            words.push_back(w);
            continue;
        }
        w.is_word = true;
        if (all_digits(raw(k))) {
            w.digits = true;
            w.text = raw(k);
            const std::size_t at = joined.size();
            bool is_joined = false;
            auto join = [&](std::string_view more) {
                if (!is_joined) joined += w.text;
                is_joined = true;
                joined += more;
            };
            // "1,200,000": groups of exactly three digits after commas, no spaces
            if (w.text.size() <= 3) {
                while (glued(k + 1) && raw(k + 1) == "," && glued(k + 2) && tokens[k + 2].is(Token::word) &&
                       raw(k + 2).size() == 3 && all_digits(raw(k + 2))) {
                    join(raw(k + 2));
                    k += 2;
                }
            }
            // "1.5"
            if (glued(k + 1) && raw(k + 1) == "." && glued(k + 2) && tokens[k + 2].is(Token::word) && all_digits(raw(k + 2))) {
                join(raw(k + 2));
                w.fraction_digits = static_cast<int>(raw(k + 2).size());
                k += 2;
            }
            if (is_joined) w.text = std::string_view(joined).substr(at);
            w.hash = TextHash::of(w.text);
        } else {
            w.text = tokenized.folded[k];
            w.hash = tokenized.folded.phrase_hash[k];
        }
        words.push_back(w);
    }
    return words;
}

// (Seq: the words of split_words, before or after phrases were found at them.)
template <typename Seq>
bool is_punct(const Seq& w, std::size_t i, std::string_view p) { return i < w.size() && !w[i].is_word && w[i].text == p; }
template <typename Seq>
bool is_word(const Seq& w, std::size_t i, std::string_view text) { return i < w.size() && w[i].is_word && w[i].text == text; }
template <typename Seq>
bool is_hyphen(const Seq& w, std::size_t i) {
    return i < w.size() && !w[i].is_word && (w[i].text == "-" || w[i].text == "\u2010" || w[i].text == "\u2011");
}
// A hyphen joining two words ("twenty-one", "12-year-old").
template <typename Seq>
bool is_joining_hyphen(const Seq& w, std::size_t i) {
    return is_hyphen(w, i) && !w[i].space_before && i + 1 < w.size() && w[i + 1].is_word && !w[i + 1].space_before;
}

// The words of a sentence with the listed phrases starting at each: found once per word, so
// that the many questions asked at a word ("a qualifier here?", "a casualty word here?") probe
// the lists no more.
class Words {
public:
    struct Found {
        const CasualtyLexicon::Entry* entry = nullptr;
        std::size_t end = 0;  // one past the phrase's last word
    };

    Words(std::vector<Word> words, const CasualtyLexicon& lx) : w_(std::move(words)), begin_(w_.size() + 1, 0), alone_(w_.size()) {
        std::string key;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            begin_[i] = found_.size();
            if (!w_[i].is_word) continue;
            // words may be joined by hyphens: "so-called"
            TextHash hash;
            std::size_t k = i;
            for (std::size_t n = 0; n < lx.longest_phrase() && k < w_.size() && w_[k].is_word; ++n) {
                // the phrase so far: the word itself at first (most words go no further)
                std::string_view phrase = w_[k].text;
                if (n == 1) key = w_[i].text;
                if (n > 0) {
                    key.push_back(' ');
                    key += w_[k].text;
                    phrase = key;
                }
                hash = n > 0 ? hash.then_word(w_[k].hash) : w_[k].hash;
                ++k;
                const auto* slot = lx.probe(phrase, hash.value);
                if (!slot) break;
                if (slot->value) {
                    found_.push_back({&*slot->value, k});
                    if (n == 0) alone_[i] = &*slot->value;
                }
                if (!slot->prefix) break;
                if (is_joining_hyphen(w_, k)) ++k;
            }
        }
        begin_[w_.size()] = found_.size();
    }

    std::size_t size() const noexcept { return w_.size(); }
    const Word& operator[](std::size_t i) const noexcept { return w_[i]; }
    /// The entry of word i alone, or nullptr.
    const CasualtyLexicon::Entry* alone(std::size_t i) const noexcept { return i < w_.size() ? alone_[i] : nullptr; }
    /// The listed phrases starting at word i, shortest first.
    std::span<const Found> starting(std::size_t i) const noexcept {
        if (i >= w_.size()) return {};
        return {found_.data() + begin_[i], begin_[i + 1] - begin_[i]};
    }

private:
    std::vector<Word> w_;
    std::vector<std::size_t> begin_;  // per word: its first entry in found_
    std::vector<const CasualtyLexicon::Entry*> alone_;
    std::vector<Found> found_;
};

// ---- phrase matching -------------------------------------------------------------------------

struct PhraseMatch {
    const CasualtyLexicon::Entry* entry = nullptr;
    std::size_t end = 0;  // one past the last word
    explicit operator bool() const noexcept { return entry != nullptr; }
};


// The longest listed phrase starting at word i that passes `test` (words may be joined by
// hyphens: "so-called").
template <typename EntryTest>
PhraseMatch longest_at(const Words& w, std::size_t i, const CasualtyLexicon&, const EntryTest& test) {
    const auto found = w.starting(i);
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        if (test(*it->entry)) return {it->entry, it->end};
    }
    return {};
}

// Whether a listed phrase passing `test` ends right before word `end`.
template <typename EntryTest>
bool phrase_ends_at(const Words& w, std::size_t end, const CasualtyLexicon& lx, const EntryTest& test) {
    for (std::size_t n = 1; n <= lx.longest_phrase() && n <= end; ++n) {
        if (const auto m = longest_at(w, end - n, lx, test); m && m.end == end) return true;
    }
    return false;
}

// ---- counts ----------------------------------------------------------------------------------

struct CountMatch {
    CountValue count;
    std::size_t end = 0;  // one past the last word
};

bool checked_mul(std::uint64_t a, std::uint64_t b, std::uint64_t& out) {
    if (a != 0 && b > kMaxCount / a) return false;
    out = a * b;
    return true;
}

const CasualtyLexicon::Entry* number_word(const Words& w, std::size_t i, const CasualtyLexicon&) {
    if (i >= w.size() || !w[i].is_word || w[i].digits) return nullptr;
    const auto* e = w.alone(i);
    return e && e->number ? e : nullptr;
}

bool is_multiplier(const CasualtyLexicon::Entry* e) { return e && e->number_role != CasualtyLexicon::NumberRole::add; }

// "54", "1,200", "1.2 million", "3 dozen".
std::optional<CountMatch> digits_at(const Words& w, std::size_t i, const CasualtyLexicon& lx) {
    if (i >= w.size() || !w[i].digits || w[i].text.size() > 15) return std::nullopt;
    std::uint64_t value = 0;
    std::from_chars(w[i].text.data(), w[i].text.data() + w[i].text.size(), value);
    std::size_t end = i + 1;
    if (const auto* m = number_word(w, end, lx); is_multiplier(m)) {
        std::uint64_t scaled = 0;
        if (!checked_mul(value, *m->number, scaled)) return std::nullopt;
        for (int f = 0; f < w[i].fraction_digits; ++f) scaled /= 10;
        value = scaled;
        ++end;
    } else if (w[i].fraction_digits > 0) {
        return std::nullopt;  // "1.5" alone counts no people
    }
    if (value > kMaxCount) return std::nullopt;
    return CountMatch{{value, CountKind::exact}, end};
}

// "four", "twenty-one", "a hundred", "two hundred and fifty", "three thousand".
std::optional<CountMatch> words_at(const Words& w, std::size_t i, const CasualtyLexicon& lx) {
    using Role = CasualtyLexicon::NumberRole;
    std::uint64_t total = 0, current = 0;
    enum class Last { none, one, add, tens, multiply, scale } last = Last::none;
    std::size_t k = i, end = i;
    if ((is_word(w, k, "a") || is_word(w, k, "an")) && is_multiplier(number_word(w, k + 1, lx))) {
        current = 1;
        last = Last::one;
        ++k;
    }
    while (k < w.size()) {
        const auto* e = number_word(w, k, lx);
        if (!e) break;
        const std::uint64_t v = *e->number;
        if (e->number_role == Role::add) {
            const bool after_tens = last == Last::tens && v < 10 && v > 0;
            if (last != Last::none && last != Last::multiply && last != Last::scale && !after_tens) break;
            current += v;
            last = (v >= 20 && v < 100 && v % 10 == 0) ? Last::tens : Last::add;
        } else if (e->number_role == Role::multiply) {
            if (last == Last::none || last == Last::multiply || last == Last::scale) break;
            if (!checked_mul(current, v, current)) return std::nullopt;
            last = Last::multiply;
        } else {
            if (last == Last::none || last == Last::scale) break;
            std::uint64_t part = 0;
            if (!checked_mul(current, v, part) || total > kMaxCount - part) return std::nullopt;
            total += part;
            current = 0;
            last = Last::scale;
        }
        end = ++k;
        // "twenty-one"; "two hundred and fifty"
        if (is_joining_hyphen(w, k) && number_word(w, k + 1, lx)) {
            ++k;
        } else if ((last == Last::multiply || last == Last::scale) && is_word(w, k, "and")) {
            const auto* next = number_word(w, k + 1, lx);
            if (next && next->number_role == Role::add) ++k;
        }
    }
    if (end == i || last == Last::one) return std::nullopt;
    const std::uint64_t value = total + current;
    if (value > kMaxCount) return std::nullopt;
    return CountMatch{{value, CountKind::exact}, end};
}

// "dozens", "a few", "several hundred", "hundreds of thousands".
std::optional<CountMatch> vague_at(const Words& w, std::size_t i, const CasualtyLexicon& lx) {
    const auto m = longest_at(w, i, lx, [](const auto& e) { return e.vague.has_value(); });
    if (!m) return std::nullopt;
    CountValue count = *m.entry->vague;
    std::size_t end = m.end;
    if (const auto* mult = number_word(w, end, lx); is_multiplier(mult)) {
        if (!checked_mul(count.value, *mult->number, count.value)) return std::nullopt;
        ++end;
    } else if (is_word(w, end, "of")) {
        const auto big = longest_at(w, end + 1, lx, [](const auto& e) { return e.vague && e.vague->value >= 1000; });
        if (big) {
            if (!checked_mul(count.value, big.entry->vague->value, count.value)) return std::nullopt;
            end = big.end;
        }
    }
    return CountMatch{count, end};
}

// A number without qualifiers: the longest of the three forms (a vague phrase on a tie).
std::optional<CountMatch> core_at(const Words& w, std::size_t i, const CasualtyLexicon& lx) {
    std::optional<CountMatch> best = vague_at(w, i, lx);
    for (auto candidate : {digits_at(w, i, lx), words_at(w, i, lx)}) {
        if (candidate && (!best || candidate->end > best->end)) best = candidate;
    }
    return best;
}

// A whole count phrase starting at word i: qualifiers, number, range.
std::optional<CountMatch> count_at(const Words& w, std::size_t i, const CasualtyLexicon& lx) {
    if (i >= w.size() || !w[i].is_word) return std::nullopt;
    // Every form below starts with digits, a listed phrase (a number word, a vague count, a
    // qualifier), "between", or "a"/"an" ("a hundred"): most words are none of these, which the
    // first letter tells before any word is compared.
    const std::string_view text = w[i].text;
    const bool between = text == "between";
    if (!w[i].digits && w.starting(i).empty()) {
        const char first = text.empty() ? '\0' : text.front();
        if (first != 'a' && first != 'b') return std::nullopt;
        if (!between && text != "a" && text != "an") return std::nullopt;
    }
    if (between) {
        const auto low = core_at(w, i + 1, lx);
        if (!low || !is_word(w, low->end, "and")) return std::nullopt;
        const auto high = core_at(w, low->end + 1, lx);
        if (!high) return std::nullopt;
        return CountMatch{{std::min(low->count.value, high->count.value), CountKind::range}, high->end};
    }
    std::optional<CountKind> qualifier;
    std::size_t k = i;
    if (const auto q = longest_at(w, k, lx, [](const auto& e) { return e.qualifier_before.has_value(); })) {
        if (core_at(w, q.end, lx)) {
            qualifier = *q.entry->qualifier_before;
            k = q.end;
        }
    }
    auto core = core_at(w, k, lx);
    if (!core) return std::nullopt;
    CountMatch result = *core;
    if (const auto q = longest_at(w, result.end, lx, [](const auto& e) { return e.qualifier_after.has_value(); })) {
        if (!qualifier) qualifier = *q.entry->qualifier_after;
        result.end = q.end;
    } else if (is_word(w, result.end, "or") ||
               ((is_hyphen(w, result.end) || is_punct(w, result.end, "\u2013")) && w[result.end - 1].digits)) {
        // "two or three", "5-10", "5–10"
        if (const auto high = core_at(w, result.end + 1, lx)) {
            result.count = {std::min(result.count.value, high->count.value), CountKind::range};
            result.end = high->end;
        }
    }
    if (qualifier) result.count.kind = *qualifier;
    return result;
}

// ---- casualties ------------------------------------------------------------------------------

struct FoundCount {
    std::size_t begin = 0, end = 0;
    CountValue count;
    bool subset = false;   // part of another group
    bool measure = false;  // a number of something else
    bool claimed = false;  // linked to an outcome already
};

struct Finding {
    Outcome outcome;
    CountValue count;
};

// The counts of a sentence, and which one starts at each word.
struct Counts {
    std::vector<FoundCount> list;
    std::vector<std::size_t> starting;  // per word: index into list, or npos

    FoundCount* at(std::size_t word) {
        return word < starting.size() && starting[word] != std::string::npos ? &list[starting[word]] : nullptr;
    }
};

bool has_cue(const CasualtyLexicon::Entry& e, CasualtyLexicon::Cue c) { return e.has(c); }

// Links a count to a casualty word after it ("54 people, including five children, had been
// killed"). Returns the outcome and the counts added up, or nullopt.
std::optional<Finding> link_forward(const Words& w, Counts& counts, std::size_t c, const CasualtyLexicon& lx) {
    using Cue = CasualtyLexicon::Cue;
    constexpr int kMaxWords = 8;         // noun phrase and auxiliaries between the count and the word
    constexpr std::size_t kMaxReach = 40;  // tokens, subset clauses included
    std::vector<std::size_t> chain{c};
    bool in_clause = false;       // inside "including ..." or "(...)"
    bool after_and = false;
    int words = 0;
    auto count_starting = [&](std::size_t i) { return counts.at(i); };
    const std::size_t first = counts.list[c].end;
    std::size_t i = first;
    while (i < w.size() && i < first + kMaxReach) {
        if (auto* fc = count_starting(i)) {
            if (fc->measure) {
                i = fc->end;
                continue;
            }
            if (in_clause || fc->subset) {
                in_clause = true;
                i = fc->end;
                continue;
            }
            if (!after_and || fc->claimed) return std::nullopt;
            chain.push_back(counts.starting[i]);
            after_and = false;
            i = fc->end;
            continue;
        }
        after_and = false;
        if (!w[i].is_word) {
            if (w[i].text == "," || w[i].text == "(") {
                if (in_clause && w[i].text == ",") {
                    in_clause = false;
                } else if (w[i].text == "(" ||
                           longest_at(w, i + 1, lx, [](const auto& e) { return has_cue(e, Cue::subset_before); }) ||
                           (count_starting(i + 1) && count_starting(i + 1)->subset)) {
                    in_clause = true;
                } else {
                    return std::nullopt;
                }
            } else if (w[i].text == ")") {
                in_clause = false;
            } else if (!is_hyphen(w, i)) {
                return std::nullopt;
            }
            ++i;
            continue;
        }
        if (const auto cue = longest_at(w, i, lx, [](const auto& e) { return e.cues != 0; })) {
            if (cue.entry->has(Cue::toll_killed) || cue.entry->has(Cue::toll_injured) || cue.entry->has(Cue::boundary)) {
                return std::nullopt;
            }
            if (cue.entry->has(Cue::subset_before) || cue.entry->has(Cue::subset_after)) {
                in_clause = true;
                i = cue.end;
                continue;
            }
        }
        if (const auto word = longest_at(w, i, lx, [](const auto& e) { return e.outcome.has_value(); })) {
            // "two car bombs killed 15 people": the word has an object of its own
            if (const auto* object = count_starting(word.end); object && !object->measure && !object->subset) return std::nullopt;
            Finding f{*word.entry->outcome, {0, CountKind::exact}};
            for (const auto k : chain) {
                const auto& part = counts.list[k].count;
                f.count.value += part.value;
                if (f.count.kind == CountKind::exact) f.count.kind = part.kind;
                counts.list[k].claimed = true;
            }
            return f;
        }
        if (w[i].text == "and") after_and = true;
        if (!in_clause && ++words > kMaxWords) return std::nullopt;
        ++i;
    }
    return std::nullopt;
}

}  // namespace

// ---- CasualtyLexicon -------------------------------------------------------------------------

CasualtyLexicon CasualtyLexicon::load(const std::filesystem::path& dir) {
    CasualtyLexicon lx;
    auto entry = [&lx](const std::string& folded) -> Entry& { return lx.phrases_.entry(folded); };

    const auto numbers_file = dir / "number_words.txt";
    read_word_list(numbers_file, 3, [&](const std::vector<std::string>& f, std::uint64_t line) {
        NumberRole role;
        if (f[2] == "add") role = NumberRole::add;
        else if (f[2] == "multiply") role = NumberRole::multiply;
        else if (f[2] == "scale") role = NumberRole::scale;
        else throw gazetteer::InputError(numbers_file.string(), line, fmt::format("'{}' is not add, multiply or scale", f[2]));
        if (f[0].find(' ') != std::string::npos) {
            throw gazetteer::InputError(numbers_file.string(), line, fmt::format("'{}': a number word is one word", f[0]));
        }
        auto& e = entry(f[0]);
        e.number = parse_value(numbers_file, line, f[1]);
        e.number_role = role;
    });

    const auto vague_file = dir / "vague_counts.txt";
    read_word_list(vague_file, 3, [&](const std::vector<std::string>& f, std::uint64_t line) {
        entry(f[0]).vague = CountValue{parse_value(vague_file, line, f[1]), parse_kind(vague_file, line, f[2], true)};
    });

    const auto qualifiers_file = dir / "count_qualifiers.txt";
    read_word_list(qualifiers_file, 3, [&](const std::vector<std::string>& f, std::uint64_t line) {
        const auto kind = parse_kind(qualifiers_file, line, f[1], false);
        if (f[2] == "before") entry(f[0]).qualifier_before = kind;
        else if (f[2] == "after") entry(f[0]).qualifier_after = kind;
        else throw gazetteer::InputError(qualifiers_file.string(), line, fmt::format("'{}' is not before or after", f[2]));
    });

    const auto words_file = dir / "casualty_words.txt";
    read_word_list(words_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f[1] == "killed") entry(f[0]).outcome = Outcome::killed;
        else if (f[1] == "injured") entry(f[0]).outcome = Outcome::injured;
        else throw gazetteer::InputError(words_file.string(), line, fmt::format("'{}' is not killed or injured", f[1]));
    });

    const auto cues_file = dir / "casualty_cues.txt";
    read_word_list(cues_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        static const std::unordered_map<std::string, Cue> roles = {
            {"subset_before", subset_before}, {"subset_after", subset_after}, {"toll_killed", toll_killed},
            {"toll_injured", toll_injured}, {"span", span}, {"measure", measure}, {"boundary", boundary}};
        const auto it = roles.find(f[1]);
        if (it == roles.end()) throw gazetteer::InputError(cues_file.string(), line, fmt::format("'{}' is not a cue role", f[1]));
        entry(f[0]).cues |= it->second;
    });
    lx.phrases_.for_each([&](const std::string& phrase, const Entry& e) {
        const std::string first = phrase.substr(0, phrase.find(' '));
        if (e.number || e.vague) lx.count_starts_.add(first, true);
        if (e.outcome || e.has(toll_killed) || e.has(toll_injured)) {
            lx.outcome_starts_.add(first, true);
            lx.outcome_digit_start_ = lx.outcome_digit_start_ || first.find_first_of("0123456789") != std::string::npos;
        }
    });
    return lx;
}

// ---- public functions ------------------------------------------------------------------------

std::optional<CountValue> parse_count(std::string_view phrase, const CasualtyLexicon& lexicon) {
    const auto tokenized = tokenize_and_fold(phrase);
    std::string joined;
    const Words words(split_words(phrase, tokenized, 0, tokenized.tokens.size(), joined), lexicon);
    const auto m = count_at(words, 0, lexicon);
    if (!m || m->end != words.size()) return std::nullopt;
    return m->count;
}

CasualtyCounts find_casualties(std::string_view sentence, const CasualtyLexicon& lexicon) {
    const auto tokenized = tokenize_and_fold(sentence);
    return find_casualties(sentence, tokenized, 0, tokenized.tokens.size(), lexicon);
}

CasualtyCounts find_casualties(std::string_view text, const TokenizedText& tokenized, std::size_t first_token,
                               std::size_t last_token, const CasualtyLexicon& lexicon) {
    using Cue = CasualtyLexicon::Cue;
    const auto& lx = lexicon;
    CasualtyCounts result;
    // Every finding needs a count and a casualty word or toll phrase: a clause without digits or
    // a count word, or without the first word of a casualty word or toll phrase, has none (asked
    // of the tokens, before the words are made).
    const auto& folded = tokenized.folded;
    bool may_count = false;
    bool may_link = false;
    for (std::size_t k = first_token; k < last_token && !(may_count && may_link); ++k) {
        const auto& t = tokenized.tokens[k];
        if (!t.is(Token::word)) continue;
        const bool digits = t.is(Token::has_digit);
        const auto hash = folded.phrase_hash[k].value;
        may_count = may_count || digits || lx.may_start_count(folded[k], hash);
        may_link = may_link || lx.may_start_outcome(folded[k], hash) || (digits && lx.outcome_may_start_with_digit());
    }
    if (!may_count || !may_link) return result;
    std::string joined;
    auto words = split_words(text, tokenized, first_token, last_token, joined);
    // the same asked of the words: a token with a digit may be no number ("F16")
    if (std::none_of(words.begin(), words.end(), [&](const Word& x) { return x.is_word && (x.digits || lx.may_start_count(x.text, x.hash.value)); })) {
        return result;
    }
    const Words w(std::move(words), lx);

    Counts counts;
    counts.starting.assign(w.size(), std::string::npos);
    for (std::size_t i = 0; i < w.size();) {
        if (const auto m = count_at(w, i, lx)) {
            FoundCount fc;
            fc.begin = i;
            fc.end = m->end;
            fc.count = m->count;
            std::size_t after = fc.end;
            if (is_joining_hyphen(w, after)) ++after;  // "12-year-old"
            fc.measure = static_cast<bool>(longest_at(w, after, lx, [](const auto& e) { return e.has(Cue::measure); }));
            fc.subset = phrase_ends_at(w, fc.begin, lx, [](const auto& e) { return e.has(Cue::subset_before); }) ||
                        static_cast<bool>(longest_at(w, fc.end, lx, [](const auto& e) { return e.has(Cue::subset_after); }));
            counts.starting[i] = counts.list.size();
            counts.list.push_back(fc);
            i = m->end;
        } else {
            ++i;
        }
    }
    auto usable = [](const FoundCount* fc) { return fc && !fc->subset && !fc->measure && !fc->claimed; };

    std::vector<Finding> findings;
    // A casualty word right before the count: "killing at least 37 people".
    for (auto& fc : counts.list) {
        if (!usable(&fc)) continue;
        for (std::size_t n = 1; n <= lx.longest_phrase() && n <= fc.begin; ++n) {
            const auto m = longest_at(w, fc.begin - n, lx, [](const auto& e) { return e.outcome.has_value(); });
            if (m && m.end == fc.begin) {
                findings.push_back({*m.entry->outcome, fc.count});
                fc.claimed = true;
                break;
            }
        }
    }
    // A toll phrase a few words before the count: "the death toll has risen to 40".
    constexpr std::size_t kTollReach = 6;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto toll = longest_at(w, i, lx, [](const auto& e) { return e.has(Cue::toll_killed) || e.has(Cue::toll_injured); });
        if (!toll) continue;
        const Outcome outcome = toll.entry->has(Cue::toll_killed) ? Outcome::killed : Outcome::injured;
        for (std::size_t k = toll.end; k < w.size() && k < toll.end + kTollReach; ++k) {
            if (!w[k].is_word) break;
            auto* fc = counts.at(k);
            if (!fc) continue;
            if (!usable(fc)) break;
            // "rose from 30 to 40": the figure it rose to
            if (auto* to = counts.at(fc->end + 1); is_word(w, k - 1, "from") && is_word(w, fc->end, "to") && usable(to)) {
                fc->claimed = true;
                fc = to;
            }
            findings.push_back({outcome, fc->count});
            fc->claimed = true;
            break;
        }
        i = toll.end - 1;
    }
    // A casualty word after the count: "54 people had been killed", "14 injured".
    for (std::size_t c = 0; c < counts.list.size(); ++c) {
        if (!usable(&counts.list[c])) continue;
        if (const auto f = link_forward(w, counts, c, lx)) findings.push_back(*f);
    }

    for (const auto& f : findings) {
        auto& slot = f.outcome == Outcome::killed ? result.killed : result.injured;
        if (!slot || f.count.value < slot->value) slot = f.count;
    }
    for (std::size_t i = 0; i < w.size() && (result.killed || result.injured) && !result.total_over_days; ++i) {
        result.total_over_days = static_cast<bool>(longest_at(w, i, lx, [](const auto& e) { return e.has(Cue::span); }));
    }
    return result;
}

}  // namespace extract

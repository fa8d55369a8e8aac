#include "extract/mention_context.hpp"

#include <string>

#include "gazetteer/name_index.hpp"

namespace extract {
namespace {

// Index of the word before token i (punctuation ends the search), or npos.
constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The word before token i, also across a hyphen joining the two ("a modern-day", "north-west").
std::size_t word_before(const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || i == npos) return npos;
    if (tokens[i - 1].is(Token::word)) return i - 1;
    if (tokens[i].is(Token::hyphen_before) && i >= 2 && tokens[i - 2].is(Token::word)) return i - 2;
    return npos;
}

// A compass word or phrase ending at word p ("west", "north west", "north-west").
Compass compass_ending_at(const FoldedTokens& folded, const std::vector<Token>& tokens, std::size_t p,
                          const Lexicon& lx, std::size_t& first) {
    first = p;
    if (const auto q = word_before(tokens, p); q != npos) {
        // "north west": the two words' key, extended from the first word's (no phrase written out)
        const auto key = gazetteer::hash_key_extend_word(folded.key[q], folded[p]);
        if (const auto c = lx.info_by_key(key).compass; c != Compass::none) {
            first = q;
            return c;
        }
    }
    return lx.info(folded, p).compass;
}

std::size_t word_after(const std::vector<Token>& tokens, std::size_t i) {
    return i + 1 < tokens.size() && tokens[i + 1].is(Token::word) ? i + 1 : npos;
}

bool is_possessive_after(std::string_view text, const std::vector<Token>& tokens, std::size_t last, std::size_t& next) {
    // tokens: "Aleppo" "'" "s" or "Aleppo" "’" "s"
    if (last + 2 >= tokens.size() || tokens[last + 1].is(Token::word) || !tokens[last + 2].is(Token::word)) return false;
    const auto apostrophe = tokens[last + 1].text(text);
    const auto s = tokens[last + 2].text(text);
    if ((apostrophe != "'" && apostrophe != "\xE2\x80\x99") || (s != "s" && s != "S")) return false;
    next = last + 3;
    return true;
}

// The first token of a possessor right before token `first` ("Syria's Aleppo": Syria), or npos.
std::size_t possessor_before(std::string_view text, const std::vector<Token>& tokens, std::size_t first) {
    if (first < 3 || !tokens[first - 1].is(Token::word) || !tokens[first - 3].is(Token::word)) return npos;
    std::size_t next = 0;
    if (!is_possessive_after(text, tokens, first - 3, next) || next != first) return npos;
    std::size_t start = first - 3;
    if (!tokens[start].is(Token::upper_initial)) return npos;
    for (int n = 0; n < 3 && start > 0 && tokens[start - 1].is(Token::word) && tokens[start - 1].is(Token::upper_initial); ++n) {
        --start;
    }
    return start;
}

}  // namespace

Qualifier find_qualifier(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                         std::size_t first, std::size_t last, const Lexicon& lx) {
    Qualifier q;
    // "the eastern part of Syria's Aleppo": the words before the possessor qualify this name, and
    // not the possessor (which gets no qualifier from before: see below).
    if (const auto owner = possessor_before(text, tokens, first); owner != npos) first = owner;
    std::size_t next = 0;
    const bool possessor = is_possessive_after(text, tokens, last, next) && next < tokens.size() &&
                           tokens[next].is(Token::word) && tokens[next].is(Token::upper_initial) &&
                           lx.info(folded, next).compass == Compass::none;
    // After: "Aleppo province", "Idlib Governorate", "Aleppo city".
    if (const auto a = word_after(tokens, last); a != npos) q.level = lx.info(folded, a).level;

    // Before.
    const auto p = possessor ? npos : word_before(tokens, first);
    if (p != npos) {
        const auto wp = folded[p];
        std::size_t compass_first = p;
        if (const auto c = compass_ending_at(folded, tokens, p, lx, compass_first); c != Compass::none) {
            q.compass = c;  // "eastern Aleppo", "northwest Idlib", "north-west Idlib"
        } else if (wp == "near" || wp == "outside" || wp == "around") {
            q.surroundings = Surroundings::near;
        } else if (wp == "of") {
            const auto r = word_before(tokens, p);
            if (r != npos) {
                const auto& wr = lx.info(folded, r);
                if (const auto level = wr.level; level == AdminLevel::admin1 || level == AdminLevel::admin2) {
                    q.level = level;  // "the province of Daraa"
                } else if (wr.has(Lexicon::WordInfo::area_part)) {
                    q.surroundings = wr.surroundings;  // "the eastern parts of", "the outskirts of", "a suburb of"
                    std::size_t ignored = 0;
                    if (const auto c = word_before(tokens, r); c != npos) q.compass = compass_ending_at(folded, tokens, c, lx, ignored);
                } else if (std::size_t cf = r; wr.compass != Compass::none || compass_ending_at(folded, tokens, r, lx, cf) != Compass::none) {
                    q.compass = compass_ending_at(folded, tokens, r, lx, cf);
                    const auto before = word_before(tokens, cf);
                    Surroundings s2 = Surroundings::none;
                    if (before != npos && folded[before] == "the") {
                        // "the east of Aleppo": a part of it
                    } else if (before != npos && lx.area_part(folded[before], s2) && s2 != Surroundings::none) {
                        q.surroundings = s2;  // "the countryside west of Aleppo"
                    } else {
                        q.surroundings = Surroundings::near;  // "west of Aleppo": outside it
                    }
                }
            }
        }
    }
    // "Aleppo's eastern countryside", "Aleppo's eastern districts".
    if (q.compass == Compass::none && is_possessive_after(text, tokens, last, next) && next < tokens.size() &&
        tokens[next].is(Token::word)) {
        const auto c = lx.info(folded, next).compass;
        if (c != Compass::none) {
            q.compass = c;
            Surroundings s;
            if (next + 1 < tokens.size() && tokens[next + 1].is(Token::word) && lx.area_part(folded[next + 1], s)) {
                q.surroundings = s;
            }
        }
    }
    return q;
}

bool is_comparison(const std::vector<Token>& tokens, const FoldedTokens& folded, std::size_t first, const Lexicon& lx) {
    // the one, two and three words before the name ("like", "the equivalent of")
    std::size_t before[3];
    std::size_t n = 0;
    for (std::size_t i = word_before(tokens, first); n < 3 && i != npos; i = word_before(tokens, i)) before[n++] = i;
    if (n > 0 && lx.info(folded, before[0]).has(Lexicon::WordInfo::historical_cue)) return true;
    // the phrase of the len words before, by its key (gazetteer::hash_key of the words joined by
    // spaces), extended word by word from the token keys: no phrase is written out
    for (std::size_t len = 2; len <= n; ++len) {
        std::uint64_t key = folded.key[before[len - 1]];
        for (std::size_t k = len - 1; k-- > 0;) key = gazetteer::hash_key_extend_word(key, folded[before[k]]);
        if (lx.info_by_key(key).has(Lexicon::WordInfo::historical_cue)) return true;
    }
    return false;
}

bool is_subject_of_statement(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                             std::size_t first, std::size_t last, const Lexicon& lx) {
    // "based in Britain said": a location, whatever follows
    if (const auto p = word_before(tokens, first); p != npos && lx.info(folded, p).has(Lexicon::WordInfo::locative)) return false;
    // Skip a coordinated subject ("and Damascus"), auxiliaries and adverbs, then want a verb.
    std::size_t i = last + 1;
    int steps = 0;
    while (i < tokens.size() && steps < 8) {
        const auto& t = tokens[i];
        if (!t.is(Token::word)) {
            const auto c = t.text(text);
            if (c != ",") return false;
            ++i;
            ++steps;
            continue;
        }
        const auto w = folded[i];
        const auto& info = lx.info(folded, i);
        if (info.has(Lexicon::WordInfo::metonymy_verb)) return true;
        if (w == "and" || info.has(Lexicon::WordInfo::auxiliary) || t.is(Token::upper_initial)) {
            ++i;
            ++steps;
            continue;
        }
        return false;
    }
    return false;
}

}  // namespace extract

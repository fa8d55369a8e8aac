#include <array>
#include <cstring>

#include <utf8proc.h>

#include "extract/token.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {
namespace {

enum class CharType { space, newline, letter_upper, letter_lower, letter_other, digit, apostrophe, hyphen, period, other };

struct Char {
    CharType type;
    std::uint32_t length;
};

constexpr CharType ascii_type(unsigned char c) {
    if (c >= 'a' && c <= 'z') return CharType::letter_lower;
    if (c >= 'A' && c <= 'Z') return CharType::letter_upper;
    if (c >= '0' && c <= '9') return CharType::digit;
    if (c == '\n') return CharType::newline;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return CharType::space;
    if (c == '\'' || c == '`') return CharType::apostrophe;
    if (c == '-') return CharType::hyphen;
    if (c == '.') return CharType::period;
    return CharType::other;
}

struct AsciiTable {
    CharType type[128];
    constexpr AsciiTable() : type() {
        for (int c = 0; c < 128; ++c) type[c] = ascii_type(static_cast<unsigned char>(c));
    }
};
constexpr AsciiTable kAscii;

// A character outside ASCII, at text[i].
[[gnu::noinline]] Char classify_multibyte(std::string_view text, std::size_t i) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return {CharType::other, 1};
    const auto len = static_cast<std::uint32_t>(n);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BF || cp == 0x02BE) return {CharType::apostrophe, len};
    if (cp == 0x2010 || cp == 0x2011) return {CharType::hyphen, len};
    if (cp == 0x00A0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B) return {CharType::space, len};
    if (cp == 0x2028 || cp == 0x2029) return {CharType::newline, len};
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return {CharType::letter_upper, len};
        case UTF8PROC_CATEGORY_LL: return {CharType::letter_lower, len};
        case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return {CharType::letter_other, len};
        case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return {CharType::digit, len};
        case UTF8PROC_CATEGORY_ZS: return {CharType::space, len};
        default: return {CharType::other, len};
    }
}

// The character at text[i] (ASCII, most of most texts, from a table, inline).
inline Char classify(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) [[likely]] return {kAscii.type[c], 1};
    return classify_multibyte(text, i);
}

bool is_letter(CharType t) {
    return t == CharType::letter_upper || t == CharType::letter_lower || t == CharType::letter_other;
}
bool is_wordchar(CharType t) { return is_letter(t) || t == CharType::digit; }

// A headline: most of the line's longer words start with a capital letter.
void mark_title_lines(std::string_view text, std::vector<Token>& tokens) {
    std::size_t line_begin = 0;
    auto finish = [&](std::size_t line_end) {
        int long_words = 0, capitalised = 0;
        for (std::size_t k = line_begin; k < line_end; ++k) {
            const auto& t = tokens[k];
            if (!t.is(Token::word) || t.end - t.start < 4) continue;
            ++long_words;
            if (t.is(Token::upper_initial)) ++capitalised;
        }
        // a headline has no final full stop (a one-sentence article in capitals is not one)
        const bool ends_sentence = line_end > line_begin && !tokens[line_end - 1].is(Token::word) &&
                                   (text[tokens[line_end - 1].start] == '.' || text[tokens[line_end - 1].start] == '!' ||
                                    text[tokens[line_end - 1].start] == '?');
        if (!ends_sentence && long_words >= 3 && capitalised * 10 >= long_words * 7) {
            for (std::size_t k = line_begin; k < line_end; ++k) tokens[k].flags |= Token::title_line;
        }
    };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (k > line_begin && tokens[k].is(Token::newline_before)) {
            finish(k);
            line_begin = k;
        }
    }
    finish(tokens.size());
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 1);
    std::uint16_t pending = Token::sentence_start;  // flags for the next token
    bool after_hyphen = false;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto ch = classify(text, i);
        if (ch.type == CharType::space || ch.type == CharType::newline) {
            pending |= Token::space_before;
            if (ch.type == CharType::newline) pending |= Token::newline_before | Token::sentence_start;
            after_hyphen = false;
            i += ch.length;
            continue;
        }
        if (is_wordchar(ch.type)) {
            Token t;
            t.start = static_cast<std::uint32_t>(i);
            t.flags = pending | Token::word;
            if (after_hyphen) t.flags |= Token::hyphen_before;
            if (ch.type == CharType::letter_upper) t.flags |= Token::upper_initial;
            int letters = 0, uppers = 0;
            std::size_t j = i;
            std::size_t segment_start = i;
            const bool segment_upper = ch.type == CharType::letter_upper;
            while (j < n) {
                // most of a word: a run of ASCII lower-case letters (letters, neither upper case nor digits)
                std::size_t run = j;
                while (run < n && static_cast<unsigned char>(text[run] - 'a') < 26) ++run;
                letters += static_cast<int>(run - j);
                j = run;
                if (j == n) break;
                const auto c = classify(text, j);
                if (is_wordchar(c.type)) {
                    if (is_letter(c.type)) ++letters;
                    if (c.type == CharType::letter_upper) ++uppers;
                    if (c.type == CharType::digit) t.flags |= Token::has_digit;
                    j += c.length;
                    continue;
                }
                if (c.type == CharType::apostrophe && j + c.length < n) {
                    const auto next = classify(text, j + c.length);
                    if (!is_letter(next.type)) break;
                    // "Aleppo's": the possessive is a token of its own
                    const bool possessive = (text[j + c.length] == 's' || text[j + c.length] == 'S') &&
                                            (j + c.length + 1 >= n || !is_wordchar(classify(text, j + c.length + 1).type));
                    if (possessive) break;
                    j += c.length;
                    continue;
                }
                // "U.S.", "D.C.", "W.Va.": short capitalised segments joined by periods; the final
                // period belongs to the token.
                if (c.type == CharType::period && j + 1 < n && j - segment_start <= 3 && segment_upper &&
                    classify(text, j + 1).type == CharType::letter_upper) {
                    t.flags |= Token::internal_period;
                    j += 1;
                    segment_start = j;
                    continue;
                }
                break;
            }
            if (t.is(Token::internal_period) && j < n && text[j] == '.') ++j;
            t.end = static_cast<std::uint32_t>(j);
            if (letters >= 2 && uppers == letters) t.flags |= Token::all_caps;
            tokens.push_back(t);
            pending = 0;
            after_hyphen = false;
            i = j;
            continue;
        }
        // punctuation: one code point per token
        Token t;
        t.start = static_cast<std::uint32_t>(i);
        t.end = static_cast<std::uint32_t>(i + ch.length);
        t.flags = pending;
        const bool hyphen = ch.type == CharType::hyphen;
        const bool between_words = hyphen && !(pending & Token::space_before) && !tokens.empty() &&
                                   tokens.back().is(Token::word) && i + ch.length < n &&
                                   is_wordchar(classify(text, i + ch.length).type);
        tokens.push_back(t);
        pending = 0;
        after_hyphen = between_words;
        const char c = text[i];
        if (c == '.' || c == '!' || c == '?') pending |= Token::sentence_start;
        i += ch.length;
    }
    mark_title_lines(text, tokens);
    return tokens;
}

namespace {

// Per ASCII byte: itself in lower case if it is a letter or digit, else 0.
struct AsciiFoldTable {
    unsigned char lower[256];
    constexpr AsciiFoldTable() : lower() {
        for (int c = 0; c < 128; ++c) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) lower[c] = static_cast<unsigned char>(c);
            if (c >= 'A' && c <= 'Z') lower[c] = static_cast<unsigned char>(c + 32);
        }
    }
};
constexpr AsciiFoldTable kAsciiFold;

// TextHash::power of a text of n bytes (kBase^n), from a table for the lengths of words.
std::uint64_t text_hash_power(std::size_t n) noexcept {
    static constexpr auto kPowers = [] {
        std::array<std::uint64_t, 64> p{};
        p[0] = 1;
        for (std::size_t k = 1; k < p.size(); ++k) p[k] = p[k - 1] * TextHash::kBase;
        return p;
    }();
    if (n < kPowers.size()) return kPowers[n];
    std::uint64_t power = kPowers.back();
    for (std::size_t k = kPowers.size() - 1; k < n; ++k) power *= TextHash::kBase;
    return power;
}

}  // namespace

FoldedTokens fold_tokens(std::string_view text, const std::vector<Token>& tokens) {
    FoldedTokens f;
    // sized once for the ASCII words, which fold to as many bytes as they have (one fill of the
    // buffer, not one per word), and cut to the bytes used at the end
    f.arena.resize(text.size());
    std::size_t used = 0;
    std::string other;  // a word with other bytes, folded apart
    f.offset.resize(tokens.size());
    f.length.resize(tokens.size());
    f.key.resize(tokens.size());
    f.phrase_hash.resize(tokens.size());
    const std::uint64_t empty_key = gazetteer::hash_key({});
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::size_t at = used;
        f.offset[i] = static_cast<std::uint32_t>(at);
        if (!tokens[i].is(Token::word)) {
            f.length[i] = 0;
            f.key[i] = empty_key;
            f.phrase_hash[i] = TextHash{};
            continue;
        }
        const auto raw = tokens[i].text(text);
        // most words: ASCII letters and digits, whose folded form is the word in lower case
        // (gazetteer::append_folded's ASCII path), folded and hashed both ways in one pass; a
        // word with any other byte is folded again below
        // (a guard: after a word that grew, the buffer is twice the bytes used, more than the
        // text still to come)
        if (at + raw.size() > f.arena.size()) f.arena.resize(2 * (at + raw.size()));
        char* out = f.arena.data() + at;
        std::uint64_t key = empty_key;
        std::uint64_t value = 0;  // TextHash::value
        std::size_t k = 0;
        for (; k < raw.size(); ++k) {
            const unsigned char c = kAsciiFold.lower[static_cast<unsigned char>(raw[k])];
            if (c == 0) break;  // not an ASCII letter or digit
            out[k] = static_cast<char>(c);
            key = gazetteer::hash_key_extend_byte(key, c);
            value = value * TextHash::kBase + c;
        }
        if (k == raw.size()) {
            used += raw.size();
            f.length[i] = static_cast<std::uint32_t>(raw.size());
            f.key[i] = key;
            f.phrase_hash[i] = TextHash{value, text_hash_power(raw.size())};
            continue;
        }
        other.clear();
        gazetteer::append_folded(raw, other);
        if (at + other.size() > f.arena.size()) f.arena.resize(2 * (at + other.size()));
        std::memcpy(f.arena.data() + at, other.data(), other.size());
        used += other.size();
        f.length[i] = static_cast<std::uint32_t>(other.size());
        f.key[i] = gazetteer::hash_key(other);
        f.phrase_hash[i] = TextHash::of(other);
    }
    f.arena.resize(used);
    return f;
}

TokenizedText tokenize_and_fold(std::string_view text) {
    TokenizedText t;
    t.tokens = tokenize(text);
    t.folded = fold_tokens(text, t.tokens);
    return t;
}

}  // namespace extract

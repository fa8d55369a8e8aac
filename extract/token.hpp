#pragma once
// Tokens of an article: words (split at hyphens, with "'s" split off) and punctuation, with
// byte offsets and the case and position facts the recogniser needs.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/phrase_table.hpp"

namespace extract {

struct Token {
    std::uint32_t start = 0;  ///< byte offsets into the text
    std::uint32_t end = 0;
    enum Flags : std::uint16_t {
        word = 1 << 0,            ///< letters or digits (else punctuation, one code point)
        upper_initial = 1 << 1,   ///< starts with an upper-case letter
        all_caps = 1 << 2,        ///< at least two letters, all upper case
        has_digit = 1 << 3,
        space_before = 1 << 4,    ///< white space between this token and the previous one
        hyphen_before = 1 << 5,   ///< joined to the previous word by a hyphen ("al-Bab")
        sentence_start = 1 << 6,  ///< first word of a sentence or line
        title_line = 1 << 7,      ///< in a line written in Title Case (a headline)
        internal_period = 1 << 8, ///< an abbreviation like "U.S." (periods kept in the token)
        newline_before = 1 << 9,  ///< a line break between this token and the previous one
    };
    std::uint16_t flags = 0;
    bool is(Flags f) const noexcept { return (flags & f) != 0; }
    std::string_view text(std::string_view doc) const noexcept { return doc.substr(start, end - start); }
};

/// Splits text into tokens. Linear in the text; never throws for any bytes (invalid UTF-8 is
/// treated as punctuation).
std::vector<Token> tokenize(std::string_view text);

/// Folded form of every word token (gazetteer::fold_name), kept once per document.
struct FoldedTokens {
    std::string arena;
    std::vector<std::uint32_t> offset;  ///< per token: start in arena
    std::vector<std::uint32_t> length;  ///< per token: 0 for punctuation
    std::vector<std::uint64_t> key;     ///< per token: gazetteer::hash_key of the folded form
    std::vector<TextHash> phrase_hash;  ///< per token: TextHash::of the folded form (phrase tables)
    std::string_view operator[](std::size_t i) const noexcept { return {arena.data() + offset[i], length[i]}; }
};
FoldedTokens fold_tokens(std::string_view text, const std::vector<Token>& tokens);

/// An article's tokens and their folded forms: made once, read by the geoparser and the event
/// extractor alike.
struct TokenizedText {
    std::vector<Token> tokens;
    FoldedTokens folded;
};
TokenizedText tokenize_and_fold(std::string_view text);

}  // namespace extract

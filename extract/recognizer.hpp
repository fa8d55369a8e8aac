#pragma once
// Recognition: finds the spans of an article that name gazetteer places, with the text's own
// evidence (capitalisation, headlines, what comes before and after) deciding which spans are
// place mentions and which are common words, people or organisations.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/token.hpp"
#include "gazetteer/gazetteer.hpp"

namespace extract {

/// Folded form of every word token, kept once per document.
struct FoldedTokens {
    std::string arena;
    std::vector<std::uint32_t> offset;  ///< per token: start in arena
    std::vector<std::uint32_t> length;  ///< per token: 0 for punctuation
    std::string_view operator[](std::size_t i) const noexcept { return {arena.data() + offset[i], length[i]}; }
};
FoldedTokens fold_tokens(std::string_view text, const std::vector<Token>& tokens);

struct RawMention {
    std::size_t first = 0;  ///< token indices, inclusive
    std::size_t last = 0;
    std::vector<gazetteer::Posting> postings;  ///< candidates, filtered (no codes, ...)
};

/// Place-name spans in text order, not overlapping.
std::vector<RawMention> recognize(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                                  const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon);

}  // namespace extract

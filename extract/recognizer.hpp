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

struct RawMention {
    std::size_t first = 0;  ///< token indices, inclusive
    std::size_t last = 0;
    std::vector<gazetteer::Posting> postings;  ///< candidates, filtered (no codes, ...)
};

/// Place-name spans in text order, not overlapping.
std::vector<RawMention> recognize(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                                  const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon);

}  // namespace extract

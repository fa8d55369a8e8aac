#pragma once
// What the words around a place name say about it: its qualifiers ("eastern", "province",
// "outskirts of") and its kind (a comparison, a government standing for its capital).
#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/recognizer.hpp"
#include "extract/token.hpp"

namespace extract {

/// Reads the words around tokens [first, last]: the parts of a place
/// ("eastern Aleppo", "the western parts of Aleppo", "Aleppo's eastern countryside"), the level
/// ("Aleppo province", "the province of Daraa") and surroundings ("outskirts of", "near",
/// "countryside west of").
Qualifier find_qualifier(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                         std::size_t first, std::size_t last, const Lexicon& lexicon);

/// True when the name is used as a comparison: "the equivalent of Stalingrad", "another ...".
bool is_comparison(const std::vector<Token>& tokens, const FoldedTokens& folded, std::size_t first, const Lexicon& lexicon);

/// True when the name is the subject of a statement or decision verb ("Moscow and Damascus have
/// rejected", "Washington announced"): for countries and capitals, the government.
bool is_subject_of_statement(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                             std::size_t first, std::size_t last, const Lexicon& lexicon);

}  // namespace extract

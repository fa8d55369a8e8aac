#pragma once
// Name folding: the key under which every name is indexed and looked up.
#include <string>
#include <string_view>

namespace gazetteer {

/// Version of the folding rules below. A gazetteer records the version it was built with; one
/// built with other rules must be rebuilt (its keys would not meet the new folding).
inline constexpr int kFoldVersion = 2;

/// Folds a UTF-8 name to its lookup key: Unicode compatibility decomposition, case folding,
/// diacritics and modifier letters removed ("Dārayyā", "Darayya", "DARAYYA" -> "darayya"),
/// apostrophes and periods dropped ("Ma'arrat" -> "maarrat", "U.S." -> "us"), every other run of
/// punctuation or space turned into one space ("Al-Kalasseh" -> "al kalasseh"), trimmed.
/// Invalid UTF-8 bytes are dropped. Never throws for bad input; may throw std::bad_alloc.
std::string fold_name(std::string_view utf8);

/// Appends fold_name(utf8) to out (no separator added). Returns false when nothing was appended.
bool append_folded(std::string_view utf8, std::string& out);

}  // namespace gazetteer

#pragma once
// The geoparser's output format: one JSON object per mention, a line each (JSON Lines).
// Fields: doc_id, start, end (code points into the article text), text, kind, qualifier,
// place_id, name, feature_code, country_code, admin1, latitude, longitude, confidence; the place
// fields are null when the mention is unresolved.
#include <string>

#include "extract/codepoints.hpp"
#include "extract/document.hpp"
#include "extract/mention.hpp"

namespace output {

/// Appends one mention as a JSON line (with its newline) to `out`.
void append_mention_json(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                         const extract::Mention& mention);

}  // namespace output

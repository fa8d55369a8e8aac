#pragma once
// Runs the geoparser over a stream of documents on N threads, handing results on in input
// order. Memory is bounded by one batch of documents, not by the stream.
#include <functional>
#include <vector>

#include "extract/geoparser.hpp"
#include "extract/input_reader.hpp"

namespace extract {

using ParsedSink = std::function<void(const Document&, const std::vector<Mention>&)>;

/// Reads every document from `reader`, parses it, and calls `sink` for each in input order
/// (always from the calling thread). `threads` < 1 means 1.
void parse_in_order(DocumentReader& reader, const Geoparser& geoparser, int threads, const ParsedSink& sink);

}  // namespace extract

#pragma once
// `geoevents eval`: runs a geoparser over a corpus' texts and scores it against the gold
// toponyms.
#include <vector>

#include "extract/corpus_reader.hpp"
#include "extract/geoparse_scores.hpp"
#include "extract/geoparser.hpp"

namespace extract {

/// The geoparser's toponyms for one article, in code points: every mention except demonyms
/// (the corpora annotate names of places, not adjectives).
std::vector<PredictedToponym> predicted_toponyms(const std::string& text, const std::vector<Mention>& mentions);

/// Scores `geoparser` on every article of the corpus.
GeoparseScores evaluate_corpus(const std::vector<CorpusArticle>& corpus, const Geoparser& geoparser);

}  // namespace extract

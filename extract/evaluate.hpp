#pragma once
// `geoevents eval`: runs a geoparser over a corpus' texts and scores it against the gold
// toponyms.
#include <vector>

#include "extract/corpus_reader.hpp"
#include "extract/geoparse_scores.hpp"
#include "extract/geoparser.hpp"

namespace extract {

/// The geoparser's toponyms for one article, in code points: every mention, demonyms only
/// when the corpus annotates them (LGL does, "Georgian" -> Georgia; GeoVirus does not).
std::vector<PredictedToponym> predicted_toponyms(const std::string& text, const std::vector<Mention>& mentions,
                                                 bool include_demonyms);

/// One line of the details `geoevents eval --details` writes: a missed gold toponym, a
/// prediction matching no gold toponym, or a recognised toponym placed more than 161 km off.
struct EvalDetail {
    std::string kind;  ///< "missed", "spurious", "far"
    std::string article;
    std::string text;  ///< the span in the article
    std::string context;  ///< the words around it
    std::string predicted;  ///< place id, name, feature code and country of the prediction
    double error_km = 0.0;
};

/// Scores `geoparser` on every article of the corpus; fills `details` when given.
GeoparseScores evaluate_corpus(const std::vector<CorpusArticle>& corpus, CorpusFormat format, const Geoparser& geoparser,
                               std::vector<EvalDetail>* details = nullptr);

}  // namespace extract

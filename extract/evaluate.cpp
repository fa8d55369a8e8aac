#include "extract/evaluate.hpp"

#include "extract/codepoints.hpp"

namespace extract {

std::vector<PredictedToponym> predicted_toponyms(const std::string& text, const std::vector<Mention>& mentions) {
    const CodepointIndex index(text);
    std::vector<PredictedToponym> out;
    out.reserve(mentions.size());
    for (const auto& m : mentions) {
        if (m.kind == MentionKind::demonym) continue;
        PredictedToponym p;
        p.start = index.to_codepoint(m.start);
        p.end = index.to_codepoint(m.end);
        if (m.place) {
            p.resolved = true;
            p.latitude = m.place->latitude;
            p.longitude = m.place->longitude;
        }
        out.push_back(p);
    }
    return out;
}

GeoparseScores evaluate_corpus(const std::vector<CorpusArticle>& corpus, const Geoparser& geoparser) {
    GeoparseScorer scorer;
    Document doc;
    for (const auto& article : corpus) {
        doc.id = article.id;
        doc.title = article.title;
        doc.text = article.text;
        scorer.add_article(article.gold, predicted_toponyms(doc.text, geoparser.parse(doc)));
    }
    return scorer.scores();
}

}  // namespace extract

#include "extract/evaluate.hpp"

#include <algorithm>

#include "extract/codepoints.hpp"
#include "geo/distance.hpp"

namespace extract {

std::vector<PredictedToponym> predicted_toponyms(const std::string& text, const std::vector<Mention>& mentions,
                                                 bool include_demonyms) {
    const CodepointIndex index(text);
    std::vector<PredictedToponym> out;
    out.reserve(mentions.size());
    for (const auto& m : mentions) {
        if (m.kind == MentionKind::demonym && !include_demonyms) continue;
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

namespace {

bool overlaps(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) { return a0 < b1 && b0 < a1; }

void collect_details(const CorpusArticle& article, const std::vector<Mention>& mentions, bool include_demonyms,
                     const std::vector<PredictedToponym>& predicted, std::vector<EvalDetail>& out) {
    const CodepointIndex index(article.text);
    auto slice = [&](std::size_t cp0, std::size_t cp1, std::size_t pad) {
        const auto b0 = index.to_byte(cp0 > pad ? cp0 - pad : 0);
        const auto b1 = index.to_byte(std::min(index.size_codepoints(), cp1 + pad));
        std::string s = article.text.substr(b0, b1 - b0);
        for (auto& c : s) if (c == '\n' || c == '\t') c = ' ';
        return s;
    };
    std::vector<const Mention*> literal;  // the mentions behind `predicted`, in the same order
    for (const auto& m : mentions) {
        if (m.kind != MentionKind::demonym || include_demonyms) literal.push_back(&m);
    }
    auto describe = [](const Mention& m) {
        if (!m.place) return std::string("(unresolved)");
        return std::string(m.place->place_id) + " " + std::string(m.place->name) + " " + std::string(m.place->feature_code) +
               " " + std::string(m.place->country_code) + " " + std::string(to_string(m.kind));
    };
    for (const auto& g : article.gold) {
        bool found = false;
        for (std::size_t i = 0; i < predicted.size(); ++i) {
            const auto& p = predicted[i];
            if (!overlaps(g.start, g.end, p.start, p.end)) continue;
            found = true;
            if (g.has_coordinates) {
                const double err = p.resolved ? geo::distance_km({g.latitude, g.longitude}, {p.latitude, p.longitude}) : kMaxErrorKm;
                if (err > 161.0) out.push_back({"far", article.id, slice(g.start, g.end, 0), slice(g.start, g.end, 40), describe(*literal[i]), err});
            }
            break;
        }
        if (!found) out.push_back({"missed", article.id, slice(g.start, g.end, 0), slice(g.start, g.end, 40), "", 0.0});
    }
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        const auto& p = predicted[i];
        bool found = false;
        for (const auto& g : article.gold) found = found || overlaps(g.start, g.end, p.start, p.end);
        if (!found) out.push_back({"spurious", article.id, slice(p.start, p.end, 0), slice(p.start, p.end, 40), describe(*literal[i]), 0.0});
    }
}

}  // namespace

GeoparseScores evaluate_corpus(const std::vector<CorpusArticle>& corpus, CorpusFormat format, const Geoparser& geoparser,
                               std::vector<EvalDetail>* details) {
    const bool include_demonyms = format == CorpusFormat::lgl;
    GeoparseScorer scorer;
    Document doc;
    for (const auto& article : corpus) {
        doc.id = article.id;
        doc.title = article.title;
        doc.text = article.text;
        const auto mentions = geoparser.parse(doc);
        const auto predicted = predicted_toponyms(doc.text, mentions, include_demonyms);
        scorer.add_article(article.gold, predicted);
        if (details) collect_details(article, mentions, include_demonyms, predicted, *details);
    }
    return scorer.scores();
}

}  // namespace extract

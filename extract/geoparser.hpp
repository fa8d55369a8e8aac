#pragma once
// The geoparser: recognises place mentions in an article and resolves them against the
// gazetteer. Build once (Geoparser(gazetteer, lexicon)), then call parse() from any number of
// threads: it is immutable and keeps no state between calls.
#include <memory>
#include <vector>

#include "extract/document.hpp"
#include "extract/mention.hpp"
#include "extract/token.hpp"
#include "gazetteer/gazetteer.hpp"

namespace extract {

class Lexicon;

struct GeoparserOptions {
    /// Resolve every mention to its most populous candidate and nothing else: the population
    /// baseline `geoevents eval` prints beside the real result.
    bool population_baseline = false;
};

class Geoparser {
public:
    /// `gazetteer` and `lexicon` must outlive the Geoparser.
    Geoparser(const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon, GeoparserOptions options = {});
    ~Geoparser();
    Geoparser(Geoparser&&) noexcept;

    /// All place mentions of the document, in text order. Never throws for any text.
    std::vector<Mention> parse(const Document& doc) const;
    /// The same, on the document's tokens made beforehand (tokenize_and_fold(doc.text)).
    std::vector<Mention> parse(const Document& doc, const TokenizedText& tokenized) const;

    /// The gazetteer whose places the mentions view.
    const gazetteer::Gazetteer& gazetteer() const noexcept { return gazetteer_; }

private:
    const gazetteer::Gazetteer& gazetteer_;
    const Lexicon& lexicon_;
    GeoparserOptions options_;
};

}  // namespace extract

#include "extract/geoparser.hpp"

#include "extract/document_resolver.hpp"
#include "extract/lexicon.hpp"
#include "extract/mention_context.hpp"
#include "extract/recognizer.hpp"
#include "extract/token.hpp"

namespace extract {
namespace {

bool is_country_or_capital(const gazetteer::PlaceView& p) {
    return p.feature_code.substr(0, 3) == "PCL" || p.feature_code == "PPLC";
}

// Mention j names a place containing mention i when only a comma or "in" separates them
// ("Springfield, Illinois", "Daraya in Rif Dimashq").
bool contains_previous(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                       const RawMention& i, const RawMention& j) {
    if (j.first != i.last + 2) return false;
    const auto& between = tokens[i.last + 1];
    if (between.is(Token::word)) return folded[i.last + 1] == "in";
    return between.text(text) == ",";
}

}  // namespace

Geoparser::Geoparser(const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon, GeoparserOptions options)
    : gazetteer_(gazetteer), lexicon_(lexicon), options_(options) {}
Geoparser::~Geoparser() = default;
Geoparser::Geoparser(Geoparser&&) noexcept = default;

std::vector<Mention> Geoparser::parse(const Document& doc) const { return parse(doc, tokenize_and_fold(doc.text)); }

std::vector<Mention> Geoparser::parse(const Document& doc, const TokenizedText& tokenized) const {
    const std::string_view text = doc.text;
    const auto& tokens = tokenized.tokens;
    const auto& folded = tokenized.folded;
    const auto raws = recognize(text, tokens, folded, gazetteer_, lexicon_);

    std::vector<MentionEvidence> evidence(raws.size());
    std::vector<std::string> keys(raws.size());
    for (std::size_t m = 0; m < raws.size(); ++m) {
        const auto& r = raws[m];
        for (std::size_t t = r.first; t <= r.last; ++t) {
            if (folded.length[t] == 0) continue;
            if (!keys[m].empty()) keys[m].push_back(' ');
            keys[m].append(folded[t]);
        }
        evidence[m].raw = &r;
        evidence[m].qualifier = find_qualifier(text, tokens, folded, r.first, r.last, lexicon_);
        evidence[m].statement_subject = is_subject_of_statement(text, tokens, folded, r.first, r.last, lexicon_);
        if (m > 0 && contains_previous(text, tokens, folded, raws[m - 1], r)) {
            evidence[m - 1].container = m;
            evidence[m].is_container = true;
        }
    }
    for (std::size_t m = 0; m < raws.size(); ++m) evidence[m].key = keys[m];
    const auto resolutions = resolve_document(evidence, gazetteer_, options_.population_baseline);

    std::vector<Mention> out;
    out.reserve(raws.size());
    for (std::size_t m = 0; m < raws.size(); ++m) {
        const auto& r = raws[m];
        Mention mention;
        mention.start = tokens[r.first].start;
        mention.end = tokens[r.last].end;
        mention.text.assign(text.substr(mention.start, mention.end - mention.start));
        mention.qualifier = evidence[m].qualifier;
        mention.candidates = r.postings.size();
        if (const auto& choice = resolutions[m].choice) {
            mention.place = gazetteer_.place(choice->place());
            mention.match = choice->kind();
            mention.confidence = resolutions[m].confidence;
        }
        if (mention.place && mention.match == gazetteer::MatchKind::demonym) {
            mention.kind = MentionKind::demonym;
            mention.qualifier = Qualifier{};  // "Russian city": the words qualify something else
        } else if (is_comparison(tokens, folded, r.first, lexicon_)) {
            mention.kind = MentionKind::historical;
        } else if (mention.place && is_country_or_capital(*mention.place) && evidence[m].statement_subject) {
            mention.kind = MentionKind::metonymic;
        }
        out.push_back(std::move(mention));
    }
    return out;
}

}  // namespace extract

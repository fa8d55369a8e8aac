#include "extract/parallel_parse.hpp"

namespace extract {

void parse_in_order(DocumentReader& reader, const Geoparser& geoparser, int threads, const ParsedSink& sink) {
    process_in_order<std::vector<Mention>>(
        reader, threads, [&](const Document& doc) { return geoparser.parse(doc); },
        [&](const Document& doc, const std::vector<Mention>& mentions) { sink(doc, mentions); });
}

}  // namespace extract

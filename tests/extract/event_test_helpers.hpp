#pragma once
// Shared by the event tests: the fixture gazetteer's geoparser with the shipped event tables,
// and short ways to run the extractor on a sentence.
#include <string>
#include <vector>

#include "extract/casualty_counts.hpp"
#include "extract/document.hpp"
#include "extract/event.hpp"
#include "extract/event_extractor.hpp"
#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"

namespace testing {

/// A document of the fixture world: id, "Title of <id>", an example.org url, "Example News".
extract::Document event_document(const std::string& text, const std::string& published = "2016-11-20",
                                 const std::string& id = "doc-a");

/// The events of a document, or of a text published on `published`.
std::vector<extract::Event> extract_from(const extract::Document& doc);
std::vector<extract::Event> extract_from(const std::string& text, const std::string& published = "2016-11-20");

/// One line per event: type, place, dates, actors, notes (for INFO messages).
std::string describe(const std::vector<extract::Event>& events);

/// The only event of `text` (REQUIREs that there is exactly one).
extract::Event only_event(const std::string& text, const std::string& published = "2016-11-20");

/// CHECKs the type and sub-type of the only event of `text`.
void check_type(const std::string& text, const std::string& type, const std::string& sub_type);

/// The shared geoparser and event tables.
const extract::Geoparser& event_geoparser();
const extract::EventLexicon& event_lexicon();
const extract::CasualtyLexicon& casualty_lexicon();

}  // namespace testing

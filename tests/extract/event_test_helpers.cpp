#include "extract/event_test_helpers.hpp"

#include <catch2/catch.hpp>

#include <sstream>

#include "extract/mini_geoparser.hpp"

namespace testing {
namespace {

// The event tables beside the shared geoparser of the fixture gazetteer.
struct Setup {
    const testing::MiniGeoparser& mini = testing::mini_geoparser();
    const gazetteer::Gazetteer& gaz = mini.gaz;
    const extract::Lexicon& lexicon = mini.lexicon;
    const extract::Geoparser& geoparser = mini.geoparser;
    extract::EventLexicon events = extract::EventLexicon::load(extract::Lexicon::default_dir());
    extract::CasualtyLexicon casualties = extract::CasualtyLexicon::load(extract::Lexicon::default_dir());
};

const Setup& setup() {
    static const Setup s;
    return s;
}

}  // namespace

const extract::Geoparser& event_geoparser() { return setup().geoparser; }
const extract::EventLexicon& event_lexicon() { return setup().events; }
const extract::CasualtyLexicon& casualty_lexicon() { return setup().casualties; }

extract::Document event_document(const std::string& text, const std::string& published, const std::string& id) {
    extract::Document doc;
    doc.id = id;
    doc.title = "Title of " + id;
    doc.url = "https://example.org/" + id;
    doc.source = "Example News";
    doc.text = text;
    doc.published = published;
    return doc;
}

std::vector<extract::Event> extract_from(const extract::Document& doc) {
    const auto& s = setup();
    return extract::extract_events(doc, s.geoparser.parse(doc), s.events, s.casualties);
}

std::vector<extract::Event> extract_from(const std::string& text, const std::string& published) {
    return extract_from(event_document(text, published));
}

std::string describe(const std::vector<extract::Event>& events) {
    std::ostringstream out;
    for (const auto& e : events) {
        out << "[" << e.event_type << " / " << e.sub_event_type << " at " << e.location_mention << " ("
            << e.place.place_id << ") " << (e.date ? e.date->start.to_iso() + ".." + e.date->end.to_iso() : "no date")
            << " actors '" << e.actor1 << "' '" << e.actor2 << "' " << e.notes << "] ";
    }
    return out.str();
}

extract::Event only_event(const std::string& text, const std::string& published) {
    const auto events = extract_from(text, published);
    INFO(text << " -> " << describe(events));
    REQUIRE(events.size() == 1);
    return events.front();
}

void check_type(const std::string& text, const std::string& type, const std::string& sub_type) {
    const auto e = only_event(text);
    INFO(text << " -> " << describe({e}));
    CHECK(e.event_type == type);
    CHECK(e.sub_event_type == sub_type);
}

}  // namespace testing

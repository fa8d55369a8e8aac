#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "extract/event_accumulator.hpp"
#include "extract/event_extractor.hpp"

using extract::Event;

namespace {

Event event(int id, int doc, int fatalities) {
    Event e;
    e.event_id = fmt::format("ev{}", id);
    e.sub_event_type = "Shelling/artillery/missile attack";
    e.fatalities = fatalities;
    extract::EventSource s;
    s.doc_id = fmt::format("doc{:05}", doc);
    s.url = fmt::format("https://news.example/{}", doc);
    s.title = fmt::format("Report {}", doc);
    s.evidence_text = fmt::format("Shells fell, says report {}.", doc);
    e.sources.push_back(s);
    return e;
}

}  // namespace

TEST_CASE("Events merged as they come equal the events merged at the end", "[extract][events]") {
    // 300 distinct events, each reported by 50 articles in an order that is not the article order
    std::vector<Event> all;
    extract::EventAccumulator acc;
    std::size_t largest_held = 0;
    for (int doc = 0; doc < 15000; ++doc) {
        const int reversed = 15000 - doc;  // later articles have smaller ids
        std::vector<Event> batch = {event(doc % 300, reversed, 10 + doc % 7)};
        all.push_back(batch.front());
        acc.add(batch);
        CHECK(batch.empty());
        largest_held = std::max(largest_held, acc.size());
    }
    CHECK(largest_held < 5000);  // merged along the way: never every report at once
    const auto merged = acc.take();
    const auto expected = extract::merge_events(all);
    REQUIRE(merged.size() == 300);
    REQUIRE(expected.size() == 300);
    for (std::size_t i = 0; i < merged.size(); ++i) {
        INFO(i);
        CHECK(merged[i].event_id == expected[i].event_id);  // order of first report
        CHECK(merged[i].fatalities == expected[i].fatalities);  // the lowest count
        REQUIRE(merged[i].sources.size() == 50);
        for (std::size_t s = 0; s < 50; ++s) {
            CHECK(merged[i].sources[s].doc_id == expected[i].sources[s].doc_id);
            CHECK(merged[i].sources[s].url == expected[i].sources[s].url);
        }
        // the first source (by article id) keeps its sentence; the others only id, URL, publisher
        CHECK(merged[i].sources[0].evidence_text == expected[i].sources[0].evidence_text);
        CHECK(merged[i].sources[0].title == expected[i].sources[0].title);
        CHECK(merged[i].sources[49].evidence_text.empty());
    }
    CHECK(acc.take().empty());
}

#include <catch2/catch.hpp>

#include <set>

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

/// A field of the sources as the layers write it: the values joined by ';', empty and repeated
/// ones left out (output/event_layers.cpp).
template <typename F>
std::string joined(const std::vector<extract::EventSource>& sources, F&& field) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& s : sources) {
        const std::string v = field(s);
        if (v.empty() || !seen.insert(v).second) continue;
        if (!out.empty()) out += ';';
        out += v;
    }
    return out;
}

std::string ids(const std::vector<extract::EventSource>& s) {
    return joined(s, [](const extract::EventSource& x) { return x.doc_id; });
}
std::string urls(const std::vector<extract::EventSource>& s) {
    return joined(s, [](const extract::EventSource& x) { return x.url; });
}

TEST_CASE("Events merged as they come give the layers what merge_events gives", "[extract][events]") {
    // 300 distinct events, each reported by 50 articles in an order that is not the article
    // order; some articles have no URL, some share one, one is reported twice
    std::vector<Event> all;
    extract::EventAccumulator acc;
    for (int doc = 0; doc < 15000; ++doc) {
        const int reversed = 15000 - doc;  // later articles have smaller ids
        auto e = event(doc % 300, reversed, 10 + doc % 7);
        if (doc % 11 == 0) e.sources.front().url.clear();
        if (doc % 13 == 0) e.sources.front().url = "https://news.example/shared";
        std::vector<Event> batch = {e};
        if (doc == 20) batch.push_back(e);  // the same report again
        for (const auto& b : batch) all.push_back(b);
        acc.add(batch);
        CHECK(batch.empty());
    }
    CHECK(acc.size() == 300);
    const auto merged = acc.take();
    const auto expected = extract::merge_events(all);
    REQUIRE(merged.size() == 300);
    REQUIRE(expected.size() == 300);
    for (std::size_t i = 0; i < merged.size(); ++i) {
        INFO(i);
        CHECK(merged[i].event_id == expected[i].event_id);      // order of first report
        CHECK(merged[i].fatalities == expected[i].fatalities);  // the lowest count
        CHECK(ids(merged[i].sources) == ids(expected[i].sources));
        CHECK(urls(merged[i].sources) == urls(expected[i].sources));
        // the first source (by article id) is whole; the others are packed into one
        REQUIRE(merged[i].sources.size() == 2);
        CHECK(merged[i].sources[0].doc_id == expected[i].sources[0].doc_id);
        CHECK(merged[i].sources[0].evidence_text == expected[i].sources[0].evidence_text);
        CHECK(merged[i].sources[0].title == expected[i].sources[0].title);
    }
    CHECK(acc.size() == 0);
    CHECK(acc.take().empty());
}

TEST_CASE("An event reported once keeps its one source as it was", "[extract][events]") {
    extract::EventAccumulator acc;
    std::vector<Event> batch = {event(1, 7, 3), event(2, 8, 4)};
    acc.add(batch);
    const auto merged = acc.take();
    REQUIRE(merged.size() == 2);
    REQUIRE(merged[0].sources.size() == 1);
    CHECK(merged[0].sources[0].doc_id == "doc00007");
    CHECK(merged[0].sources[0].evidence_text == "Shells fell, says report 7.");
    CHECK(merged[1].fatalities == 4);
}

TEST_CASE("Many distinct events are each merged with their own reports, also after take()", "[extract][events]") {
    // enough events for the accumulator's index to grow several times while reports come
    // interleaved: event k by article k, then again by article 100000 + k
    extract::EventAccumulator acc;
    constexpr int kEvents = 5000;
    for (int round = 0; round < 2; ++round) {
        for (int k = 0; k < kEvents; ++k) {
            std::vector<Event> batch = {event(k, k, 20 - k % 5)};
            acc.add(batch);
            if (k >= 10) {
                std::vector<Event> again = {event(k - 10, 100000 + k - 10, 3)};
                acc.add(again);
            }
        }
        for (int k = kEvents - 10; k < kEvents; ++k) {
            std::vector<Event> again = {event(k, 100000 + k, 3)};
            acc.add(again);
        }
        CHECK(acc.size() == kEvents);
        const auto merged = acc.take();
        REQUIRE(merged.size() == kEvents);
        bool all_right = true;
        for (int k = 0; k < kEvents; ++k) {
            const auto& e = merged[static_cast<std::size_t>(k)];
            const bool right = e.event_id == fmt::format("ev{}", k) && e.fatalities == 3 && e.sources.size() == 2 &&
                               e.sources[0].doc_id == fmt::format("doc{:05}", k) &&
                               e.sources[1].doc_id == fmt::format("doc{:05}", 100000 + k);
            if (!right) {
                INFO("event " << k << " in round " << round);
                CHECK(right);
                all_right = false;
                break;
            }
        }
        CHECK(all_right);
        CHECK(acc.size() == 0);
    }
}

#include <catch2/catch.hpp>

#include <map>

#include "output/event_layers.hpp"

using output::MentionRecord;

namespace {

gazetteer::PlaceView place(std::string_view id, std::string_view name) {
    gazetteer::PlaceView p;
    p.place_id = id;
    p.name = name;
    return p;
}

MentionRecord record(const gazetteer::PlaceView& p, std::string text, extract::Compass compass = extract::Compass::none) {
    MentionRecord r;
    r.doc_id = "d";
    r.mention.text = std::move(text);
    r.mention.place = p;
    r.mention.qualifier.compass = compass;
    r.mention.start = 17;
    return r;
}

}  // namespace

TEST_CASE("Mentions are tallied by place, surface form and qualifier", "[output][mentions]") {
    const auto homs = place("test:1", "Homs");
    const auto hama = place("test:2", "Hama");
    output::MentionTally tally;
    for (int i = 0; i < 1000; ++i) tally.add(record(homs, "Homs"));
    tally.add(record(homs, "HOMS"));
    tally.add(record(homs, "Homs", extract::Compass::east));
    tally.add({record(hama, "Hama"), record(hama, "Hama")});
    auto unresolved = record(hama, "Hama");
    unresolved.mention.place.reset();
    tally.add(unresolved);
    auto metonymic = record(hama, "Hama");
    metonymic.mention.kind = extract::MentionKind::metonymic;
    tally.add(metonymic);

    CHECK(tally.size() == 4);
    std::map<std::string, std::int64_t> counts;
    for (const auto& r : tally.records()) {
        counts[std::string(r.mention.place->place_id) + " " + r.mention.text + " " + r.mention.qualifier.to_string()] += r.count;
        CHECK(r.mention.start == 0);  // offsets are not kept
    }
    CHECK(counts == std::map<std::string, std::int64_t>{
                        {"test:1 Homs ", 1000}, {"test:1 HOMS ", 1}, {"test:1 Homs east", 1}, {"test:2 Hama ", 2}});
    // a tallied record adds its count
    output::MentionTally again;
    for (const auto& r : tally.records()) again.add(r);
    std::int64_t total = 0;
    for (const auto& r : again.records()) total += r.count;
    CHECK(total == 1004);
}

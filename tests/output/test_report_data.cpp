#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "fixtures.hpp"
#include "output/event_reader.hpp"
#include "output/region_layer.hpp"
#include "output/report_data.hpp"
#include "output/report_fixture.hpp"

using namespace output;
using Catch::Matchers::Contains;

namespace {

/// The fixture's events and regions, read as `report` reads them.
struct Inputs {
    testing::TempDir dir;
    EventsRead events;
    RegionLayer regions;
    Inputs() {
        testing::write_file(dir / "events.geojson", testing::kReportEventsGeojson);
        testing::write_file(dir / "regions.geojson", testing::kReportRegionsGeojson);
        events = read_events(dir / "events.geojson");
        regions = read_region_layer(parse_region_source((dir / "regions.geojson").string()), {"NAME", "PCODE"});
    }
};

const Inputs& inputs() {
    static const Inputs in;
    return in;
}

const ReportRegion& region(const ReportData& data, const std::string& name) {
    for (const auto& r : data.regions) {
        if (r.name == name) return r;
    }
    FAIL("no region " << name);
    throw std::logic_error("unreachable");
}

const TypeCount* type(const ReportTotals& t, const std::string& name) {
    for (const auto& c : t.by_type) {
        if (c.event_type == name) return &c;
    }
    return nullptr;
}

std::vector<std::string> ids(const ReportData& data, const ReportRegion& r) {
    std::vector<std::string> out;
    for (auto i : r.events) out.push_back(data.events[i].event_id);
    return out;
}

extract::CivilDate day(const char* iso) { return *extract::CivilDate::from_iso(iso); }

}  // namespace

TEST_CASE("read_events keeps the stored point and the region fields", "[output][report]") {
    const auto& ev = inputs().events;
    REQUIRE(ev.events.size() == 8);
    REQUIRE(ev.points.size() == 8);
    REQUIRE(ev.regions.size() == 8);
    CHECK(ev.has_region_fields);
    CHECK(ev.events[0].event_id == "e1");
    CHECK(ev.regions[0].name == "Northern Gov");
    CHECK(ev.regions[0].code == "NG");
    CHECK(ev.regions[3].name.empty());
    CHECK(ev.points[5].lat == Approx(30));
    CHECK(ev.points[5].lon == Approx(40));
}

TEST_CASE("report counts events by polygon region and type", "[output][report]") {
    const auto data = build_report(inputs().events, &inputs().regions, {});
    CHECK(data.has_polygons);
    CHECK(data.totals.events == 7);
    CHECK(data.totals.fatalities == 20);
    CHECK(data.totals.without_fatalities == 1);
    CHECK(data.totals.first == day("2016-10-28"));
    CHECK(data.totals.last == day("2016-12-10"));
    CHECK(data.source_count == 5);  // a1-a5; a6 reports only the undated e7
    CHECK(data.top_sources.front() == std::pair<std::string, std::int64_t>{"a1", 3});

    // regions: most events first, the empty one after them, the outside group last
    REQUIRE(data.regions.size() == 4);
    CHECK(data.regions[3].outside);
    CHECK(data.regions[2].name == "Empty");

    const auto& north = region(data, "North");
    CHECK(north.code == "XN");
    CHECK(north.totals.events == 3);
    CHECK(north.totals.fatalities == 5);
    CHECK(north.totals.without_fatalities == 1);
    CHECK(ids(data, north) == std::vector<std::string>{"e1", "e2", "e3"});
    REQUIRE(north.undated.size() == 1);
    CHECK(data.undated[north.undated[0]].event_id == "e7");
    REQUIRE(type(north.totals, "Battles"));
    CHECK(type(north.totals, "Battles")->events == 2);
    CHECK(type(north.totals, "Battles")->fatalities == 5);
    CHECK(type(north.totals, "Explosions/Remote violence")->events == 1);
    REQUIRE(!north.totals.top_places.empty());
    CHECK(north.totals.top_places[0].name == "Alpha");
    CHECK(north.totals.top_places[0].events == 2);

    const auto& south = region(data, "South");
    CHECK(south.totals.events == 3);
    CHECK(south.totals.fatalities == 14);
    CHECK(ids(data, south) == std::vector<std::string>{"e8", "e4", "e5"});  // by date
    REQUIRE(south.totals.by_sub_type.size() == 3);

    const auto& empty = region(data, "Empty");
    CHECK(empty.totals.events == 0);
    CHECK(empty.events.empty());

    const auto& outside = data.regions.back();
    CHECK(outside.name == "Outside the regions");
    CHECK(ids(data, outside) == std::vector<std::string>{"e6"});
    CHECK(outside.totals.fatalities == 1);

    // all types, most events first; equal counts by fatalities
    CHECK(data.event_types ==
          std::vector<std::string>{"Battles", "Explosions/Remote violence", "Riots", "Protests"});
    CHECK(type(data.totals, "Battles")->events == 3);
    CHECK(type(data.totals, "Battles")->fatalities == 9);
    CHECK(type(data.totals, "Explosions/Remote violence")->fatalities == 10);
    // the undated event is in no count
    CHECK(data.undated.size() == 1);
}

TEST_CASE("report periods keep events whose span overlaps them", "[output][report]") {
    SECTION("November") {
        ReportOptions o;
        o.from = day("2016-11-01");
        o.to = day("2016-11-30");
        const auto data = build_report(inputs().events, &inputs().regions, o);
        CHECK(data.totals.events == 6);  // e5 is in December; e8 (28 Oct - 2 Nov) overlaps
        CHECK(data.outside_period == 1);
        CHECK(ids(data, region(data, "South")) == std::vector<std::string>{"e8", "e4"});
        CHECK(data.undated.size() == 1);  // listed whatever the period
        // daily bins over the period; e8 counts on the period's first day
        CHECK(data.bin == BinWidth::day);
        REQUIRE(data.totals.series.size() == 30);
        CHECK(data.totals.series[0].start == day("2016-11-01"));
        CHECK(data.totals.series[0].events == 2);
        CHECK(data.totals.series[0].fatalities == 7);
        CHECK(data.totals.series[4].events == 1);  // e4 on the 5th
    }
    SECTION("an open end") {
        ReportOptions o;
        o.from = day("2016-11-03");
        const auto data = build_report(inputs().events, &inputs().regions, o);
        CHECK(data.totals.events == 4);  // e3, e4, e5, e6
        CHECK(data.outside_period == 3);
        CHECK(ids(data, region(data, "North")) == std::vector<std::string>{"e3"});
    }
    SECTION("an end before the start") {
        ReportOptions o;
        o.from = day("2016-11-03");
        o.to = day("2016-11-01");
        CHECK_THROWS_WITH(build_report(inputs().events, &inputs().regions, o), Contains("before its start"));
    }
}

TEST_CASE("report --region keeps the regions named", "[output][report]") {
    ReportOptions o;
    SECTION("a known code") {
        o.regions = {"XS"};
        const auto data = build_report(inputs().events, &inputs().regions, o);
        REQUIRE(data.regions.size() == 1);
        CHECK(data.regions[0].name == "South");
        CHECK(data.totals.events == 3);
        CHECK(data.totals.fatalities == 14);
        CHECK(data.undated.empty());
    }
    SECTION("an unknown code names itself and the known ones") {
        o.regions = {"XS", "XQ"};
        CHECK_THROWS_WITH(build_report(inputs().events, &inputs().regions, o),
                          Contains("'XQ'") && Contains("XE, XN, XS") && Contains("regions.geojson"));
    }
}

TEST_CASE("report without polygons uses the events' region fields, else admin1", "[output][report]") {
    const auto data = build_report(inputs().events, nullptr, {});
    CHECK_FALSE(data.has_polygons);
    REQUIRE(data.regions.size() == 3);
    CHECK(data.regions[0].name == "Northern Gov");
    CHECK(data.regions[0].code == "NG");
    CHECK(data.regions[0].totals.events == 3);
    CHECK(data.regions[0].geometry.empty());
    CHECK(data.regions[1].name == "Southland");
    CHECK(data.regions[1].code.empty());
    CHECK(data.regions[1].totals.fatalities == 14);
    CHECK(data.regions[2].outside);
    CHECK(data.regions[2].name == "No region");
    CHECK(ids(data, data.regions[2]) == std::vector<std::string>{"e6"});

    SECTION("--region takes a code, or a name for a region without one") {
        ReportOptions o;
        o.regions = {"NG", "Southland"};
        const auto kept = build_report(inputs().events, nullptr, o);
        CHECK(kept.regions.size() == 2);
        CHECK(kept.totals.events == 6);
        o.regions = {"XN"};
        CHECK_THROWS_WITH(build_report(inputs().events, nullptr, o), Contains("'XN'") && Contains("NG, Southland"));
    }
}

TEST_CASE("report series are weekly for longer periods", "[output][report]") {
    ReportOptions o;
    o.from = day("2016-09-01");
    o.to = day("2016-12-31");
    const auto data = build_report(inputs().events, &inputs().regions, o);
    CHECK(data.bin == BinWidth::week);
    REQUIRE(!data.totals.series.empty());
    CHECK(data.totals.series[0].start == day("2016-08-29"));  // the Monday of 1 September's week
    std::int64_t sum = 0;
    for (const auto& b : data.totals.series) sum += b.events;
    CHECK(sum == data.totals.events);
}

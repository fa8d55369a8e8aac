#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "output/report_fixture.hpp"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

/// The fixture's events and regions in a scratch folder.
struct Inputs {
    testing::TempDir dir;
    fs::path events = dir / "in" / "events.geojson";
    fs::path regions = dir / "in" / "regions.geojson";
    Inputs() {
        fs::create_directories(dir / "in");
        testing::write_file(events, testing::kReportEventsGeojson);
        testing::write_file(regions, testing::kReportRegionsGeojson);
    }
    std::string with_regions() const {
        return " --regions " + testing::shell_quote(regions) + " --region-name NAME --region-code PCODE";
    }
};

testing::CommandResult report(const std::string& args) {
    return testing::run_command(testing::geoevents_bin().string() + " report " + args);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("geoevents report writes an HTML report and a regions layer", "[cli][report]") {
    const Inputs in;
    const auto out = in.dir / "out" / "report.html";
    const auto r = report(testing::shell_quote(in.events) + in.with_regions() +
                          " --from 2016-11-01 --to 2016-11-30 -o " + testing::shell_quote(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("6 events (20 fatalities) in 2 regions, 1 undated"));
    const auto html = testing::read_file(out);
    CHECK_THAT(html, Contains("2016-11-01 to 2016-11-30"));
    CHECK_THAT(html, Contains("<svg class=\"map\""));
    CHECK_THAT(html, Contains("<svg class=\"chart\""));
    CHECK_THAT(html, Contains("Gamma &lt;b&gt;&amp;"));
    CHECK(count(html, "<section id=\"region-") == 3);  // North, South, outside; not Empty

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((in.dir / "out" / "regions.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 3);
    std::int64_t events = 0, fatalities = 0;
    for (auto& f : *layer) {
        events += f->GetFieldAsInteger64("events");
        fatalities += f->GetFieldAsInteger64("fatalities");
    }
    CHECK(events == 5);       // e6 is outside every polygon
    CHECK(fatalities == 19);

    SECTION("a second run needs --overwrite") {
        const auto again = report(testing::shell_quote(in.events) + in.with_regions() + " -o " + testing::shell_quote(out));
        CHECK(again.status == 1);
        CHECK_THAT(again.err, Contains("report.html") && Contains("--overwrite"));
        const auto forced =
            report(testing::shell_quote(in.events) + in.with_regions() + " --overwrite -o " + testing::shell_quote(out));
        CHECK(forced.status == 0);
    }
}

TEST_CASE("geoevents report --region and --format md", "[cli][report]") {
    const Inputs in;
    const auto out = in.dir / "report.md";
    const auto r = report(testing::shell_quote(in.events) + in.with_regions() + " --region XN -o " + testing::shell_quote(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto md = testing::read_file(out);
    CHECK_THAT(md, Contains("| Events | 3 |"));
    CHECK_THAT(md, Contains("## North (XN)"));
    CHECK_THAT(md, !Contains("## South"));
    CHECK(fs::exists(in.dir / "report_files" / "map-all.svg"));
    CHECK(fs::exists(in.dir / "report_files" / "chart-region-0.svg"));
}

TEST_CASE("geoevents report without --regions groups by the events' fields", "[cli][report]") {
    const Inputs in;
    const auto out = in.dir / "report.html";
    const auto r = report(testing::shell_quote(in.events) + " -o " + testing::shell_quote(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Contains("no regions layer"));
    const auto html = testing::read_file(out);
    CHECK_THAT(html, Contains("Northern Gov (NG)"));
    CHECK_THAT(html, Contains("Southland"));
    CHECK_THAT(html, Contains("No region polygons were given"));
    CHECK_FALSE(fs::exists(in.dir / "regions.geojson"));
}

TEST_CASE("geoevents report never writes over its regions input", "[cli][report]") {
    const Inputs in;
    const auto r = report(testing::shell_quote(in.events) + in.with_regions() + " --overwrite -o " +
                          testing::shell_quote(in.dir / "in" / "report.html"));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains("regions.geojson") && Contains("is an input"));
    CHECK(testing::read_file(in.regions) == testing::kReportRegionsGeojson);
}

TEST_CASE("geoevents report errors name what is wrong", "[cli][report]") {
    const Inputs in;
    const auto out = " -o " + testing::shell_quote(in.dir / "report.html");
    SECTION("a bad date is a usage error") {
        const auto r = report(testing::shell_quote(in.events) + " --from 2016-13-01" + out);
        CHECK(r.status == 2);
        CHECK_THAT(r.err, Contains("--from: '2016-13-01' is not a date"));
    }
    SECTION("an end before the start") {
        const auto r = report(testing::shell_quote(in.events) + " --from 2016-11-02 --to 2016-11-01" + out);
        CHECK(r.status == 2);
        CHECK_THAT(r.err, Contains("--to 2016-11-01 is before --from 2016-11-02"));
    }
    SECTION("an unknown region code") {
        const auto r = report(testing::shell_quote(in.events) + in.with_regions() + " --region XQ" + out);
        CHECK(r.status == 1);
        CHECK_THAT(r.err, Contains("'XQ'") && Contains("XE, XN, XS"));
    }
    SECTION("a missing events file") {
        const auto r = report(testing::shell_quote(in.dir / "nope.geojson") + out);
        CHECK(r.status == 1);
        CHECK_THAT(r.err, Contains("nope.geojson") && Contains("no such file"));
    }
    SECTION("a region field that is not there") {
        const auto r = report(testing::shell_quote(in.events) + " --regions " + testing::shell_quote(in.regions) +
                              " --region-name ADM1_EN" + out);
        CHECK(r.status == 1);
        CHECK_THAT(r.err, Contains("ADM1_EN") && Contains("regions.geojson"));
    }
    SECTION("--regions without --region-name") {
        const auto r = report(testing::shell_quote(in.events) + " --regions " + testing::shell_quote(in.regions) + out);
        CHECK(r.status == 2);
        CHECK_THAT(r.err, Contains("--region-name"));
    }
    CHECK_FALSE(fs::exists(in.dir / "report.html"));
}

TEST_CASE("geoevents report reads what geoevents map wrote", "[cli][report]") {
    testing::TempDir dir;
    testing::write_file(
        dir / "news.jsonl",
        R"({"id": "a1", "published": "2016-11-20", "text": "Warplanes bombed eastern Aleppo on Saturday, killing at least 12 people, rescue workers said."})"
        "\n");
    const auto layers = dir / "layers";
    const auto m = testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map " +
                                        testing::shell_quote(dir / "news.jsonl") + " --format gpkg -o " + testing::shell_quote(layers));
    INFO(m.err);
    REQUIRE(m.status == 0);
    const auto r = report(testing::shell_quote(layers) + " -o " + testing::shell_quote(dir / "report.html"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto html = testing::read_file(dir / "report.html");
    CHECK_THAT(html, Contains("Air/drone strike"));
    CHECK_THAT(html, Contains("Aleppo"));
    CHECK_THAT(html, Contains("2016-11-19"));
    CHECK_THAT(html, Contains("<td class=\"n\">12</td>"));
}

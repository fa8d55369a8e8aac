#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "fixtures.hpp"
#include "output/event_reader.hpp"
#include "output/region_layer.hpp"
#include "output/report_data.hpp"
#include "output/report_fixture.hpp"
#include "output/report_html.hpp"
#include "output/report_layer.hpp"
#include "output/report_markdown.hpp"
#include "output/report_svg.hpp"
#include "output/report_writer.hpp"

using namespace output;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

struct Report {
    testing::TempDir dir;
    ReportData data;
    explicit Report(bool polygons = true) {
        testing::write_file(dir / "events.geojson", testing::kReportEventsGeojson);
        testing::write_file(dir / "regions.geojson", testing::kReportRegionsGeojson);
        const auto events = read_events(dir / "events.geojson");
        if (polygons) {
            const auto regions =
                read_region_layer(parse_region_source((dir / "regions.geojson").string()), {"NAME", "PCODE"});
            data = build_report(events, &regions, {});
        } else {
            data = build_report(events, nullptr, {});
        }
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("xml_escape and markdown_escape make data text inert", "[output][report]") {
    CHECK(xml_escape(R"(<script>alert("x")</script> & 'y')") ==
          "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    CHECK(markdown_escape("a|b *c* [d](e) <f> #g\nh") == R"(a\|b \*c\* \[d\](e) &lt;f&gt; \#g h)");
}

TEST_CASE("the HTML report is self-contained and escapes the data", "[output][report]") {
    const Report r;
    const auto html = report_html(r.data);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    // one map and one chart for the whole area and for each region with dated events (North,
    // South, outside)
    CHECK(count(html, "<svg class=\"map\"") == 4);
    CHECK(count(html, "<svg class=\"chart\"") == 4);
    CHECK_THAT(html, Contains("Gamma &lt;b&gt;&amp;"));
    CHECK_THAT(html, !Contains("Gamma <b>"));
    CHECK_THAT(html, !Contains("<script"));
    CHECK_THAT(html, !Contains("<link"));
    CHECK_THAT(html, !Contains("<img"));
    // the only URL is the SVG namespace
    CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK_THAT(html, Contains("Outside the regions"));
    CHECK_THAT(html, Contains("Undated events"));
    // the region outlines, shaded, and the events' points
    CHECK_THAT(html, Contains("North: 3 events"));
    CHECK_THAT(html, Contains("<circle"));
    CHECK_THAT(html, Contains(" km</text>"));
}

TEST_CASE("maps without polygons say so and draw the points", "[output][report]") {
    const Report r(false);
    const auto svg = map_svg(r.data);
    CHECK_THAT(svg, Contains("No region outlines"));
    CHECK_THAT(svg, !Contains("<path fill-rule"));
    CHECK(count(svg, "<circle cx") >= 5);
    const auto html = report_html(r.data);
    CHECK_THAT(html, Contains("No region polygons were given"));
}

TEST_CASE("event types keep their colours in maps and legends", "[output][report]") {
    const Report r;
    CHECK(type_colour(r.data, "Battles") == "#d62728");
    CHECK(type_colour(r.data, "Protests") == "#1f77b4");
    const auto svg = map_svg(r.data, 0);
    CHECK_THAT(svg, Contains("fill=\"#d62728\""));
}

TEST_CASE("the Markdown report has the tables and links its figures", "[output][report]") {
    const Report r;
    const auto md = report_markdown(r.data, "report_files");
    CHECK_THAT(md.text, Contains("| Events | 7 |"));
    CHECK_THAT(md.text, Contains("| North | XN | 3 | 5 | 1 |"));
    CHECK_THAT(md.text, Contains("Gamma &lt;b&gt;&amp;"));
    CHECK_THAT(md.text, Contains("![Map of the whole area](report_files/map-all.svg)"));
    REQUIRE(md.figures.size() == 8);
    CHECK(md.figures[0].first == "map-all.svg");
    CHECK_THAT(md.figures[0].second, Contains("<svg class=\"map\""));
    CHECK_THAT(md.figures[1].second, Contains("<svg class=\"chart\""));
}

TEST_CASE("type_field_slug makes field names of event types", "[output][report]") {
    CHECK(type_field_slug("Explosions/Remote violence") == "explosions_remote_violence");
    CHECK(type_field_slug("Battles") == "battles");
    CHECK(type_field_slug("") == "other");
    CHECK(type_field_slug("--") == "other");
}

TEST_CASE("write_report writes the page and a regions layer GDAL reads back", "[output][report]") {
    const Report r;
    const auto out = r.dir / "out" / "report.html";
    const auto written = write_report(r.data, out, {});
    CHECK(fs::exists(out));
    REQUIRE(written.layer_files.size() == 1);
    CHECK(written.layer_files[0] == r.dir / "out" / "regions.geojson");

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(written.layer_files[0].c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer);
    CHECK(layer->GetGeomType() != wkbPoint);
    struct Row {
        std::int64_t events, fatalities, undated, battles, fatalities_explosions;
        std::string first, last;
    };
    std::map<std::string, Row> rows;
    for (auto& f : *layer) {
        REQUIRE(f->GetGeometryRef());
        CHECK(wkbFlatten(f->GetGeometryRef()->getGeometryType()) == wkbPolygon);
        rows[f->GetFieldAsString("region_code")] = {
            f->GetFieldAsInteger64("events"), f->GetFieldAsInteger64("fatalities"), f->GetFieldAsInteger64("undated"),
            f->GetFieldAsInteger64("events_battles"), f->GetFieldAsInteger64("fatalities_explosions_remote_violence"),
            f->GetFieldAsString("first_date"), f->GetFieldAsString("last_date")};
    }
    REQUIRE(rows.size() == 3);  // North, South, Empty; not the outside group
    CHECK(rows["XN"].events == 3);
    CHECK(rows["XN"].fatalities == 5);
    CHECK(rows["XN"].undated == 1);
    CHECK(rows["XN"].battles == 2);
    CHECK(rows["XN"].fatalities_explosions == 0);
    CHECK(rows["XS"].events == 3);
    CHECK(rows["XS"].fatalities == 14);
    CHECK(rows["XS"].fatalities_explosions == 10);
    CHECK(rows["XS"].first.rfind("2016/10/28", 0) == 0);
    CHECK(rows["XS"].last.rfind("2016/12/10", 0) == 0);
    CHECK(rows["XE"].events == 0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("region") >= 0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("events_protests") >= 0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("events_riots") >= 0);

    SECTION("existing files are replaced only with overwrite") {
        CHECK_THROWS_WITH(write_report(r.data, out, {}), Contains("report.html") && Contains("exists"));
        ReportWriteOptions o;
        o.overwrite = true;
        CHECK_NOTHROW(write_report(r.data, out, o));
    }
    SECTION("Markdown writes its figures beside it") {
        ReportWriteOptions o;
        o.format = ReportFormat::markdown;
        o.overwrite = true;
        const auto md = write_report(r.data, r.dir / "out" / "report.md", o);
        CHECK(fs::exists(r.dir / "out" / "report.md"));
        CHECK(fs::exists(r.dir / "out" / "report_files" / "map-all.svg"));
        CHECK(md.figures.size() == 8);
    }
}

TEST_CASE("without polygons no regions layer is written", "[output][report]") {
    const Report r(false);
    const auto written = write_report(r.data, r.dir / "out" / "report.html", {});
    CHECK(written.layer_files.empty());
    CHECK_FALSE(fs::exists(r.dir / "out" / "regions.geojson"));
    CHECK(fs::exists(r.dir / "out" / "report.html"));
}

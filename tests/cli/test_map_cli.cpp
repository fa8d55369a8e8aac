#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"

namespace {

// An article of our own: an air strike with a death toll on a weekday before publication, a
// press conference abroad, and a government named only as an actor.
const char* kArticle =
    R"({"id": "a1", "published": "2016-11-20", "url": "https://example.org/a1", "text": "Warplanes bombed eastern Aleppo on Saturday, killing at least 12 people, rescue workers said. Moscow rejected the criticism. The envoy held a press conference in Geneva on Friday."})"
    "\n";

struct Feature {
    std::string sub_event_type, location_mention, event_date, place_id;
    int fatalities = -1;
    double lat = 0, lon = 0;
};

std::vector<Feature> read_events(const std::filesystem::path& path, const char* layer_name) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName(layer_name);
    REQUIRE(layer);
    const auto* srs = layer->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
    std::vector<Feature> out;
    for (auto& f : *layer) {
        Feature e;
        e.sub_event_type = f->GetFieldAsString("sub_event_type");
        e.location_mention = f->GetFieldAsString("location_mention");
        e.event_date = f->GetFieldAsString("event_date");
        e.place_id = f->GetFieldAsString("place_id");
        if (f->IsFieldSetAndNotNull(f->GetFieldIndex("fatalities"))) e.fatalities = f->GetFieldAsInteger("fatalities");
        const auto* p = f->GetGeometryRef()->toPoint();
        e.lat = p->getY();
        e.lon = p->getX();
        out.push_back(e);
    }
    return out;
}

const Feature* find(const std::vector<Feature>& events, const std::string& sub_type) {
    for (const auto& e : events) {
        if (e.sub_event_type == sub_type) return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("geoevents map writes events, places, areas and mentions", "[cli][map]") {
    testing::TempDir dir;
    testing::write_file(dir / "news.jsonl", kArticle);
    const auto out = dir / "layers";
    const auto r = testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map " +
                                        testing::shell_quote(dir / "news.jsonl") + " -o " + testing::shell_quote(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    for (const char* f : {"events.geojson", "places.geojson", "areas.geojson", "mentions.jsonl"}) {
        CHECK(std::filesystem::exists(out / f));
    }
    const auto events = read_events(out / "events.geojson", "events");
    const auto* strike = find(events, "Air/drone strike");
    REQUIRE(strike);
    CHECK(strike->location_mention == "eastern Aleppo");
    CHECK(strike->event_date.rfind("2016/11/19", 0) == 0);  // the Saturday before publication
    CHECK(strike->fatalities == 12);
    CHECK(strike->place_id == "geonames:1002");
    CHECK(strike->lon > 37.16117);  // the point of the eastern part, not the city centre
    const auto* talks = find(events, "Other");
    REQUIRE(talks);
    CHECK(talks->place_id == "geonames:1011");
    for (const auto& e : events) CHECK(e.place_id != "geonames:3001");  // no event at Moscow, an actor here
}

TEST_CASE("geoevents map writes a styled GeoPackage and refuses to overwrite by default", "[cli][map]") {
    testing::TempDir dir;
    testing::write_file(dir / "news.jsonl", kArticle);
    const auto out = dir / "layers";
    const auto cmd = testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(dir / "news.jsonl") +
                     " -o " + testing::shell_quote(out) + " --format gpkg";
    REQUIRE(testing::run_command(cmd).status == 0);
    const auto events = read_events(out / "layers.gpkg", "events");
    CHECK(find(events, "Air/drone strike") != nullptr);
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open((out / "layers.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        auto* styles = ds->ExecuteSQL("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1 ORDER BY f_table_name",
                                      nullptr, nullptr);
        REQUIRE(styles);
        std::vector<std::string> tables;
        for (auto& f : *styles) tables.emplace_back(f->GetFieldAsString(0));
        ds->ReleaseResultSet(styles);
        CHECK(tables == std::vector<std::string>{"areas", "events", "places"});
    }
    const auto before = testing::read_file(out / "layers.gpkg");
    const auto again = testing::run_command(cmd);
    CHECK(again.status == 1);
    CHECK_THAT(again.err, Catch::Contains("--overwrite"));
    CHECK(testing::read_file(out / "layers.gpkg") == before);
    CHECK(testing::run_command(cmd + " --overwrite").status == 0);
}

TEST_CASE("geoevents map rejects an unknown format before reading anything", "[cli][map]") {
    const auto r = testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map nothing.txt -o out --format svg");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("svg"));
}

TEST_CASE("geoevents map dates plain-text articles from a table", "[cli][map]") {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "news");
    testing::write_file(dir / "news" / "first.txt", "Warplanes bombed Manbij on Saturday.");
    testing::write_file(dir / "news" / "second.txt", "Warplanes bombed Al Bab on Saturday.");
    testing::write_file(dir / "dates.tsv", "file\tpublished\nfirst.txt\t2016-11-20\nsecond.txt\t2016-10-06\n");
    const auto out = dir / "layers";
    const auto base = testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(dir / "news") + " -o " +
                      testing::shell_quote(out);
    const auto r = testing::run_command(base + " --published-from " + testing::shell_quote(dir / "dates.tsv"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto events = read_events(out / "events.geojson", "events");
    REQUIRE(events.size() == 2);
    for (const auto& e : events) {
        if (e.place_id == "geonames:1005") CHECK(e.event_date.rfind("2016/11/19", 0) == 0);
        else CHECK(e.event_date.rfind("2016/10/01", 0) == 0);  // the Saturday before 6 October
    }
    testing::write_file(dir / "bad.tsv", "first.txt\t20 November\n");
    const auto bad = testing::run_command(base + " --overwrite --published-from " + testing::shell_quote(dir / "bad.tsv"));
    CHECK(bad.status != 0);
    CHECK_THAT(bad.err, Catch::Contains("bad.tsv:1"));
}

TEST_CASE("geoevents map --append merges new events into an earlier run by event_id", "[cli][map][append]") {
    testing::TempDir dir;
    const auto out = dir / "layers";
    const auto map = [&](const std::string& file, const std::string& extra) {
        return testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(dir / file) +
                                    " -o " + testing::shell_quote(out) + " " + extra);
    };
    for (const char* format : {"geojson", "gpkg"}) {
        DYNAMIC_SECTION("format " << format) {
            const std::string fmt_opt = std::string("--format ") + format;
            const auto events_path = std::string(format) == "gpkg" ? out / "layers.gpkg" : out / "events.geojson";
            testing::write_file(dir / "first.jsonl",
                                R"({"id": "a1", "published": "2016-11-20", "text": "Warplanes bombed Manbij on Saturday, killing 12 people."})"
                                "\n");
            testing::write_file(dir / "second.jsonl",
                                R"({"id": "b1", "published": "2016-11-20", "text": "Air strikes hit Manbij on Saturday, killing 9 people. Shelling hit Al Bab on Friday."})"
                                "\n");
            REQUIRE(map("first.jsonl", fmt_opt).status == 0);
            const auto r = map("second.jsonl", fmt_opt + " --append");
            INFO(r.err);
            REQUIRE(r.status == 0);
            GDALAllRegister();
            GDALDatasetUniquePtr ds(GDALDataset::Open(events_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            REQUIRE(ds);
            OGRLayer* layer = ds->GetLayerByName("events");
            REQUIRE(layer);
            CHECK(layer->GetFeatureCount() == 2);
            bool merged = false;
            for (auto& f : *layer) {
                if (std::string(f->GetFieldAsString("place_id")) != "geonames:1005") continue;
                merged = true;
                CHECK(std::string(f->GetFieldAsString("sources")) == "a1;b1");
                CHECK(f->GetFieldAsInteger("fatalities") == 9);  // the conservative count
            }
            CHECK(merged);
            const auto places_path = std::string(format) == "gpkg" ? out / "layers.gpkg" : out / "places.geojson";
            GDALDatasetUniquePtr pds(GDALDataset::Open(places_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            REQUIRE(pds);
            OGRLayer* places = pds->GetLayerByName("places");
            REQUIRE(places);
            for (auto& f : *places) {
                if (std::string(f->GetFieldAsString("place_id")) == "geonames:1005") CHECK(f->GetFieldAsInteger("mention_count") == 2);
            }
            const auto mentions = testing::read_file(out / "mentions.jsonl");
            CHECK_THAT(mentions, Catch::Contains("\"a1\"") && Catch::Contains("\"b1\""));
        }
    }
    SECTION("--append and --overwrite exclude each other") {
        testing::write_file(dir / "first.jsonl", R"({"id": "a1", "text": "Warplanes bombed Manbij."})" "\n");
        CHECK(map("first.jsonl", "--append --overwrite").status == 2);
    }
    SECTION("an earlier layer that cannot be read stops the run and stays as it was") {
        testing::write_file(dir / "first.jsonl", R"({"id": "a1", "text": "Warplanes bombed Manbij."})" "\n");
        REQUIRE(map("first.jsonl", "").status == 0);
        testing::write_file(out / "events.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"broken\"");
        const auto r = map("first.jsonl", "--append");
        CHECK(r.status == 1);
        CHECK_THAT(r.err, Catch::Contains("events.geojson"));
        CHECK(testing::read_file(out / "events.geojson") == "{\"type\": \"FeatureCollection\", \"features\": [{\"broken\"");
    }
}

TEST_CASE("geoevents map --regions assigns each event to the polygon that contains it", "[cli][map][regions]") {
    testing::TempDir dir;
    // Two squares of our own: one around Manbij (36.53 N, 37.95 E), one around Al Bab (36.37 N,
    // 37.52 E); Idlib (35.93 N, 36.63 E) lies in neither.
    testing::write_file(dir / "areas.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"label": "North-east sector", "pcode": "XX01"},
 "geometry": {"type": "Polygon", "coordinates": [[[37.8, 36.4], [38.1, 36.4], [38.1, 36.7], [37.8, 36.7], [37.8, 36.4]]]}},
{"type": "Feature", "properties": {"label": "North-west sector", "pcode": "XX02"},
 "geometry": {"type": "Polygon", "coordinates": [[[37.3, 36.2], [37.7, 36.2], [37.7, 36.5], [37.3, 36.5], [37.3, 36.2]]]}}]})");
    testing::write_file(dir / "news.jsonl",
                        R"({"id": "r1", "published": "2016-11-20", "text": "Warplanes bombed Manbij on Saturday. Shelling hit Al Bab on Friday. Clashes broke out in Idlib on Thursday."})"
                        "\n");
    const auto out = dir / "layers";
    const auto base = testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(dir / "news.jsonl") + " -o " +
                      testing::shell_quote(out);
    const auto r = testing::run_command(base + " --regions " + testing::shell_quote(dir / "areas.geojson") +
                                        " --region-name label --region-code pcode");
    INFO(r.err);
    REQUIRE(r.status == 0);
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((out / "events.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    std::map<std::string, std::pair<std::string, std::string>> got;
    for (auto& f : *ds->GetLayer(0)) {
        const int ri = f->GetFieldIndex("region");
        const int ci = f->GetFieldIndex("region_code");
        got[f->GetFieldAsString("place_id")] = {f->IsFieldSetAndNotNull(ri) ? f->GetFieldAsString(ri) : "(null)",
                                               f->IsFieldSetAndNotNull(ci) ? f->GetFieldAsString(ci) : "(null)"};
    }
    CHECK(got["geonames:1005"] == std::pair<std::string, std::string>{"North-east sector", "XX01"});
    CHECK(got["geonames:1006"] == std::pair<std::string, std::string>{"North-west sector", "XX02"});
    CHECK(got["geonames:1003"] == std::pair<std::string, std::string>{"(null)", "(null)"});

    SECTION("a missing field is named, with the fields there are") {
        const auto bad = testing::run_command(base + " --overwrite --regions " + testing::shell_quote(dir / "areas.geojson") +
                                              " --region-name name");
        CHECK(bad.status == 1);
        CHECK_THAT(bad.err, Catch::Contains("name") && Catch::Contains("label"));
    }
    SECTION("--region-name without --regions is a usage error") {
        CHECK(testing::run_command(base + " --overwrite --region-name label").status == 2);
    }
    SECTION("without --regions, the gazetteer's first-level division") {
        REQUIRE(testing::run_command(base + " --overwrite").status == 0);
        GDALDatasetUniquePtr d2(GDALDataset::Open((out / "events.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(d2);
        for (auto& f : *d2->GetLayer(0)) {
            if (std::string(f->GetFieldAsString("place_id")) == "geonames:1005") {
                CHECK(std::string(f->GetFieldAsString("region_code")) == "SY.09");
            }
        }
    }
}

TEST_CASE("geoevents map cuts the area of a compass part from the gazetteer's footprint", "[cli][map][footprint]") {
    testing::TempDir dir;
    // A made-up town whose footprint is an L: its eastern part is not half of a disk.
    testing::write_file(dir / "towns.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Qasrabad", "pcode": "QQ001"},
 "geometry": {"type": "Polygon", "coordinates": [[[40.0, 30.0], [40.4, 30.0], [40.4, 30.1], [40.1, 30.1], [40.1, 30.4], [40.0, 30.4], [40.0, 30.0]]]}}]})");
    const auto gaz = dir / "towns.sqlite";
    const std::string program = testing::shell_quote(testing::geoevents_bin());
    REQUIRE(testing::run_command(program + " gazetteer build -o " + testing::shell_quote(gaz) + " --vector " +
                                 testing::shell_quote(dir / "towns.geojson") + ",name=name,id=pcode")
                .status == 0);
    testing::write_file(dir / "news.jsonl",
                        R"({"id": "q1", "published": "2016-11-20", "text": "Shelling hit eastern Qasrabad on Saturday."})" "\n");
    const auto out = dir / "layers";
    const auto r = testing::run_command(program + " --gazetteer " + testing::shell_quote(gaz) + " map " +
                                        testing::shell_quote(dir / "news.jsonl") + " -o " + testing::shell_quote(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    GDALAllRegister();
    GDALDatasetUniquePtr areas(GDALDataset::Open((out / "areas.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(areas);
    OGRLayer* layer = areas->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 1);
    auto area = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
    OGREnvelope env;
    area->GetGeometryRef()->getEnvelope(&env);
    // East of the footprint's centroid and within the footprint, not a disk around the point.
    CHECK(env.MinX > 40.05);
    CHECK(env.MaxX <= 40.4 + 1e-9);
    CHECK(env.MaxY <= 30.4 + 1e-9);
    CHECK(env.MinY >= 30.0 - 1e-9);
    const auto events = read_events(out / "events.geojson", "events");
    REQUIRE(events.size() == 1);
    OGRPoint point(events[0].lon, events[0].lat);
    CHECK(area->GetGeometryRef()->Contains(&point));
}

TEST_CASE("geoevents map --stdin --jsonl-out streams one GeoJSON event a line", "[cli][map][jsonl]") {
    testing::TempDir dir;
    testing::write_file(dir / "in.jsonl",
                        R"({"id": "s1", "published": "2016-11-20", "text": "Warplanes bombed Manbij on Saturday, killing 12 people."})" "\n"
                        R"({"id": "s2", "text": "The weather was mild."})" "\n"
                        R"({"id": "s3", "published": "2016-11-20", "text": "Shelling hit Al Bab on Friday."})" "\n");
    // run_command gives the command /dev/null as stdin: a pipe feeds it the articles instead
    const auto r = testing::run_command("(cat " + testing::shell_quote(dir / "in.jsonl") + " | " +
                                        testing::geoevents_with_fixture_gazetteer() + " map --stdin --jsonl-out -j 2)");
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["type"] == "Feature");
    CHECK(lines[0]["properties"]["place_id"] == "geonames:1005");
    CHECK(lines[0]["properties"]["fatalities"] == 12);
    CHECK(lines[0]["properties"]["sources"] == "s1");
    CHECK(lines[0]["id"] == lines[0]["properties"]["event_id"]);
    CHECK(lines[1]["properties"]["place_id"] == "geonames:1006");  // input order kept with -j 2
    SECTION("--jsonl-out writes no files: -o does not apply") {
        CHECK(testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map --stdin --jsonl-out -o x").status == 2);
    }
    SECTION("without --jsonl-out, -o is required") {
        CHECK(testing::run_command(testing::geoevents_with_fixture_gazetteer() + " map --stdin").status == 2);
    }
}

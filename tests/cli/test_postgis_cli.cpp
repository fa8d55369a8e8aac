// `geoevents map -o PG:...` against a real PostgreSQL/PostGIS server (tests/cli/postgres_server.hpp):
// layers written, read back with GDAL, upserted by event_id, and two writers at once.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "cli/cli_fixture.hpp"
#include "cli/postgres_server.hpp"
#include "fixtures.hpp"

namespace {

// Articles of our own. The air strike on eastern Aleppo the Saturday before publication is
// reported by both wires, with different tolls; each wire has one event of its own.
const char* kWireA =
    R"({"id": "wire-1", "published": "2016-11-20", "url": "https://example.org/wire-1", "text": "Warplanes bombed eastern Aleppo on Saturday, killing at least 12 people, rescue workers said."})"
    "\n"
    R"({"id": "wire-2", "published": "2016-11-20", "text": "Rebels shelled Manbij on Friday, a local council said."})"
    "\n";
const char* kWireB =
    R"({"id": "daily-1", "published": "2016-11-20", "url": "https://example.org/daily-1", "text": "An air raid struck eastern Aleppo on Saturday and killed nine people, according to medics."})"
    "\n"
    R"({"id": "daily-2", "published": "2016-11-20", "text": "Government forces shelled Idlib on Thursday, wounding several residents."})"
    "\n";

struct StoredEvent {
    std::string sub_event_type, place_id, sources, event_date;
    int fatalities = -1;
};

struct Stored {
    std::map<std::string, StoredEvent> events;  // by event_id
    std::size_t event_rows = 0;
    std::map<std::string, int> place_mentions;  // place_id -> mention_count
    std::size_t area_rows = 0;
    std::size_t styles = 0;  // geoevents' default styles in layer_styles
};

OGRLayer* layer(GDALDataset& ds, const char* name) {
    OGRLayer* l = ds.GetLayerByName(name);
    INFO(name);
    REQUIRE(l);
    return l;
}

/// The tables, read back through GDAL's PostgreSQL driver.
Stored read_store(const std::string& target) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    Stored s;
    OGRLayer* events = layer(*ds, "events");
    CHECK(wkbFlatten(events->GetGeomType()) == wkbPoint);
    REQUIRE(events->GetSpatialRef());
    CHECK(std::string(events->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
    const auto* defn = events->GetLayerDefn();
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("event_date"))->GetType() == OFTDate);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("fatalities"))->GetType() == OFTInteger);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("confidence"))->GetType() == OFTReal);
    for (auto& f : *events) {
        ++s.event_rows;
        StoredEvent e;
        e.sub_event_type = f->GetFieldAsString("sub_event_type");
        e.place_id = f->GetFieldAsString("place_id");
        e.sources = f->GetFieldAsString("sources");
        e.event_date = f->GetFieldAsString("event_date");
        if (f->IsFieldSetAndNotNull(f->GetFieldIndex("fatalities"))) e.fatalities = f->GetFieldAsInteger("fatalities");
        REQUIRE(f->GetGeometryRef());
        s.events[f->GetFieldAsString("event_id")] = e;
    }
    OGRLayer* places = layer(*ds, "places");
    for (auto& f : *places) s.place_mentions[f->GetFieldAsString("place_id")] = f->GetFieldAsInteger("mention_count");
    OGRLayer* areas = layer(*ds, "areas");
    CHECK(wkbFlatten(areas->GetGeomType()) == wkbMultiPolygon);
    s.area_rows = static_cast<std::size_t>(areas->GetFeatureCount());
    OGRLayer* styles = ds->ExecuteSQL(
        "SELECT count(*) FROM public.layer_styles WHERE useasdefault AND f_geometry_column = 'geom' AND "
        "f_table_schema = current_schema() AND f_table_name IN ('events', 'places', 'areas') AND "
        "xpath_exists('/qgis', styleqml)",
        nullptr, nullptr);
    REQUIRE(styles);
    OGRFeatureUniquePtr row(styles->GetNextFeature());
    REQUIRE(row);
    s.styles = static_cast<std::size_t>(row->GetFieldAsInteger64(0));
    ds->ReleaseResultSet(styles);
    return s;
}

std::string map_into(const std::filesystem::path& input, const std::string& target, const std::string& options = "") {
    return testing::geoevents_with_fixture_gazetteer() + " map " + testing::shell_quote(input) + " -o " +
           testing::shell_quote(target) + " " + options;
}

/// The article ids of a `sources` value, in any order.
std::set<std::string> source_set(const std::string& sources) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (start <= sources.size()) {
        const auto end = std::min(sources.find(';', start), sources.size());
        out.insert(sources.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

const std::set<std::string> kBothWires = {"wire-1", "daily-1"};

const StoredEvent* find(const Stored& s, const std::string& sub_type, const std::string& place_id) {
    for (const auto& [id, e] : s.events) {
        if (e.sub_event_type == sub_type && e.place_id == place_id) return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("map -o PG: writes the layers as PostGIS tables that open styled", "[cli][postgis]") {
    auto& server = testing::PostgresServer::instance();
    const auto target = server.create_database("written");
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    auto r = testing::run_command(map_into(dir / "a.jsonl", target));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("2 events") != std::string::npos);
    const auto stored = read_store(target);
    CHECK(stored.event_rows == 2);
    const auto* strike = find(stored, "Air/drone strike", "geonames:1002");
    REQUIRE(strike);
    CHECK(strike->fatalities == 12);
    CHECK(strike->sources == "wire-1");
    CHECK(strike->event_date == "2016/11/19");
    CHECK(find(stored, "Shelling/artillery/missile attack", "geonames:1005"));
    CHECK(stored.place_mentions.count("geonames:1002") == 1);
    CHECK(stored.area_rows == 1);  // eastern Aleppo
    CHECK(stored.styles == 3);

    SECTION("a second run neither duplicates nor replaces without --append or --overwrite") {
        r = testing::run_command(map_into(dir / "a.jsonl", target));
        CHECK(r.status != 0);
        CHECK(r.err.find("--append") != std::string::npos);
        CHECK(read_store(target).event_rows == 2);
    }
    SECTION("--overwrite replaces the tables") {
        testing::write_file(dir / "b.jsonl", kWireB);
        r = testing::run_command(map_into(dir / "b.jsonl", target, "--overwrite"));
        INFO(r.err);
        REQUIRE(r.status == 0);
        const auto replaced = read_store(target);
        CHECK(replaced.event_rows == 2);
        CHECK(!find(replaced, "Shelling/artillery/missile attack", "geonames:1005"));
        CHECK(find(replaced, "Shelling/artillery/missile attack", "geonames:1003"));
        CHECK(replaced.styles == 3);
    }
}

TEST_CASE("QGIS opens the PostGIS tables styled", "[cli][postgis][qgis]") {
    const auto python = testing::qgis_python();
    if (python.empty()) {
        WARN("no python3 imports qgis.core (install python3-qgis qgis-providers): QGIS check not run");
        return;
    }
    auto& server = testing::PostgresServer::instance();
    const auto target = server.create_database("qgis");
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    auto r = testing::run_command(map_into(dir / "a.jsonl", target));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string dbname = target.substr(target.find("dbname=") + 7);
    r = testing::run_command(fmt::format("QT_QPA_PLATFORM=offscreen {} {} 127.0.0.1 {} {} geoevents", testing::shell_quote(python),
                                         testing::shell_quote(testing::qgis_scripts_dir() / "check_postgis_layers.py"),
                                         server.port(), dbname));
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("events: 2 features, style: Loaded from Provider") != std::string::npos);
}

TEST_CASE("map -o PG: --append upserts by event_id", "[cli][postgis]") {
    auto& server = testing::PostgresServer::instance();
    const auto target = server.create_database("upserted");
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    testing::write_file(dir / "b.jsonl", kWireB);
    // --append on a database without the tables creates them
    auto r = testing::run_command(map_into(dir / "a.jsonl", target, "--append"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto first = read_store(target);
    REQUIRE(first.event_rows == 2);

    r = testing::run_command(map_into(dir / "b.jsonl", target, "--append"));
    REQUIRE(r.status == 0);
    const auto merged = read_store(target);
    CHECK(merged.event_rows == 3);  // the strike both report is one event
    const auto* strike = find(merged, "Air/drone strike", "geonames:1002");
    REQUIRE(strike);
    CHECK(source_set(strike->sources) == kBothWires);
    CHECK(strike->fatalities == 9);  // the conservative count
    CHECK(find(merged, "Shelling/artillery/missile attack", "geonames:1005"));
    CHECK(find(merged, "Shelling/artillery/missile attack", "geonames:1003"));
    CHECK(merged.place_mentions.at("geonames:1002") == first.place_mentions.at("geonames:1002") + 1);
    CHECK(merged.area_rows == 1);

    // the same news again: no new event, no new source
    r = testing::run_command(map_into(dir / "a.jsonl", target, "--append"));
    REQUIRE(r.status == 0);
    const auto again = read_store(target);
    CHECK(again.event_rows == 3);
    CHECK(find(again, "Air/drone strike", "geonames:1002")->sources == strike->sources);
    CHECK(again.styles == 3);
}

TEST_CASE("map -o PG: --append from two processes at once loses nothing", "[cli][postgis]") {
    auto& server = testing::PostgresServer::instance();
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    testing::write_file(dir / "b.jsonl", kWireB);
    for (const char* db : {"concurrent_empty", "concurrent_stored"}) {
        const auto target = server.create_database(db);
        if (std::string(db) == "concurrent_stored") {
            // tables there before: both writers upsert
            testing::write_file(dir / "c.jsonl",
                                R"({"id": "local-1", "published": "2016-11-20", "text": "Rebels shelled Al Bab on Friday."})"
                                "\n");
            REQUIRE(testing::run_command(map_into(dir / "c.jsonl", target)).status == 0);
        }
        INFO(db);
        const auto r = testing::run_command("(" + map_into(dir / "a.jsonl", target, "--append") + " & " +
                                            map_into(dir / "b.jsonl", target, "--append") + " & wait %1 && wait %2)");
        INFO(r.err);
        REQUIRE(r.status == 0);
        const auto stored = read_store(target);
        const std::size_t before = std::string(db) == "concurrent_stored" ? 1 : 0;
        CHECK(stored.event_rows == 3 + before);
        CHECK(stored.events.size() == stored.event_rows);  // event_ids unique
        const auto* strike = find(stored, "Air/drone strike", "geonames:1002");
        REQUIRE(strike);
        CHECK(source_set(strike->sources) == kBothWires);
        CHECK(strike->fatalities == 9);
    }
}

TEST_CASE("map -o PG: with active_schema writes into that schema", "[cli][postgis]") {
    auto& server = testing::PostgresServer::instance();
    const auto target = server.create_database("schema");
    server.psql(target.substr(target.find("dbname=") + 7), "CREATE SCHEMA news");
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    testing::write_file(dir / "b.jsonl", kWireB);
    const auto in_schema = target + " active_schema=news";
    // tables in public first: the schema's are others (the search path still ends with public)
    auto r = testing::run_command(map_into(dir / "b.jsonl", target));
    INFO(r.err);
    REQUIRE(r.status == 0);
    r = testing::run_command(map_into(dir / "a.jsonl", in_schema));
    REQUIRE(r.status == 0);
    r = testing::run_command(map_into(dir / "b.jsonl", in_schema, "--append"));
    REQUIRE(r.status == 0);
    const auto stored = read_store(in_schema);  // styles in public.layer_styles, naming the schema
    CHECK(stored.event_rows == 3);
    CHECK(stored.styles == 3);
    const auto in_public = read_store(target);
    CHECK(in_public.event_rows == 2);
    CHECK(!find(in_public, "Shelling/artillery/missile attack", "geonames:1005"));  // wire-2 went to news only
    CHECK(in_public.styles == 3);
}

TEST_CASE("map -o PG: a database it cannot use is a clear error", "[cli][postgis]") {
    auto& server = testing::PostgresServer::instance();
    testing::TempDir dir;
    testing::write_file(dir / "a.jsonl", kWireA);
    SECTION("no server there; the password is not printed") {
        // port 1: nothing listens there
        const auto r = testing::run_command(map_into(dir / "a.jsonl", "PG:host=127.0.0.1 port=1 dbname=x user=geoevents password=s3cret"));
        CHECK(r.status != 0);
        CHECK(r.err.find("cannot open the database") != std::string::npos);
        CHECK(r.err.find("s3cret") == std::string::npos);
    }
    SECTION("a database without PostGIS") {
        const auto target = server.create_database("plain", false);
        const auto r = testing::run_command(map_into(dir / "a.jsonl", target));
        CHECK(r.status != 0);
        CHECK(r.err.find("PostGIS") != std::string::npos);
    }
    SECTION("options that do not apply") {
        const auto target = server.create_database("options");
        for (const char* option : {"--format gpkg", "--qgis-project"}) {
            const auto r = testing::run_command(map_into(dir / "a.jsonl", target, option));
            INFO(option);
            CHECK(r.status == 2);
        }
    }
}

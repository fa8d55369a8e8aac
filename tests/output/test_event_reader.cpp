#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"
#include "output/event_layers.hpp"
#include "output/event_reader.hpp"
#include "output/layer_writer.hpp"

using namespace output;
namespace fs = std::filesystem;

namespace {

/// The small test gazetteer, built once: event_layers takes country names from it (SY Syria,
/// CH Switzerland; "ZZ" is unknown to it).
const gazetteer::Gazetteer& mini_gazetteer() {
    static const testing::TempDir dir;
    static const gazetteer::Gazetteer gaz = [] {
        testing::build_mini_gazetteer(dir / "mini.sqlite");
        return gazetteer::Gazetteer(dir / "mini.sqlite");
    }();
    return gaz;
}

gazetteer::PlaceView place(std::string_view id, std::string_view name, std::string_view code, std::string_view country,
                           std::int64_t population, double lat, double lon) {
    gazetteer::PlaceView p;
    p.index = 7;
    p.place_id = id;
    p.name = name;
    p.feature_class = code.substr(0, 3) == "ADM" ? "A" : "P";
    p.feature_code = code;
    p.country_code = country;
    p.admin1_code = "01";
    p.admin1_name = "Province of Tests";
    p.admin2_name = code == "ADM1" ? "" : "Testdale District";
    p.population = population;
    p.latitude = lat;
    p.longitude = lon;
    return p;
}

extract::EventSource source(std::string id, std::string url, std::string evidence, std::size_t start) {
    extract::EventSource s;
    s.doc_id = std::move(id);
    s.url = std::move(url);
    s.title = "A headline";
    s.source = "Test Wire";
    s.evidence_text = std::move(evidence);
    s.evidence_start = start;
    s.evidence_end = start + 40;
    return s;
}

extract::EventDate span(const char* start, const char* end, extract::TimePrecision precision) {
    return {*extract::CivilDate::from_iso(start), *extract::CivilDate::from_iso(end), precision};
}

/// Five events covering what the layer holds: a plain one with two sources, one at a compass
/// part over a week, one without date, counts, sources or a country the gazetteer knows, one at
/// a division with a qualified level, three sources of which one has no URL, and one at the
/// central part of a place's outskirts (whose point is the place's own).
std::vector<extract::Event> sample_events() {
    using extract::TimePrecision;
    std::vector<extract::Event> events(5);
    auto& a = events[0];
    a.event_id = "00000000000000a1";
    a.date = span("2024-03-01", "2024-03-01", TimePrecision::day);
    a.event_type = "Explosions/Remote violence";
    a.sub_event_type = "Shelling/artillery/missile attack";
    a.actor1 = "Testland Army";
    a.actor2 = "Civilians (Testland)";
    a.place = place("test:101", "Testville", "PPLA", "SY", 250000, 34.5, 38.25);
    a.location_mention = "Testvillé";
    a.geo_precision = 1;
    a.where_prec = 1;
    a.fatalities = 5;
    a.injured = std::nullopt;
    a.sources = {source("doc-1", "https://news.example/1", "Shells hit Testvillé – “five dead”.", 120),
                 source("doc-2", "https://news.example/2", "Another sentence.", 10)};
    a.notes = "trigger 'shelling'; count: five";
    a.confidence = 0.8125;

    auto& b = events[1];
    b.event_id = "00000000000000b2";
    b.date = span("2024-02-26", "2024-03-03", TimePrecision::week);
    b.event_type = "Battles";
    b.sub_event_type = "Armed clash";
    b.actor1 = "Testland Army";
    b.place = a.place;
    b.qualifier.compass = extract::Compass::east;
    b.location_mention = "eastern Testville";
    b.geo_precision = 2;
    b.where_prec = 2;
    b.fatalities = 0;
    b.injured = 12;
    b.sources = {source("doc-3", "", "Clashes in eastern Testville.", 0)};
    b.confidence = 0.123456789012345;

    auto& c = events[2];
    c.event_id = "00000000000000c3";
    c.event_type = "Protests";
    c.sub_event_type = "Peaceful protest";
    c.place = place("test:202", "Otherburg", "PPL", "ZZ", 900, -12.5, -45.25);
    c.location_mention = "Otherburg";
    c.geo_precision = 3;
    c.where_prec = 7;
    c.confidence = 0.0;

    auto& d = events[3];
    d.event_id = "00000000000000d4";
    d.date = span("2024-01-01", "2024-01-31", TimePrecision::month);
    d.event_type = "Violence against civilians";
    d.sub_event_type = "Attack";
    d.place = place("test:303", "Testmark Canton", "ADM1", "CH", 0, 46.75, 7.5);
    d.qualifier.compass = extract::Compass::northwest;
    d.qualifier.level = extract::AdminLevel::admin1;
    d.location_mention = "northwest Testmark province";
    d.geo_precision = 2;
    d.where_prec = 4;
    d.fatalities = 1234567;
    d.injured = 0;
    d.sources = {source("doc-4", "https://news.example/4", "In northwest Testmark province, ...", 3),
                 source("doc-5", "", "Second report.", 5), source("doc-6", "https://news.example/6", "Third.", 7)};
    d.notes = "vague count";
    d.confidence = 1.0;

    auto& e = events[4];
    e.event_id = "00000000000000e5";
    e.date = span("2024-03-02", "2024-03-02", TimePrecision::day);
    e.event_type = "Riots";
    e.sub_event_type = "Mob violence";
    e.place = a.place;
    e.qualifier.compass = extract::Compass::central;
    e.qualifier.surroundings = extract::Surroundings::outskirts;
    e.location_mention = "the outskirts of central Testville";
    e.geo_precision = 2;
    e.where_prec = 3;
    e.sources = {source("doc-7", "https://news.example/7", "Riots.", 0)};
    e.confidence = 0.5;
    return events;
}

std::vector<LayerData> sample_layers(const std::vector<extract::Event>& events) {
    return event_layers(events, {}, mini_gazetteer(), {});
}

const std::vector<Format> kFormats = {Format::geojson, Format::gpkg, Format::csv, Format::kml, Format::flatgeobuf, Format::shapefile};

fs::path events_file(const fs::path& dir, Format format) {
    switch (format) {
        case Format::geojson: return dir / "events.geojson";
        case Format::gpkg: return dir / "layers.gpkg";
        case Format::csv: return dir / "events.csv";
        case Format::kml: return dir / "events.kml";
        case Format::flatgeobuf: return dir / "events.fgb";
        case Format::shapefile: return dir / "events.shp";
        case Format::postgis: break;
    }
    return {};
}

/// Reals as the format keeps them: CSV and KML through GDAL's text with 15 significant digits.
void check_real(double got, double want, Format format) {
    const double margin = format == Format::csv || format == Format::kml ? 1e-14 : 0.0;
    CHECK(got == Approx(want).margin(margin).epsilon(0));
}

void check_point(double got, double want) { CHECK(got == Approx(want).margin(1e-7).epsilon(0)); }

/// Checks one event read back against the one written, with what the header says is lost.
void check_event(const extract::Event& got, const extract::Event& want, const Feature& written, bool with_places,
                 Format format) {
    CAPTURE(want.event_id);
    CHECK(got.event_id == want.event_id);
    CHECK(got.date == want.date);
    CHECK(got.event_type == want.event_type);
    CHECK(got.sub_event_type == want.sub_event_type);
    CHECK(got.actor1 == want.actor1);
    CHECK(got.actor2 == want.actor2);
    CHECK(got.location_mention == want.location_mention);
    CHECK(got.geo_precision == want.geo_precision);
    CHECK(got.where_prec == want.where_prec);
    CHECK(got.fatalities == want.fatalities);
    CHECK(got.injured == want.injured);
    CHECK(got.fatalities_total_over_days == (want.fatalities && want.fatalities_total_over_days));
    CHECK(got.notes == want.notes);
    check_real(got.confidence, want.confidence, format);

    // Sources: ids and URLs paired by position; the first one's evidence; no offsets or titles.
    REQUIRE(got.sources.size() == want.sources.size());
    std::vector<std::string> want_urls, got_urls;
    for (std::size_t i = 0; i < want.sources.size(); ++i) {
        CHECK(got.sources[i].doc_id == want.sources[i].doc_id);
        CHECK(got.sources[i].evidence_text == (i == 0 ? want.sources[i].evidence_text : ""));
        CHECK(got.sources[i].evidence_start == 0);
        CHECK(got.sources[i].evidence_end == 0);
        CHECK(got.sources[i].title.empty());
        CHECK(got.sources[i].source.empty());
        if (!want.sources[i].url.empty()) want_urls.push_back(want.sources[i].url);
        if (!got.sources[i].url.empty()) got_urls.push_back(got.sources[i].url);
    }
    CHECK(got_urls == want_urls);

    // The place.
    const auto& p = got.place;
    CHECK(p.place_id == want.place.place_id);
    CHECK(p.name == want.place.name);
    CHECK(p.admin1_name == want.place.admin1_name);
    CHECK(p.admin2_name == want.place.admin2_name);
    CHECK(p.feature_class.empty());
    CHECK(p.admin1_code.empty());
    CHECK(p.index == 0);
    CHECK(got.qualifier.to_string() == want.qualifier.to_string());  // the layer's qualifier field
    if (with_places) {
        CHECK(p.feature_code == want.place.feature_code);
        CHECK(p.country_code == want.place.country_code);
        CHECK(p.population == want.place.population);
        check_point(p.latitude, want.place.latitude);
        check_point(p.longitude, want.place.longitude);
    } else {
        CHECK(p.feature_code.empty());
        CHECK(p.country_code == (want.place.country_code == "ZZ" ? "ZZ" : ""));
        CHECK(p.population == 0);
        check_point(p.latitude, written.lat);  // the event's point
        check_point(p.longitude, written.lon);
    }
}

/// Where each written event is among those read: the layer order, except FlatGeobuf's, whose
/// spatial index orders features along a Hilbert curve.
std::vector<std::size_t> written_order(const EventsRead& read, const std::vector<extract::Event>& events) {
    REQUIRE(read.events.size() == events.size());
    std::vector<std::size_t> order;
    for (const auto& want : events) {
        std::size_t i = 0;
        while (i < read.events.size() && read.events[i].event_id != want.event_id) ++i;
        REQUIRE(i < read.events.size());
        order.push_back(i);
    }
    return order;
}

std::string value_text(const FieldValue& v) {
    switch (v.index()) {
        case 1: return std::to_string(std::get<std::int64_t>(v));
        case 2: return fmt::format("{:.6f}", std::get<double>(v));
        case 3: return std::get<std::string>(v);
        default: return "null";
    }
}

}  // namespace

TEST_CASE("events round-trip through every format", "[event_reader]") {
    const auto format = GENERATE_COPY(from_range(kFormats));
    CAPTURE(format_name(format));
    testing::TempDir dir;
    const auto events = sample_events();
    const auto layers = sample_layers(events);
    write_layers(dir.path(), layers, {format, false});
    const auto& written = layers[0].second;

    SECTION("with the places layer, from the folder") {
        const EventsRead read = read_events(dir.path());
        CHECK(read.file == events_file(dir.path(), format));
        const auto order = written_order(read, events);
        for (std::size_t i = 0; i < events.size(); ++i) {
            check_event(read.events[order[i]], events[i], written[i], true, format);
        }

        // Writing what was read gives the same events layer again (up to the format's rounding).
        const auto again = sample_layers(read.events);
        REQUIRE(again[0].second.size() == written.size());
        for (std::size_t i = 0; i < written.size(); ++i) {
            const auto& feature = again[0].second[order[i]];
            std::vector<std::string> a, b;
            for (const auto& v : feature.values) a.push_back(value_text(v));
            for (const auto& v : written[i].values) b.push_back(value_text(v));
            CHECK(a == b);
            check_point(feature.lat, written[i].lat);
            check_point(feature.lon, written[i].lon);
        }
    }
    SECTION("without the places layer, from the file") {
        const EventsRead read = read_events(events_file(dir.path(), format), {false});
        const auto order = written_order(read, events);
        for (std::size_t i = 0; i < events.size(); ++i) {
            check_event(read.events[order[i]], events[i], written[i], false, format);
        }
    }
    SECTION("the country as the layer names it") {
        const EventsRead read = read_events(dir.path());
        REQUIRE(read.countries.size() == events.size());
        const auto order = written_order(read, events);
        CHECK(read.countries[order[0]].name == "Syria");
        CHECK(read.countries[order[0]].iso3 == "SYR");
        CHECK(read.countries[order[2]].name == "ZZ");
        CHECK(read.countries[order[2]].iso3.empty());
        CHECK(read.countries[order[3]].name == "Switzerland");
        CHECK(read.countries[order[3]].iso3 == "CHE");
    }
}

TEST_CASE("long text: whole but in a shapefile, which cuts it to 254 bytes, and in KML, which trims it", "[event_reader]") {
    const auto format = GENERATE_COPY(from_range(kFormats));
    CAPTURE(format_name(format));
    testing::TempDir dir;
    auto events = sample_events();
    std::string evidence;
    while (evidence.size() < 400) evidence += "Évidence “quoted” in Testvillé. ";
    events[0].sources[0].evidence_text = evidence;
    events[0].notes = evidence.substr(0, 300);
    write_layers(dir.path(), sample_layers(events), {format, false});
    const auto read = read_events(dir.path());
    const auto& got = read.events[written_order(read, events)[0]];
    if (format == Format::shapefile) {
        const auto& cut = got.sources.at(0).evidence_text;
        CHECK(cut.size() <= 254);
        CHECK(cut.size() >= 250);
        CHECK(evidence.rfind(cut, 0) == 0);
        CHECK(got.notes.size() <= 254);
        CHECK(evidence.rfind(got.notes, 0) == 0);
    } else if (format == Format::kml) {
        CHECK(got.sources.at(0).evidence_text == evidence.substr(0, evidence.size() - 1));  // KML trims white space
        CHECK(got.notes == evidence.substr(0, 300));
    } else {
        CHECK(got.sources.at(0).evidence_text == evidence);
        CHECK(got.notes == evidence.substr(0, 300));
    }
}

TEST_CASE("read events keep their text alive in copies and moves", "[event_reader]") {
    testing::TempDir dir;
    write_layers(dir.path(), sample_layers(sample_events()), {Format::csv, false});
    EventsRead copy;
    {
        EventsRead read = read_events(dir.path());
        EventsRead moved = std::move(read);
        copy = moved;
    }
    REQUIRE(copy.events.size() == 5);
    CHECK(copy.events[0].place.name == "Testville");
    CHECK(copy.events[3].place.admin1_name == "Province of Tests");
}

TEST_CASE("the places layer round-trips", "[event_reader]") {
    const auto format = GENERATE_COPY(from_range(kFormats));
    CAPTURE(format_name(format));
    testing::TempDir dir;
    const auto events = sample_events();
    write_layers(dir.path(), sample_layers(events), {format, false});
    const PlacesRead read = read_places(dir.path());
    REQUIRE(read.places.size() == 3);
    const PlaceRecord* testville = read.find("test:101");
    REQUIRE(testville);
    CHECK(testville->place.name == "Testville");
    CHECK(testville->place.feature_code == "PPLA");
    CHECK(testville->place.country_code == "SY");
    CHECK(testville->place.admin1_name == "Province of Tests");
    CHECK(testville->place.admin2_name == "Testdale District");
    CHECK(testville->place.population == 250000);
    check_point(testville->place.latitude, 34.5);
    check_point(testville->place.longitude, 38.25);
    CHECK(testville->event_count == 3);
    CHECK(testville->fatalities_sum == 5);
    CHECK(testville->mention_count == 0);
    CHECK(testville->mentions.empty());
    CHECK(testville->first_event_date == extract::CivilDate::from_iso("2024-02-26"));
    CHECK(testville->last_event_date == extract::CivilDate::from_iso("2024-03-03"));
    const PlaceRecord* other = read.find("test:202");
    REQUIRE(other);
    CHECK(other->place.country_code == "ZZ");
    CHECK_FALSE(other->first_event_date);
    CHECK(read.find("test:404") == nullptr);
}

TEST_CASE("events from an open GDAL layer", "[event_reader]") {
    testing::TempDir dir;
    write_layers(dir.path(), sample_layers(sample_events()), {Format::gpkg, false});
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "layers.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    const PlacesRead places = read_places(*ds->GetLayerByName("places"), dir / "layers.gpkg");
    const EventsRead with = read_events(*ds->GetLayerByName("events"), dir / "layers.gpkg", &places);
    const EventsRead without = read_events(*ds->GetLayerByName("events"), dir / "layers.gpkg");
    REQUIRE(with.events.size() == 5);
    REQUIRE(without.events.size() == 5);
    CHECK(with.events[1].qualifier.compass == extract::Compass::east);
    CHECK(with.events[1].place.latitude == 34.5);
    CHECK(without.events[1].qualifier.compass == extract::Compass::east);  // from the qualifier field
    CHECK(without.events[1].place.longitude > 38.25);  // the eastern part's point
}

TEST_CASE("hand-written layers: optional fields, a qualifier field, loose sources", "[event_reader]") {
    testing::TempDir dir;
    SECTION("only event_id and a point") {
        testing::write_file(dir / "events.csv", "event_id,latitude,longitude\nx1,1.5,2.5\n");
        const auto read = read_events(dir / "events.csv");
        REQUIRE(read.events.size() == 1);
        const auto& e = read.events[0];
        CHECK(e.event_id == "x1");
        CHECK_FALSE(e.date);
        CHECK(e.geo_precision == 1);
        CHECK(e.where_prec == 1);
        CHECK(e.confidence == 0.0);
        CHECK(e.sources.empty());
        CHECK(e.place.latitude == 1.5);
        CHECK(e.place.longitude == 2.5);
    }
    SECTION("a date span without time_precision, event_date only, a qualifier field") {
        testing::write_file(dir / "events.csv",
                            "event_id,event_date,date_start,date_end,qualifier,latitude,longitude\n"
                            "a,,2024-01-01,2024-01-05,outskirts east province,0,0\n"
                            "b,2024-02-01,,,,0,0\n"
                            "c,,2024-01-01,2024-01-31,,0,0\n");
        const auto read = read_events(dir / "events.csv");
        REQUIRE(read.events.size() == 3);
        CHECK(read.events[0].date == span("2024-01-01", "2024-01-05", extract::TimePrecision::week));
        CHECK(read.events[0].qualifier.to_string() == "outskirts east province");
        CHECK(read.events[1].date == span("2024-02-01", "2024-02-01", extract::TimePrecision::day));
        CHECK(read.events[2].date == span("2024-01-01", "2024-01-31", extract::TimePrecision::month));
    }
    SECTION("URLs fewer than sources, evidence without sources") {
        testing::write_file(dir / "events.csv",
                            "event_id,sources,source_urls,evidence_text,latitude,longitude\n"
                            "a,d1;d2;d3,u1;u3,,0,0\n"
                            "b,,,Something happened.,0,0\n");
        const auto read = read_events(dir / "events.csv");
        REQUIRE(read.events.size() == 2);
        REQUIRE(read.events[0].sources.size() == 3);
        CHECK(read.events[0].sources[0].url == "u1");
        CHECK(read.events[0].sources[1].url == "u3");
        CHECK(read.events[0].sources[2].url.empty());
        REQUIRE(read.events[1].sources.size() == 1);
        CHECK(read.events[1].sources[0].doc_id.empty());
        CHECK(read.events[1].sources[0].evidence_text == "Something happened.");
    }
    SECTION("GeoJSON with a number as event_id, text as a number, no geometry") {
        testing::write_file(dir / "events.geojson", R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"event_id": 17, "fatalities": "3", "confidence": "0.5",
             "latitude": 10, "longitude": 20}, "geometry": null}]})");
        const auto read = read_events(dir.path());
        REQUIRE(read.events.size() == 1);
        CHECK(read.events[0].event_id == "17");
        CHECK(read.events[0].fatalities == 3);
        CHECK(read.events[0].confidence == 0.5);
        CHECK(read.events[0].place.latitude == 10);
        CHECK(read.events[0].place.longitude == 20);
    }
    SECTION("an empty layer") {
        testing::write_file(dir / "events.csv", "event_id,latitude,longitude\n");
        CHECK(read_events(dir.path()).events.empty());
    }
}

TEST_CASE("errors name the file, the feature and the field", "[event_reader]") {
    testing::TempDir dir;
    const auto write_csv = [&](const std::string& text) {
        testing::write_file(dir / "events.csv", text);
        return (dir / "events.csv").string();
    };
    SECTION("a missing file or folder") {
        CHECK_THROWS_WITH(read_events(dir / "nothing.geojson"), Catch::Contains("nothing.geojson") && Catch::Contains("no such file"));
        CHECK_THROWS_WITH(read_places(dir / "nothing"), Catch::Contains("no such file"));
    }
    SECTION("a folder without events") {
        testing::write_file(dir / "notes.txt", "hello");
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains(dir.path().string()) && Catch::Contains("no events layer"));
    }
    SECTION("a folder with events in two formats") {
        const auto layers = sample_layers(sample_events());
        write_layers(dir.path(), layers, {Format::geojson, false});
        write_layers(dir.path(), layers, {Format::flatgeobuf, false});
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains("events.geojson, events.fgb") && Catch::Contains("name the file"));
        CHECK(read_events(dir / "events.fgb").events.size() == 5);
    }
    SECTION("a GeoPackage without an events layer") {
        auto layers = sample_layers(sample_events());
        layers.erase(layers.begin());
        write_layers(dir.path(), layers, {Format::gpkg, false});
        CHECK_THROWS_WITH(read_events(dir / "layers.gpkg"),
                          Catch::Contains("layers.gpkg") && Catch::Contains("no events layer") && Catch::Contains("places"));
    }
    SECTION("a places file given as events") {
        write_layers(dir.path(), sample_layers(sample_events()), {Format::geojson, false});
        CHECK_THROWS_WITH(read_events(dir / "places.geojson"), Catch::Contains("no events layer"));
    }
    SECTION("not a vector file") {
        testing::write_file(dir / "events.geojson", "\x01\x02 not json at all");
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains("events.geojson") && Catch::Contains("cannot open"));
    }
    SECTION("no event_id field") {
        const auto file = write_csv("id,latitude,longitude\na,0,0\n");
        CHECK_THROWS_WITH(read_events(file), Catch::Contains(file) && Catch::Contains("has no event_id field"));
    }
    SECTION("an event without event_id") {
        const auto file = write_csv("event_id,latitude,longitude\n#event+id,#geo+lat,#geo+lon\na,0,0\n,1,1\n");
        CHECK_THROWS_WITH(read_events(file), Catch::Contains(file + ": layer 'events' feature 2 (FID 3) field 'event_id': missing"));
    }
    SECTION("an event_id twice") {
        const auto file = write_csv("event_id,latitude,longitude\na,0,0\nb,0,0\na,1,1\n");
        CHECK_THROWS_WITH(read_events(file), Catch::Contains("feature 2 (FID 3) field 'event_id': 'a' is also the event_id of feature 0"));
    }
    SECTION("bad values") {
        const std::string header = "event_id,date_start,date_end,time_precision,fatalities,confidence,geo_precision,latitude,longitude\n";
        const auto check = [&](const std::string& row, const std::string& field, const std::string& what) {
            const auto file = write_csv(header + "good,2024-01-01,2024-01-02,2,3,0.5,1,0,0\n" + row + "\n");
            const std::string part = field == "geometry" ? "geometry: " : "field '" + field + "': ";
            CHECK_THROWS_WITH(read_events(file), Catch::Contains(file + ": layer 'events' feature 1 (FID 2) " + part + what));
        };
        check("e,2023-02-29,,,,,,0,0", "date_start", "'2023-02-29' is not a date");
        check("e,01/02/2024,,,,,,0,0", "date_start", "'01/02/2024' is not a date (YYYY-MM-DD)");
        check("e,2024-01-05,2024-01-01,,,,,0,0", "date_end", "2024-01-01 is before the start 2024-01-05");
        check("e,,2024-01-01,,,,,0,0", "date_end", "a date_end without a date_start or event_date");
        check("e,2024-01-01,,4,,,,0,0", "time_precision", "4 is not in 1-3");
        check("e,,,,many,,,0,0", "fatalities", "'many' is not an integer");
        check("e,,,,-2,,,0,0", "fatalities", "-2 is not in");
        check("e,,,,2.5,,,0,0", "fatalities", "'2.5' is not an integer");
        check("e,,,,99999999999999999999,,,0,0", "fatalities", "'99999999999999999999' is not an integer");
        check("e,,,,,1.5,,0,0", "confidence", "1.5 is not in 0-1");
        check("e,,,,,high,,0,0", "confidence", "'high' is not a number");
        check("e,,,,,nan,,0,0", "confidence", "'nan' is not a number");
        check("e,,,,,,0,0,0", "geo_precision", "0 is not in 1-3");
        check("e,,,,,,,95,0", "geometry", "coordinates (95, 0) out of range");
        check("e,,,,,,,,0", "geometry", "no point");
        check("e,,,,,,,,", "geometry", "no point");
    }
    SECTION("odd files") {
        testing::write_file(dir / "events.csv", "");
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains("events.csv"));
        testing::write_file(dir / "events.csv", "event_id,qualifier,latitude,longitude\na,east quarter,0,0\n");
        CHECK_THROWS_WITH(read_events(dir.path()),
                          Catch::Contains("field 'qualifier': unknown qualifier word 'quarter' in 'east quarter'"));
        testing::write_file(dir / "events.csv", "event_id,latitude,longitude\n\"unclosed,1,2\n");
        // GDAL reads the unclosed quote on to the end of the file: one event without a point.
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains("feature 0 (FID 1) geometry: no point"));
        testing::write_file(dir / "events.geojson", R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"event_id": "p"},
             "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})");
        CHECK_THROWS_WITH(read_events(dir / "events.geojson"), Catch::Contains("feature 0 (FID 0) geometry: no point"));
    }
    SECTION("a shapefile's cut field name is named as the file spells it") {
        auto events = sample_events();
        auto layers = sample_layers(events);
        layers[0].second[2].values[4] = std::int64_t{9};  // time_precision
        write_layers(dir.path(), layers, {Format::shapefile, false});
        CHECK_THROWS_WITH(read_events(dir.path()),
                          Catch::Contains("events.shp: layer 'events' feature 2 (FID 2) field 'time_preci' (time_precision): 9 is not in 1-3"));
    }
    SECTION("a bad places layer beside the events") {
        write_layers(dir.path(), sample_layers(sample_events()), {Format::csv, false});
        testing::write_file(dir / "places.csv", "place_id,latitude,longitude\ntest:101,0,0\ntest:101,1,1\n");
        CHECK_THROWS_WITH(read_events(dir.path()), Catch::Contains("places.csv") && Catch::Contains("'test:101' is also the place_id of feature 0"));
        CHECK(read_events(dir.path(), {false}).events.size() == 5);
    }
}

#include "output/event_reader.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "extract/mention.hpp"
#include "geo/compass_area.hpp"
#include "output/gdal_errors.hpp"

namespace output {

struct ReadText {
    std::deque<std::string> strings;  // a deque never moves its elements: views stay valid

    std::string_view keep(std::string s) {
        if (s.empty()) return {};
        return strings.emplace_back(std::move(s));
    }
};

namespace {

namespace fs = std::filesystem;

constexpr const char* kGpkgFile = "layers.gpkg";
// The names `map` gives its layers: a file whose only layer has one of the others' names is
// not taken for the layer asked for.
constexpr std::array<std::string_view, 3> kMapLayers = {"events", "places", "areas"};
// How close two points must be to count as the same (degrees): GeoJSON keeps 7 decimals, and a
// compass part's point is at least some hundred metres from its place's.
constexpr double kSamePoint = 1e-6;


std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// --- Files and layers ------------------------------------------------------------------------

/// The file to read for `layer` ("events" or "places"): `source` itself, or the one file of
/// that layer in the folder `source`.
fs::path resolve_source(const fs::path& source, std::string_view layer) {
    std::error_code ec;
    const auto status = fs::status(source, ec);
    if (!fs::exists(status)) throw std::runtime_error(fmt::format("{}: no such file or folder", source.string()));
    if (!fs::is_directory(status)) return source;
    std::vector<std::string> names = {kGpkgFile};
    for (const char* ext : {".geojson", ".fgb", ".shp", ".csv", ".kml"}) names.push_back(fmt::format("{}{}", layer, ext));
    std::vector<fs::path> found;
    for (const auto& name : names) {
        if (fs::is_regular_file(source / name, ec)) found.push_back(source / name);
    }
    if (found.empty()) {
        throw std::runtime_error(fmt::format("{}: no {} layer in this folder (looked for {})", source.string(), layer,
                                             fmt::join(names, ", ")));
    }
    if (found.size() > 1) {
        std::vector<std::string> listed;
        for (const auto& p : found) listed.push_back(p.filename().string());
        throw std::runtime_error(fmt::format("{}: this folder holds {} {} layers ({}): name the file to read",
                                             source.string(), found.size(), layer, fmt::join(listed, ", ")));
    }
    return found.front();
}

GDALDatasetUniquePtr open_dataset(const fs::path& file) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    std::error_code ec;
    if (!fs::exists(file, ec)) throw std::runtime_error(fmt::format("{}: no such file or folder", file.string()));
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error(fmt::format("{}: cannot open it as a vector layer: {}", file.string(), gdal_message()));
    return ds;
}

/// The layer named `name`, else the dataset's only layer unless that one has the name of
/// another of map's layers.
OGRLayer& find_layer(GDALDataset& ds, std::string_view name, const fs::path& file) {
    if (OGRLayer* layer = ds.GetLayerByName(std::string(name).c_str())) return *layer;
    std::vector<std::string> names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        if (OGRLayer* layer = ds.GetLayer(i)) names.emplace_back(layer->GetName());
    }
    if (names.size() == 1) {
        bool other = false;
        for (auto known : kMapLayers) other = other || (known != name && lower(names.front()) == known);
        if (!other) return *ds.GetLayer(0);
    }
    throw std::runtime_error(fmt::format("{}: no {} layer (its layers: {})", file.string(), name,
                                         names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "))));
}

// --- Fields ----------------------------------------------------------------------------------

/// A field of the layer found by its name or a shapefile's 10-character cut of it; index -1
/// when absent.
struct Field {
    const char* name = "";  // the writer's name
    int index = -1;
};

Field find_field(OGRFeatureDefn& defn, const char* name) {
    int index = defn.GetFieldIndex(name);
    const std::string_view full(name);
    if (index < 0 && full.size() > 10) index = defn.GetFieldIndex(std::string(full.substr(0, 10)).c_str());
    return {name, index};
}

/// Where a point can be: the latitude and longitude fields (events), or a CSV's X and Y.
struct PointFields {
    Field latitude, longitude, y, x;
    explicit PointFields(OGRFeatureDefn& defn)
        : latitude(find_field(defn, "latitude")), longitude(find_field(defn, "longitude")), y(find_field(defn, "Y")),
          x(find_field(defn, "X")) {}
};

/// Where a value comes from, for error messages.
struct Where {
    const fs::path& file;
    std::string layer;
    std::size_t index = 0;  // 0-based, as GDAL reads the layer
    GIntBig fid = OGRNullFID;
};

/// A whole number held in a double (KML writes 64-bit integers as reals), within int64's range.
std::optional<std::int64_t> integral(double d) {
    // 2^63 is out of range: the comparison is strict.
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9223372036854775808.0) return static_cast<std::int64_t>(d);
    return std::nullopt;
}

/// An integer, or a real without a fraction ("5", "5.0").
std::optional<std::int64_t> parse_integer(std::string_view s) {
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size()) return v;
    double d = 0;
    const auto [dptr, dec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (dec == std::errc() && dptr == s.data() + s.size()) return integral(d);
    return std::nullopt;
}

std::optional<double> parse_real(std::string_view s) {
    double d = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(d)) return d;
    return std::nullopt;
}

/// "YYYY-MM-DD" (or GDAL's "YYYY/MM/DD"), optionally followed by a time after 'T' or ' '.
std::optional<extract::CivilDate> parse_date(std::string_view s) {
    if (s.size() < 10 || (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    std::string day(s.substr(0, 10));
    if (day[4] == '/' && day[7] == '/') day[4] = day[7] = '-';
    return extract::CivilDate::from_iso(day);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> split_list(const std::optional<std::string>& text) {
    std::vector<std::string> out;
    if (!text) return out;
    std::string_view rest = *text;
    while (true) {
        const auto cut = rest.find(';');
        const auto item = rest.substr(0, cut);
        if (!item.empty()) out.emplace_back(item);
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 1);
    }
    return out;
}

/// Typed reads of one feature's values; every failure names the file, feature and field.
class ValueReader {
public:
    ValueReader(OGRFeature& feature, const Where& where) : f_(feature), where_(where) {}

    /// Throws naming the field as the layer spells it (and as the writer does, when that differs).
    [[noreturn]] void fail(const Field& field, const std::string& what) const {
        std::string name = fmt::format("field '{}'", field.name);
        if (field.index >= 0) {
            const std::string actual = f_.GetFieldDefnRef(field.index)->GetNameRef();
            if (lower(actual) != lower(field.name)) name = fmt::format("field '{}' ({})", actual, field.name);
        }
        fail_at(name, what);
    }

    [[noreturn]] void fail_at(const std::string& part, const std::string& what) const {
        throw std::runtime_error(fmt::format("{}: layer '{}' feature {}{} {}: {}", where_.file.string(), where_.layer,
                                             where_.index, where_.fid == OGRNullFID ? "" : fmt::format(" (FID {})", where_.fid),
                                             part, what));
    }

    /// The feature's 0-based index in the layer.
    std::size_t index() const noexcept { return where_.index; }

    bool has(const Field& field) const { return field.index >= 0 && f_.IsFieldSetAndNotNull(field.index); }

    OGRFieldType type(const Field& field) const { return f_.GetFieldDefnRef(field.index)->GetType(); }

    /// The value as text; nullopt for an absent field, a null or an empty string.
    std::optional<std::string> text(const Field& field) const {
        if (!has(field)) return std::nullopt;
        std::string s = f_.GetFieldAsString(field.index);
        if (s.empty()) return std::nullopt;
        return s;
    }

    std::optional<std::int64_t> integer(const Field& field) const {
        if (!has(field)) return std::nullopt;
        switch (type(field)) {
            case OFTInteger:
            case OFTInteger64: return f_.GetFieldAsInteger64(field.index);
            case OFTReal: {
                const double d = f_.GetFieldAsDouble(field.index);
                if (auto v = integral(d)) return v;
                fail(field, fmt::format("{} is not an integer", d));
            }
            default: {
                const std::string s = f_.GetFieldAsString(field.index);
                const auto t = trim(s);
                if (t.empty()) return std::nullopt;
                if (auto v = parse_integer(t)) return v;
                fail(field, fmt::format("'{}' is not an integer", s));
            }
        }
    }

    /// An integer in [lo, hi]; nullopt when null.
    std::optional<std::int64_t> integer_in(const Field& field, std::int64_t lo, std::int64_t hi) const {
        const auto v = integer(field);
        if (v && (*v < lo || *v > hi)) fail(field, fmt::format("{} is not in {}-{}", *v, lo, hi));
        return v;
    }

    std::optional<double> real(const Field& field) const {
        if (!has(field)) return std::nullopt;
        switch (type(field)) {
            case OFTInteger:
            case OFTInteger64:
            case OFTReal: {
                const double d = f_.GetFieldAsDouble(field.index);
                if (!std::isfinite(d)) fail(field, fmt::format("{} is not a finite number", d));
                return d;
            }
            default: {
                const std::string s = f_.GetFieldAsString(field.index);
                const auto t = trim(s);
                if (t.empty()) return std::nullopt;
                if (auto v = parse_real(t)) return v;
                fail(field, fmt::format("'{}' is not a number", s));
            }
        }
    }

    std::optional<extract::CivilDate> date(const Field& field) const {
        if (!has(field)) return std::nullopt;
        const auto t = type(field);
        if (t == OFTDate || t == OFTDateTime) {
            int y = 0, m = 0, d = 0, hour = 0, minute = 0, tz = 0;
            float second = 0;
            if (!f_.GetFieldAsDateTime(field.index, &y, &m, &d, &hour, &minute, &second, &tz)) {
                fail(field, "not a date");
            }
            const extract::CivilDate date{y, m, d};
            if (!date.is_valid()) fail(field, fmt::format("{:04}-{:02}-{:02} is not a date", y, m, d));
            return date;
        }
        const std::string s = f_.GetFieldAsString(field.index);
        const auto trimmed = trim(s);
        if (trimmed.empty()) return std::nullopt;
        if (auto d = parse_date(trimmed)) return d;
        fail(field, fmt::format("'{}' is not a date (YYYY-MM-DD)", s));
    }

    /// The feature's point: its point geometry, else the latitude and longitude fields, else a
    /// CSV's Y and X. Throws when it has none of them or the point is outside WGS84's ranges.
    geo::LatLon point(const PointFields& fields) const {
        geo::LatLon p;
        const OGRGeometry* g = f_.GetGeometryRef();
        if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint) {
            p = {g->toPoint()->getY(), g->toPoint()->getX()};
        } else {
            auto lat = real(fields.latitude);
            auto lon = real(fields.longitude);
            if (!lat && !lon) {
                lat = real(fields.y);
                lon = real(fields.x);
            }
            if (!lat || !lon) fail_at("geometry", "no point (no point geometry, latitude and longitude, or X and Y)");
            p = {*lat, *lon};
        }
        if (!geo::is_valid(p)) fail_at("geometry", fmt::format("coordinates ({}, {}) out of range", p.lat, p.lon));
        return p;
    }

    /// A CSV's HXL row: every value that is set is a hashtag, and `key` is one.
    bool is_hxl_row(const Field& key) const {
        const auto id = text(key);
        if (!id || id->front() != '#') return false;
        for (int i = 0; i < f_.GetFieldCount(); ++i) {
            if (!f_.IsFieldSetAndNotNull(i)) continue;
            const char* s = f_.GetFieldAsString(i);
            if (*s != '\0' && *s != '#') return false;
        }
        return true;
    }

private:
    OGRFeature& f_;
    const Where& where_;
};

/// Reads every feature of `layer`, skipping a first HXL row, and calls `read(values, index)`.
/// Throws when GDAL fails to read a feature.
template <typename F>
void for_each_feature(OGRLayer& layer, const fs::path& file, const Field& key, F&& read) {
    layer.ResetReading();
    CPLErrorReset();
    std::size_t index = 0;
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature()), ++index) {
        const Where where{file, layer.GetName(), index, f->GetFID()};
        const ValueReader values(*f, where);
        if (index == 0 && values.is_hxl_row(key)) continue;
        read(values);
    }
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw std::runtime_error(fmt::format("{}: layer '{}': cannot read feature {}: {}", file.string(), layer.GetName(),
                                             index, gdal_message()));
    }
}

// --- Qualifiers ------------------------------------------------------------------------------

extract::Qualifier parse_qualifier(const std::string& words, const ValueReader& values, const Field& field) {
    using extract::Compass;
    using extract::Surroundings;
    extract::Qualifier q;
    std::string_view rest = words;
    while (!rest.empty()) {
        const auto cut = rest.find(' ');
        const auto word = rest.substr(0, cut);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
        if (word.empty()) continue;
        bool known = true;
        if (word == "province") {
            q.level = extract::AdminLevel::admin1;
        } else if (word == "district") {
            q.level = extract::AdminLevel::admin2;
        } else if (word == "city") {
            q.level = extract::AdminLevel::city;
        } else {
            known = false;
            for (auto s : {Surroundings::outskirts, Surroundings::countryside, Surroundings::suburb, Surroundings::near}) {
                if (word == extract::to_string(s)) q.surroundings = s, known = true;
            }
            for (auto c : {Compass::north, Compass::northeast, Compass::east, Compass::southeast, Compass::south,
                           Compass::southwest, Compass::west, Compass::northwest, Compass::central}) {
                if (word == extract::to_string(c)) q.compass = c, known = true;
            }
        }
        if (!known) values.fail(field, fmt::format("unknown qualifier word '{}' in '{}'", word, words));
    }
    return q;
}

bool same_point(const geo::LatLon& a, const geo::LatLon& b) {
    return std::fabs(a.lat - b.lat) <= kSamePoint && std::fabs(a.lon - b.lon) <= kSamePoint;
}

/// The compass part whose representative point event_layers put an event of `place` at
/// `point`; Compass::none when `point` is the place's own; nullopt when no part fits.
std::optional<extract::Compass> compass_at(const gazetteer::PlaceView& place, const geo::LatLon& point) {
    using extract::Compass;
    const geo::LatLon center{place.latitude, place.longitude};
    if (same_point(center, point)) return Compass::none;
    const auto& code = place.feature_code;
    const double radius = geo::extent_radius_km(code.substr(0, 3) == "PCL", code == "ADM1", code == "ADM2" || code == "ADMD",
                                                place.population);
    constexpr std::pair<Compass, geo::CompassPart> parts[] = {
        {Compass::north, geo::CompassPart::north},         {Compass::northeast, geo::CompassPart::northeast},
        {Compass::east, geo::CompassPart::east},           {Compass::southeast, geo::CompassPart::southeast},
        {Compass::south, geo::CompassPart::south},         {Compass::southwest, geo::CompassPart::southwest},
        {Compass::west, geo::CompassPart::west},           {Compass::northwest, geo::CompassPart::northwest}};
    for (const auto& [compass, part] : parts) {
        if (same_point(geo::compass_area(center, radius, part).representative, point)) return compass;
    }
    return std::nullopt;
}

extract::TimePrecision precision_of_span(const extract::CivilDate& start, const extract::CivilDate& end) {
    const auto days = end.to_days() - start.to_days();
    if (days == 0) return extract::TimePrecision::day;
    return days <= 7 ? extract::TimePrecision::week : extract::TimePrecision::month;
}

}  // namespace

// --- Places ----------------------------------------------------------------------------------

const PlaceRecord* PlacesRead::find(std::string_view place_id) const noexcept {
    for (const auto& p : places) {
        if (p.place.place_id == place_id) return &p;
    }
    return nullptr;
}

PlacesRead read_places(OGRLayer& layer, const fs::path& file) {
    QuietGdalErrors quiet;
    auto text = std::make_shared<ReadText>();
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const auto field = [&](const char* name) { return find_field(defn, name); };
    const Field place_id = field("place_id"), name = field("name"), feature_code = field("feature_code"),
                country_code = field("country_code"), admin1 = field("admin1"), admin2 = field("admin2"),
                population = field("population"), mention_count = field("mention_count"), mentions = field("mentions"),
                event_count = field("event_count"), fatalities_sum = field("fatalities_sum"),
                first_event_date = field("first_event_date"), last_event_date = field("last_event_date");
    const PointFields point_fields(defn);
    if (place_id.index < 0) {
        throw std::runtime_error(fmt::format("{}: layer '{}' has no place_id field", file.string(), layer.GetName()));
    }
    PlacesRead out;
    out.file = file;
    std::unordered_map<std::string, std::size_t> seen;
    for_each_feature(layer, file, place_id, [&](const ValueReader& values) {
        PlaceRecord r;
        auto id = values.text(place_id);
        if (!id) values.fail(place_id, "missing (every place needs a place_id)");
        if (const auto [it, fresh] = seen.emplace(*id, values.index()); !fresh) {
            values.fail(place_id, fmt::format("'{}' is also the place_id of feature {}", *id, it->second));
        }
        r.place.place_id = text->keep(std::move(*id));
        r.place.name = text->keep(values.text(name).value_or(""));
        r.place.feature_code = text->keep(values.text(feature_code).value_or(""));
        r.place.country_code = text->keep(values.text(country_code).value_or(""));
        r.place.admin1_name = text->keep(values.text(admin1).value_or(""));
        r.place.admin2_name = text->keep(values.text(admin2).value_or(""));
        r.place.population = values.integer_in(population, 0, std::numeric_limits<std::int64_t>::max()).value_or(0);
        const auto p = values.point(point_fields);
        r.place.latitude = p.lat;
        r.place.longitude = p.lon;
        constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
        r.mention_count = values.integer_in(mention_count, 0, kMax).value_or(0);
        r.mentions = split_list(values.text(mentions));
        r.event_count = values.integer_in(event_count, 0, kMax).value_or(0);
        r.fatalities_sum = values.integer_in(fatalities_sum, 0, kMax).value_or(0);
        r.first_event_date = values.date(first_event_date);
        r.last_event_date = values.date(last_event_date);
        out.places.push_back(std::move(r));
    });
    out.text = std::move(text);
    return out;
}

PlacesRead read_places(const fs::path& source) {
    QuietGdalErrors quiet;
    const fs::path file = resolve_source(source, "places");
    auto ds = open_dataset(file);
    return read_places(find_layer(*ds, "places", file), file);
}

// --- Events ----------------------------------------------------------------------------------

EventsRead read_events(OGRLayer& layer, const fs::path& file, const PlacesRead* places) {
    QuietGdalErrors quiet;
    auto text = std::make_shared<ReadText>();
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const auto field = [&](const char* name) { return find_field(defn, name); };
    const Field event_id = field("event_id"), event_date = field("event_date"), date_start = field("date_start"),
                date_end = field("date_end"), time_precision = field("time_precision"), event_type = field("event_type"),
                sub_event_type = field("sub_event_type"), actor1 = field("actor1"), actor2 = field("actor2"),
                country = field("country"), iso3 = field("iso3"), admin1 = field("admin1"), admin2 = field("admin2"),
                location = field("location"), location_mention = field("location_mention"), place_id = field("place_id"),
                geo_precision = field("geo_precision"), where_prec = field("where_prec"), fatalities = field("fatalities"),
                injured = field("injured"), sources = field("sources"), source_urls = field("source_urls"),
                notes = field("notes"), evidence_text = field("evidence_text"), confidence = field("confidence"),
                qualifier = field("qualifier"), region = field("region"), region_code = field("region_code"),
                multi_day_toll = field("multi_day_toll");
    const PointFields point_fields(defn);
    if (event_id.index < 0) {
        throw std::runtime_error(fmt::format("{}: layer '{}' has no event_id field", file.string(), layer.GetName()));
    }
    std::unordered_map<std::string_view, const PlaceRecord*> place_index;
    if (places) {
        for (const auto& p : places->places) place_index.emplace(p.place.place_id, &p);
    }

    EventsRead out;
    out.file = file;
    out.has_region_fields = region.index >= 0 || region_code.index >= 0;
    std::unordered_map<std::string, std::size_t> seen;
    for_each_feature(layer, file, event_id, [&](const ValueReader& values) {
        extract::Event e;
        auto id = values.text(event_id);
        if (!id) values.fail(event_id, "missing (every event needs an event_id)");
        if (const auto [it, fresh] = seen.emplace(*id, values.index()); !fresh) {
            values.fail(event_id, fmt::format("'{}' is also the event_id of feature {}", *id, it->second));
        }
        e.event_id = std::move(*id);

        // The date: date_start (event_date when absent) to date_end (the start when absent).
        auto start = values.date(date_start);
        if (!start) start = values.date(event_date);
        const auto end = values.date(date_end);
        const auto precision = values.integer_in(time_precision, 1, 3);
        if (start) {
            extract::EventDate d{*start, end.value_or(*start), extract::TimePrecision::day};
            if (d.end < d.start) {
                values.fail(date_end, fmt::format("{} is before the start {}", d.end.to_iso(), d.start.to_iso()));
            }
            d.precision = precision ? static_cast<extract::TimePrecision>(*precision) : precision_of_span(d.start, d.end);
            e.date = d;
        } else if (end) {
            values.fail(date_end, "a date_end without a date_start or event_date");
        }

        e.event_type = values.text(event_type).value_or("");
        e.sub_event_type = values.text(sub_event_type).value_or("");
        e.actor1 = values.text(actor1).value_or("");
        e.actor2 = values.text(actor2).value_or("");
        e.location_mention = values.text(location_mention).value_or("");
        e.geo_precision = static_cast<int>(values.integer_in(geo_precision, 1, 3).value_or(1));
        e.where_prec = static_cast<int>(values.integer_in(where_prec, 1, 7).value_or(1));
        constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
        e.fatalities = values.integer_in(fatalities, 0, kMax);
        e.injured = values.integer_in(injured, 0, kMax);
        e.fatalities_total_over_days = values.integer_in(multi_day_toll, 0, 1).value_or(0) == 1;
        e.notes = values.text(notes).value_or("");
        if (const auto c = values.real(confidence)) {
            if (*c < 0.0 || *c > 1.0) values.fail(confidence, fmt::format("{} is not in 0-1", *c));
            e.confidence = *c;
        }

        // Sources: article ids and URLs paired by position; the evidence is the first source's.
        const auto ids = split_list(values.text(sources));
        const auto urls = split_list(values.text(source_urls));
        e.sources.resize(std::max(ids.size(), urls.size()));
        for (std::size_t i = 0; i < ids.size(); ++i) e.sources[i].doc_id = ids[i];
        for (std::size_t i = 0; i < urls.size(); ++i) e.sources[i].url = urls[i];
        if (auto evidence = values.text(evidence_text)) {
            if (e.sources.empty()) e.sources.emplace_back();
            e.sources.front().evidence_text = std::move(*evidence);
        }

        // The place, as the events layer holds it.
        LayerCountry layer_country{values.text(country).value_or(""), values.text(iso3).value_or("")};
        const auto point = values.point(point_fields);
        auto pid = values.text(place_id).value_or("");
        // The writer names a country its gazetteer does not know by its code.
        std::string country_code;
        const auto& named = layer_country.name;
        if (layer_country.iso3.empty() && named.size() == 2 && std::isupper(static_cast<unsigned char>(named[0])) &&
            std::isupper(static_cast<unsigned char>(named[1]))) {
            country_code = named;
        }
        e.place.latitude = point.lat;
        e.place.longitude = point.lon;
        e.place.name = text->keep(values.text(location).value_or(""));
        e.place.admin1_name = text->keep(values.text(admin1).value_or(""));
        e.place.admin2_name = text->keep(values.text(admin2).value_or(""));
        if (const auto q = values.text(qualifier)) e.qualifier = parse_qualifier(*q, values, qualifier);

        // Completed from the places layer: its own point, and the compass part the event's point
        // says when the layer has no qualifier field.
        const auto known = place_index.find(pid);
        if (known != place_index.end()) {
            const auto& p = known->second->place;
            e.place.feature_code = text->keep(std::string(p.feature_code));
            country_code = p.country_code;
            e.place.population = p.population;
            if (e.place.name.empty()) e.place.name = text->keep(std::string(p.name));
            if (e.place.admin1_name.empty()) e.place.admin1_name = text->keep(std::string(p.admin1_name));
            if (e.place.admin2_name.empty()) e.place.admin2_name = text->keep(std::string(p.admin2_name));
            if (qualifier.index >= 0) {
                e.place.latitude = p.latitude;
                e.place.longitude = p.longitude;
            } else if (const auto compass = compass_at(p, point)) {
                e.qualifier.compass = *compass;
                e.place.latitude = p.latitude;
                e.place.longitude = p.longitude;
            }
        }
        e.place.place_id = text->keep(std::move(pid));
        e.place.country_code = text->keep(std::move(country_code));
        out.events.push_back(std::move(e));
        out.countries.push_back(std::move(layer_country));
        out.points.push_back(point);
        out.regions.push_back({values.text(region).value_or(""), values.text(region_code).value_or("")});
        out.events.back().region = out.regions.back().name;
        out.events.back().region_code = out.regions.back().code;
    });
    out.text = std::move(text);
    return out;
}

EventsRead read_events(const fs::path& source, const EventReadOptions& options) {
    QuietGdalErrors quiet;
    const fs::path file = resolve_source(source, "events");
    auto ds = open_dataset(file);
    OGRLayer& layer = find_layer(*ds, "events", file);
    std::optional<PlacesRead> places;
    if (options.use_places_layer) {
        OGRLayer* in_same = ds->GetLayerCount() > 1 ? ds->GetLayerByName("places") : nullptr;
        const fs::path beside = file.parent_path() / fs::path("places").replace_extension(file.extension());
        std::error_code ec;
        if (in_same && in_same != &layer) {
            places = read_places(*in_same, file);
        } else if (lower(file.stem().string()) == "events" && fs::is_regular_file(beside, ec)) {
            places = read_places(beside);
        }
    }
    return read_events(layer, file, places ? &*places : nullptr);
}

}  // namespace output

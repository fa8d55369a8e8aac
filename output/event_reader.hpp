#pragma once
// Reading back the layers `geoevents map` writes (output/event_layers.hpp through
// output/layer_writer.hpp): the events layer into extract::Event values, for `map --append`
// (merging new events into an existing output by event_id) and for reports on an existing output;
// and the places layer into place records.
//
// Fields are found by name, case-insensitively, under their full name or a shapefile's
// 10-character cut ("location_m", "time_preci", "source_url", ...). Fields of other names are
// ignored; an absent field reads as null, except event_id, which every event needs (null
// geo_precision and where_prec read as 1, a null confidence as 0). Values are read from typed
// fields as typed and parsed from text ones (CSV, and whatever the layer holds as text):
// integers and reals in C's plain notation ("5.0" is an integer, "5.5" is not), dates as
// "YYYY-MM-DD" (a time after it is ignored; FlatGeobuf's dates are midnight DateTimes). A
// string field's empty value and a null are the same thing, as the writer makes them. A first
// feature whose values are all HXL hashtags (a CSV's second line) is skipped. The point is the
// feature's point geometry, else its latitude/longitude fields, else X and Y (a CSV's columns:
// GDAL reads them as fields). The date runs from date_start (else event_date) to date_end (else
// the start); a null time_precision reads as day for one day, week for up to 8, else month.
//
// An events round trip (extract::Event -> event_layers -> write_layers -> read_events) keeps,
// in every format: event_id, event_type, sub_event_type, actor1, actor2, location_mention,
// geo_precision, where_prec, fatalities and injured (null -> nullopt), notes, confidence, the
// date (start, end, time_precision; nullopt when the layer has none), the sources' article ids
// and URLs, the first source's evidence_text, and the place's place_id, name, admin1_name and
// admin2_name. It loses:
//   - the qualifier, only from a layer written before the "qualifier" field existed: then a
//     compass part is recovered from where the event sits when the places layer is beside the
//     events, and levels ("province") and surroundings ("outskirts") are lost.
//   - of every source: title, source (the publisher), evidence_start and evidence_end (0), and
//     the evidence_text of all but the first. URLs are paired with article ids by position: the
//     writer drops empty and repeated URLs, so the pairing is exact only when every source had
//     its own URL (writing the events again gives the same `sources` and `source_urls` text in
//     every case). An id or URL containing ';' comes back split in two.
//   - of the place, without the places layer: feature_class, feature_code, admin1_code,
//     population and index (empty or 0), country_code (kept only when the layer's country field
//     holds the code itself, which the writer does for countries its gazetteer does not know;
//     the country's name and ISO3 code are in EventsRead::countries), and its own point: the
//     place's latitude/longitude are the event's point (the compass part's point for a qualified
//     event). With the places layer (the same GeoPackage, or places.<ext> beside events.<ext>):
//     feature_code, country_code, population and the place's own point come from it
//     (feature_class, admin1_code and index stay empty or 0).
// Per format, beyond that: GeoJSON, GeoPackage and FlatGeobuf keep every value exactly (GeoJSON
// coordinates to 7 decimals); CSV and KML keep reals and coordinates to the 15 significant
// digits GDAL writes; KML trims white space around text values; a shapefile keeps reals to 15
// decimals and text up to 254 bytes (longer evidence, notes or source lists come back cut). A
// FlatGeobuf's spatial index orders features along a Hilbert curve: events come back in that
// order, not in the order written.
//
// Errors are std::runtime_error naming the file and, for a value, the feature (0-based index in
// the layer as GDAL reads it, the CSV's HXL row included, and its FID: a CSV's line is its FID
// + 1) and the field (as the file spells it, and as the writer does when that differs): a missing
// file, no events layer, a layer without event_id, an event without one, an event_id seen twice,
// a value that is not a date, a number or in range (time_precision 1-3, geo_precision 1-3,
// where_prec 1-7, confidence 0-1, counts not negative, coordinates in WGS84 ranges), a date_end
// before the start, an event without a point. GDAL's own messages do not reach stderr.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/dates.hpp"
#include "extract/event.hpp"
#include "geo/point.hpp"
#include "gazetteer/name_index.hpp"

class OGRLayer;

namespace output {

/// The text read places point into (gazetteer::PlaceView holds string_views): owned by the
/// result of a read, shared by its copies, never moved, so the views stay valid while any copy
/// of the result (or of its `text`) lives.
struct ReadText;

/// A feature of the places layer.
struct PlaceRecord {
    /// place_id, name, feature_code, country_code, admin1_name, admin2_name, population and the
    /// point; feature_class, admin1_code and index are not in the layer (empty or 0).
    gazetteer::PlaceView place;
    std::int64_t mention_count = 0;
    std::vector<std::string> mentions;  ///< the surface forms, as the `;`-separated field lists them
    std::int64_t event_count = 0;
    std::int64_t fatalities_sum = 0;
    std::optional<extract::CivilDate> first_event_date;
    std::optional<extract::CivilDate> last_event_date;
};

struct PlacesRead {
    std::filesystem::path file;        ///< the file read
    std::vector<PlaceRecord> places;   ///< in layer order; place_ids are unique
    std::shared_ptr<const ReadText> text;

    /// The record of a place_id, or nullptr. Linear in the number of places.
    const PlaceRecord* find(std::string_view place_id) const noexcept;
};

/// What the events layer says of an event's country beyond place.country_code.
struct LayerCountry {
    std::string name;  ///< the "country" field: the country's name (or its code, when the writer's gazetteer had no name)
    std::string iso3;  ///< the "iso3" field; empty when null
};

/// The region the events layer names for an event (the "region" and "region_code" fields that
/// `map` fills from `--regions` or the gazetteer's first-level division); empty when null or absent.
struct LayerRegion {
    std::string name;
    std::string code;
};

struct EventsRead {
    std::filesystem::path file;             ///< the file read (a folder's events file)
    std::vector<extract::Event> events;     ///< in layer order (see FlatGeobuf above); event_ids are unique
    std::vector<LayerCountry> countries;    ///< countries[i] is events[i]'s
    /// points[i] is events[i]'s point as the layer stores it (its point geometry, else its
    /// latitude/longitude or X/Y fields), whatever the places layer says of the place's own point.
    std::vector<geo::LatLon> points;
    std::vector<LayerRegion> regions;       ///< regions[i] is events[i]'s
    bool has_region_fields = false;         ///< the layer has a "region" or "region_code" field
    std::shared_ptr<const ReadText> text;   ///< what events[i].place's views point into
};

struct EventReadOptions {
    /// Complete places from the places layer when there is one beside the events (same
    /// GeoPackage, or places.<ext> in the events file's folder); see the header comment. A
    /// missing places layer is no error; a places layer that cannot be read is.
    bool use_places_layer = true;
};

/// The events of `source`: an events layer file in any of the formats `map` writes
/// (events.geojson, events.csv, events.kml, events.fgb, events.shp), a GeoPackage (its
/// "events" layer; layers.gpkg), or a folder holding exactly one of layers.gpkg, events.geojson,
/// events.fgb, events.shp, events.csv and events.kml. In a file, the layer named "events" is
/// read, else its only layer. Throws std::runtime_error as the header comment says; a folder
/// with none or several of those files is an error too. Linear in the size of the layer.
EventsRead read_events(const std::filesystem::path& source, const EventReadOptions& options = {});

/// The events of an open GDAL layer. `file` names it in error messages and in the result.
/// `places` (may be null) completes the places as the header comment says; the result copies
/// what it takes from it.
EventsRead read_events(OGRLayer& layer, const std::filesystem::path& file, const PlacesRead* places = nullptr);

/// The places of `source`: a places layer file, a GeoPackage (its "places" layer) or a folder
/// holding one (as for read_events, with places.<ext>). Errors as for read_events; place_id is
/// required and unique.
PlacesRead read_places(const std::filesystem::path& source);

/// The places of an open GDAL layer; `file` names it in error messages and in the result.
PlacesRead read_places(OGRLayer& layer, const std::filesystem::path& file);

}  // namespace output

#pragma once
// What a region report says, computed once from an events layer (output/event_reader.hpp) and,
// optionally, a layer of region polygons (output/region_layer.hpp): totals for the period, and
// per region its counts by event type and sub-type, time series, most affected places and its
// events. The HTML and Markdown writers (report_html.hpp, report_markdown.hpp), the SVG drawings
// (report_svg.hpp) and the regions layer (report_layer.hpp) only format this.
//
// Which events count:
//   - Period (ReportOptions::from/to, inclusive, either may be open): a dated event counts when
//     its span [start, end] overlaps the period. Undated events never count in totals, tables or
//     series (they have no place in time); they are listed apart (ReportData::undated, and
//     ReportRegion::undated) whatever the period.
//   - Region: with polygons, the region whose polygon holds the event's point as the layer
//     stores it (geo::RegionIndex's rule: one region per point, also on shared borders); an event
//     in no polygon goes to the "outside the regions" group. Without polygons, the event's
//     `region`/`region_code` fields when the layer has them and they are set, else its `admin1`;
//     an event with none of them goes to the "no region" group. Nothing is dropped silently.
//   - ReportOptions::regions keeps only the regions named (by code; by name for regions without
//     a code); the outside / no-region group is then left out, and the totals are those of the
//     regions kept.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/dates.hpp"
#include "geo/point.hpp"
#include "geo/polygon.hpp"
#include "output/event_reader.hpp"
#include "output/region_layer.hpp"

namespace output {

struct ReportOptions {
    std::optional<extract::CivilDate> from;  ///< first day of the period; nullopt: open
    std::optional<extract::CivilDate> to;    ///< last day of the period; nullopt: open
    std::vector<std::string> regions;        ///< codes (or names) of the regions to keep; empty: all
    std::size_t top_places = 10;             ///< how many most affected places to list
};

/// The width of a time series' bins: days for a period up to 92 days, weeks (Monday to Sunday)
/// up to three years, months beyond.
enum class BinWidth { day, week, month };

/// Events and fatalities of one event type (sub_event_type empty) or of one type and sub-type.
struct TypeCount {
    std::string event_type;
    std::string sub_event_type;
    std::int64_t events = 0;
    std::int64_t fatalities = 0;
};

struct PlaceCount {
    std::string name;      ///< the event's location (its place_id when it has no name)
    std::string place_id;
    std::int64_t events = 0;
    std::int64_t fatalities = 0;
};

struct SeriesBin {
    extract::CivilDate start;  ///< first day of the bin
    std::int64_t events = 0;
    std::int64_t fatalities = 0;
};

/// One event as the report lists and draws it.
struct ReportEvent {
    std::string event_id;
    std::optional<extract::EventDate> date;
    std::string place;  ///< location name
    std::string place_id;
    std::string event_type;
    std::string sub_event_type;
    std::optional<std::int64_t> fatalities;
    std::string source;  ///< the first source's article id (its URL when it has none)
    std::size_t source_count = 0;
    geo::LatLon point;   ///< as the layer stores it
    std::size_t region = 0;  ///< index into ReportData::regions
};

/// Counts over a set of events (the whole report, or one region).
struct ReportTotals {
    std::int64_t events = 0;
    std::int64_t fatalities = 0;
    std::int64_t without_fatalities = 0;  ///< events whose fatalities are unknown (null)
    std::optional<extract::CivilDate> first;  ///< earliest start of the events counted
    std::optional<extract::CivilDate> last;   ///< latest end
    std::vector<TypeCount> by_type;      ///< by events, then fatalities, descending; then by name
    std::vector<TypeCount> by_sub_type;  ///< by type (by_type's order), then events descending
    std::vector<SeriesBin> series;       ///< every bin of ReportData's series range, empty ones too
    std::vector<PlaceCount> top_places;  ///< at most ReportOptions::top_places, by events then fatalities
};

/// A longitude/latitude bounding box; empty until a point is added.
struct LonLatBox {
    double west = 0, south = 0, east = 0, north = 0;
    bool empty = true;
    void add(double lon, double lat) noexcept;
    void add(const LonLatBox& other) noexcept;
    bool intersects(const LonLatBox& other) const noexcept;
};

struct ReportRegion {
    std::string name;
    std::string code;
    bool outside = false;  ///< the "outside the regions" (or "no region") group
    /// Lon/lat polygon (empty without polygons and for the outside group) and its WKT.
    geo::MultiPolygon geometry;
    std::string wkt;
    LonLatBox box;  ///< of the geometry
    ReportTotals totals;
    std::vector<std::size_t> events;   ///< indices into ReportData::events, in date order
    std::vector<std::size_t> undated;  ///< indices into ReportData::undated
};

struct ReportData {
    std::filesystem::path source;              ///< the events file read
    std::string regions_source;                ///< the regions layer ("path:layer"); empty without
    std::filesystem::path regions_file;        ///< the regions layer's file; empty without
    std::optional<extract::CivilDate> from;    ///< the period asked for
    std::optional<extract::CivilDate> to;
    bool has_polygons = false;
    BinWidth bin = BinWidth::day;
    ReportTotals totals;
    std::vector<std::string> event_types;      ///< every type counted, in totals.by_type order
    std::size_t source_count = 0;              ///< distinct source articles of the events counted
    std::vector<std::pair<std::string, std::int64_t>> top_sources;  ///< the ten that report most events
    std::vector<ReportEvent> events;           ///< dated events in the period, by date, then event_id
    std::vector<ReportEvent> undated;          ///< undated events of the regions kept, by event_id
    std::int64_t outside_period = 0;           ///< dated events of the regions kept outside the period
    /// Regions kept: those with events first (most events first), then the others by name; the
    /// outside group last.
    std::vector<ReportRegion> regions;
};

/// Builds the report. `regions` may be null (no polygons). Throws std::runtime_error for a code
/// of ReportOptions::regions that no region has (listing the known ones), or a period whose start
/// is after its end. Linear in the number of events, plus a sort (O(n log n)); with polygons,
/// one RegionIndex::locate per event.
ReportData build_report(const EventsRead& events, const RegionLayer* regions, const ReportOptions& options);

/// "2016-11-20", or "" for nullopt.
std::string iso_or_empty(const std::optional<extract::CivilDate>& date);

/// "2016-11-20", or "2016-11-14 to 2016-11-20" for a span.
std::string date_text(const extract::EventDate& date);

/// The period asked for, in words: "2016-11-01 to 2016-11-30", "from 2016-11-01", "up to
/// 2016-11-30" or "all dates".
std::string period_text(const ReportData& data);

/// "2016-11-02 to 2016-11-29" for the dates the counted events cover; "none" without events.
std::string covered_text(const ReportTotals& totals);

/// "12,345".
std::string count_text(std::int64_t count);

/// "Idlib (SY07)", or the name alone when the region has no code.
std::string region_label(const ReportRegion& region);

}  // namespace output

#pragma once
// The drawings of a region report, as standalone SVG text (with its xmlns, so that it can be
// inlined in HTML or written as an .svg file): no scripts, no external resources, every text
// from the data escaped.
//
// Maps use a plain equirectangular projection: x = longitude × cos(φ₀), y = −latitude, with φ₀
// the mean latitude of the area drawn, scaled to fit; good enough for a region or a country
// (distances along the scale bar are exact at φ₀). Region polygons are filled by event count in
// five classes of equal width (a sequential yellow-to-red scale; no events: light grey), events
// are circles coloured by event type (the six ACLED types have fixed colours), one circle per
// type and pixel with its area growing with the number of events there. A legend gives the
// classes, the types and a scale bar in km.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "output/report_data.hpp"

namespace output {

/// `text` with &, <, >, " and ' replaced by entities: safe in XML/HTML text and attributes.
std::string xml_escape(std::string_view text);

/// The colour ("#rrggbb") events of `type` are drawn with in `data`'s drawings.
std::string type_colour(const ReportData& data, std::string_view type);

/// A map of the whole area (`region` nullopt: every region kept and every event counted) or of
/// one region of data.regions (its polygon shaded, the neighbours whose boxes meet the view in
/// grey, its events). Without polygons, or for the outside group, the view is the events' extent
/// and a note says that no outlines are drawn. The root element is <svg class="map" ...>.
std::string map_svg(const ReportData& data, std::optional<std::size_t> region = std::nullopt);

/// A bar chart of events per bin (day, week or month) of `totals.series`, with the largest
/// count and dates along the axes; each bar has a <title> with its date, events and fatalities.
/// The root element is <svg class="chart" ...>.
std::string chart_svg(const ReportTotals& totals, BinWidth bin);

}  // namespace output

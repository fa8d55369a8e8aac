#pragma once
// A region report as one self-contained HTML page: inline CSS and SVG (output/report_svg.hpp),
// no scripts, no external resources (nothing is fetched when it is opened), every text from the
// data escaped.
//
// Sections: a summary of the period (events, fatalities, date range covered, counts by event
// type, source articles, a table of the regions, the whole area's map and time series), then one
// section per region with events (totals, a table by type and sub-type, the most affected places,
// its map and time series, and its events: date, place, type, sub-type, fatalities, source), then
// the undated events.
#include <string>

#include "output/report_data.hpp"

namespace output {

/// The page. Linear in the number of events (each is listed once, in its region's section).
std::string report_html(const ReportData& data);

}  // namespace output

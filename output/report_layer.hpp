#pragma once
// The `regions` layer of a report, for a choropleth in QGIS: one polygon per region of the report
// that has one (the outside group has none), with its counts for the period.
//
// Fields: region, region_code (null when the region has none), events, fatalities, undated,
// first_date, last_date (null without events), then for each event type of the report, in the
// report's order, events_<type> and fatalities_<type>, where <type> is the type's name in lower
// case with every run of other characters than a-z and 0-9 made one '_' ("Explosions/Remote
// violence" -> events_explosions_remote_violence); a name already taken gets _2, _3...
#include <string>
#include <string_view>

#include "output/layer_writer.hpp"
#include "output/report_data.hpp"

namespace output {

/// The layer, named "regions", polygons, id_field region_code when every region has a distinct
/// code. Regions without events are in it too (with 0).
LayerData report_regions_layer(const ReportData& data);

/// The field name part of an event type, as above ("other" when nothing is left).
std::string type_field_slug(std::string_view event_type);

}  // namespace output

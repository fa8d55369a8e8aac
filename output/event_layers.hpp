#pragma once
// The layers `geoevents map` writes: events (points), places (points) and areas (polygons), as
// generic layers for output/layer_writer.hpp. Field names and meanings are the README's.
#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>

#include "extract/event.hpp"
#include "extract/mention.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/region_index.hpp"
#include "output/layer_writer.hpp"
#include "output/region_layer.hpp"

namespace output {

/// A resolved literal mention of some article, kept for the places and areas layers; `count`
/// mentions of the same place by the same surface form and qualifier (MentionTally).
struct MentionRecord {
    std::string doc_id;
    extract::Mention mention;
    std::int64_t count = 1;
};

/// Mention records added up by place, surface form and qualifier: what the places and areas
/// layers need of a corpus's mentions, in memory bounded by the distinct names of places
/// mentioned, whatever the number of articles. Offsets, article ids and scores are dropped.
class MentionTally {
public:
    void add(const MentionRecord& record);  ///< ignores records without a place or not literal
    void add(const std::vector<MentionRecord>& records);
    std::vector<MentionRecord> records() const;  ///< one a place, form and qualifier, with its count
    std::size_t size() const noexcept { return tally_.size(); }

private:
    std::unordered_map<std::string, MentionRecord> tally_;  // by place_id, form and qualifier
};

/// The folder of the default QGIS styles (events.qml, places.qml, areas.qml):
/// $GEOEVENTS_STYLES_DIR, else the source tree's output/styles, else the installed one.
std::filesystem::path default_styles_dir();

/// The regions events are assigned to (`map --regions`): a polygon layer and its index.
struct EventRegions {
    const RegionLayer& layer;
    const geo::RegionIndex& index;
};

/// The events, places and areas layers. Qualified places get an area (the compass part of the
/// place's extent, geo/compass_area.hpp), and an event at a compass part sits at that part's
/// representative point. Styles are read from `styles_dir` when not empty.
/// Every event gets a `region` and `region_code`: with `regions`, the name and code of the
/// polygon that contains the event's point (null when none does); without, the region the event
/// already carries (Event::region, from an earlier run), else the gazetteer's
/// first-level division of its place (its name, and its GeoNames code "SY.09"; null for a place
/// above that level).
std::vector<LayerData> event_layers(const std::vector<extract::Event>& events, const std::vector<MentionRecord>& mentions,
                                    const gazetteer::Gazetteer& gazetteer, const std::filesystem::path& styles_dir,
                                    const EventRegions* regions = nullptr);

}  // namespace output

#pragma once
// `map --append`: what an earlier run left in the output folder, made ready to be merged with a
// new run's events and mentions (extract::merge_events merges the events by event_id: sources
// united, the conservative count kept).
#include <filesystem>
#include <memory>
#include <vector>

#include "output/event_layers.hpp"
#include "output/event_reader.hpp"
#include "output/layer_writer.hpp"

namespace output {

/// The earlier output of `format` in `out_dir`, when there is one.
struct PreviousOutput {
    bool found = false;  ///< false: no events layer of that format in the folder (a first run)
    EventsRead events;   ///< its events (places completed from its places layer)
    /// Its places' mentions as records for event_layers: each place's surface forms, so that
    /// mention counts and forms add up across runs (the article ids of old mentions are not kept).
    std::vector<MentionRecord> mentions;
    std::shared_ptr<const PlacesRead> places;  ///< what `mentions`' places point into
};

/// A places layer's places as mention records for event_layers: one a surface form, their counts
/// adding up to the place's mention_count, so that mention counts and forms add up across runs.
/// The records point into `places`.
std::vector<MentionRecord> mention_records(const PlacesRead& places);

/// The events file `write_layers` writes for `format` in `out_dir` (layers.gpkg for gpkg).
std::filesystem::path events_file(const std::filesystem::path& out_dir, Format format);

/// Reads the earlier output (read_events and read_places on events_file()). Throws
/// std::runtime_error (naming file, feature and field) when its events layer exists and cannot
/// be read: an append never silently drops an event. A places layer that is missing or cannot
/// be read only loses the old mention counts (the places are rebuilt from the events).
PreviousOutput read_previous_output(const std::filesystem::path& out_dir, Format format);

}  // namespace output

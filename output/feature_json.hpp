#pragma once
// A feature of a point layer (output/layer_writer.hpp) as one GeoJSON Feature object (RFC 7946:
// [lon, lat], properties named as the layer's fields, "id" from its id_field): the events of
// `map --jsonl-out` (one a line) and of `serve`'s FeatureCollections.
#include <string>

#include "output/layer_writer.hpp"

namespace output {

/// Appends the feature as compact JSON (no newline). Invalid UTF-8 in text values is replaced.
void append_feature_json(std::string& out, const LayerSpec& spec, const Feature& feature);

}  // namespace output

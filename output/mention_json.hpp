#pragma once
// The geoparser's output format: one JSON object per mention, a line each (JSON Lines).
// Fields: doc_id, start, end (code points into the article text), text, kind, qualifier,
// place_id, name, feature_code, country_code, admin1, latitude, longitude, confidence; the place
// fields are null when the mention is unresolved.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "extract/codepoints.hpp"
#include "extract/document.hpp"
#include "extract/mention.hpp"

namespace output {

/// Appends one mention as a JSON line (with its newline) to `out`.
void append_mention_json(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                         const extract::Mention& mention);

/// append_mention_json() that keeps the place part of each line ("place_id" to "longitude") by
/// place, since news names the same places line after line and that part is most of the work
/// (escaped strings, shortest-form coordinates). One per thread; bounded (emptied when full) and
/// tied to one gazetteer (gazetteer::Gazetteer::instance()), since place numbers are per
/// gazetteer. Writes exactly what append_mention_json() writes.
class MentionJsonWriter {
public:
    /// Called before appending mentions resolved against the gazetteer `gazetteer_instance`.
    void use_gazetteer(std::uint64_t gazetteer_instance);
    void append(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                const extract::Mention& mention);

private:
    static constexpr std::size_t kMaxPlacesKept = 65536;  // a few hundred bytes each
    std::uint64_t gazetteer_ = 0;
    std::unordered_map<std::uint32_t, std::string> place_json_;
};

}  // namespace output

#include "output/mention_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace output {

void append_mention_json(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                         const extract::Mention& m) {
    nlohmann::ordered_json j;
    j["doc_id"] = doc.id;
    j["start"] = index.to_codepoint(m.start);
    j["end"] = index.to_codepoint(m.end);
    j["text"] = m.text;
    j["kind"] = extract::to_string(m.kind);
    const auto qualifier = m.qualifier.to_string();
    j["qualifier"] = qualifier.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(qualifier);
    if (m.place) {
        const auto& p = *m.place;
        j["place_id"] = p.place_id;
        j["name"] = p.name;
        j["feature_code"] = p.feature_code;
        j["country_code"] = p.country_code;
        j["admin1"] = p.admin1_name;
        j["latitude"] = p.latitude;
        j["longitude"] = p.longitude;
        j["confidence"] = std::round(m.confidence * 1000.0) / 1000.0;
    } else {
        for (const char* k : {"place_id", "name", "feature_code", "country_code", "admin1", "latitude", "longitude"}) {
            j[k] = nullptr;
        }
        j["confidence"] = 0.0;
    }
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out.push_back('\n');
}

}  // namespace output

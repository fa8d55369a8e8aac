#include "output/feature_json.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace output {
namespace {

using Json = nlohmann::ordered_json;  // properties in the layer's field order

Json field_json(const FieldValue& value) {
    return std::visit(
        [](const auto& v) -> Json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else return v;
        },
        value);
}

// RFC 7946 recommends no more precision than that (about 1 cm), as the GeoJSON layers write.
double seven_decimals(double v) { return std::round(v * 1e7) / 1e7; }

}  // namespace

void append_feature_json(std::string& out, const LayerSpec& spec, const Feature& feature) {
    Json properties = Json::object();
    for (std::size_t i = 0; i < spec.fields.size() && i < feature.values.size(); ++i) {
        properties[spec.fields[i].name] = field_json(feature.values[i]);
    }
    Json j = {{"type", "Feature"},
              {"geometry", {{"type", "Point"}, {"coordinates", {seven_decimals(feature.lon), seven_decimals(feature.lat)}}}},
              {"properties", std::move(properties)}};
    const auto id = std::find_if(spec.fields.begin(), spec.fields.end(), [&](const FieldSpec& f) { return f.name == spec.id_field; });
    const auto index = static_cast<std::size_t>(id - spec.fields.begin());
    if (index < feature.values.size()) j["id"] = field_json(feature.values[index]);
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace output

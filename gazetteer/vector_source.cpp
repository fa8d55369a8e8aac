#include "gazetteer/vector_source.hpp"

#include <stdexcept>

namespace gazetteer {

VectorSource parse_vector_source(std::string_view spec) {
    VectorSource s;
    auto next = [&spec]() {
        const auto comma = spec.find(',');
        const auto part = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
        return part;
    };
    s.path = std::string(next());
    if (s.path.empty()) throw std::invalid_argument("vector source: no path before the first ','");
    while (!spec.empty()) {
        const auto item = next();
        const auto eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) {
            throw std::invalid_argument("vector source: '" + std::string(item) + "' is not key=value");
        }
        const auto key = item.substr(0, eq);
        const std::string value(item.substr(eq + 1));
        if (key == "layer") s.layer = value;
        else if (key == "id") s.id_field = value;
        else if (key == "id_prefix") s.id_prefix = value;
        else if (key == "name") s.name_field = value;
        else if (key == "alt") {
            const auto at = value.find('@');
            s.alt_fields.push_back({value.substr(0, at), at == std::string::npos ? "" : value.substr(at + 1)});
        } else if (key == "code") s.code_fields.push_back(value);
        else if (key == "admin1") s.admin1_field = value;
        else if (key == "admin2") s.admin2_field = value;
        else if (key == "population") s.population_field = value;
        else if (key == "country") s.country_code = value;
        else if (key == "country_field") s.country_field = value;
        else if (key == "feature_code") s.feature_code = value;
        else throw std::invalid_argument("vector source: unknown key '" + std::string(key) + "'");
    }
    if (s.name_field.empty()) {
        throw std::invalid_argument("vector source '" + s.path + "': name=FIELD is required");
    }
    return s;
}

}  // namespace gazetteer

#pragma once
// How to read a GDAL vector layer as a gazetteer: which fields hold what.
#include <string>
#include <string_view>
#include <vector>

namespace gazetteer {

struct VectorSource {
    std::string path;
    std::string layer;           ///< empty: the first layer
    std::string id_field;        ///< the place's stable code (a P-code); empty: layer name + FID
    std::string id_prefix;       ///< prepended to the id ('' by default)
    std::string name_field;      ///< required
    struct AltField {
        std::string field;
        std::string lang;
    };
    std::vector<AltField> alt_fields;
    std::vector<std::string> code_fields;  ///< extra codes indexed as names of kind 'code'
    std::string admin1_field;    ///< admin1 name
    std::string admin2_field;    ///< admin2 name
    std::string population_field;
    std::string country_code;    ///< fixed ISO2 code for every feature
    std::string country_field;   ///< or a field holding it
    std::string feature_code;    ///< default: PPL for points, ADM1 for polygons
};

/// Parses "PATH[,key=value...]" with keys layer, id, id_prefix, name, alt (FIELD or FIELD@lang,
/// repeatable), code (repeatable), admin1, admin2, population, country, country_field,
/// feature_code. Throws std::invalid_argument naming the bad key.
VectorSource parse_vector_source(std::string_view spec);

}  // namespace gazetteer

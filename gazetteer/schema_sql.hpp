#pragma once
// The gazetteer schema, compiled in from gazetteer/schema.sql and gazetteer/indexes.sql.
#include <string_view>

namespace gazetteer {

inline constexpr int kSchemaVersion = 2;
extern const std::string_view kSchemaSql;   ///< tables, run on an empty database
extern const std::string_view kIndexesSql;  ///< indexes, run after the bulk import

}  // namespace gazetteer

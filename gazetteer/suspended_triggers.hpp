#pragma once
// Takes a table's triggers away for a bulk load and puts them back afterwards, each from its own
// CREATE TRIGGER text as sqlite_master keeps it. The gazetteer builder suspends SpatiaLite's
// triggers on `places` (geometry type checks, spatial index upkeep, timestamps), which would
// otherwise run for every inserted row, and fills the spatial indexes in bulk at the end.
#include <string>
#include <string_view>
#include <vector>

namespace gazetteer {

class Database;

class SuspendedTriggers {
public:
    /// Drops every trigger on `table`, remembering its definition. Throws GazetteerError on SQL errors.
    SuspendedTriggers(Database& db, std::string_view table);
    /// Re-creates the dropped triggers; later calls do nothing. Not called by the destructor: a
    /// load that fails is rolled back or its database thrown away.
    void restore();

private:
    Database& db_;
    std::vector<std::string> definitions_;
    bool restored_ = false;
};

}  // namespace gazetteer

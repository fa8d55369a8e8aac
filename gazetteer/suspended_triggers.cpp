#include "gazetteer/suspended_triggers.hpp"

#include <fmt/format.h>

#include "gazetteer/sqlite.hpp"

namespace gazetteer {

SuspendedTriggers::SuspendedTriggers(Database& db, std::string_view table) : db_(db) {
    std::vector<std::string> names;
    {
        Statement list(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid");
        list.bind(1, table);
        while (list.step()) {
            names.emplace_back(list.column_text(0));
            definitions_.emplace_back(list.column_text(1));
        }
    }
    for (const auto& name : names) {
        std::string quoted;
        for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        db.exec(fmt::format("DROP TRIGGER \"{}\"", quoted));
    }
}

void SuspendedTriggers::restore() {
    if (restored_) return;
    for (const auto& definition : definitions_) db_.exec(definition);
    restored_ = true;
}

}  // namespace gazetteer

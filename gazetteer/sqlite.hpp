#pragma once
// Thin RAII wrappers over SQLite handles (after PROJ's sqlite3_utils.hpp). Every statement is
// prepared; values are bound, never formatted into SQL. Errors throw GazetteerError with the
// database's message.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace gazetteer {

class Database {
public:
    enum class Mode { read_only, create };
    /// Opens a database; with Mode::create the file is created. Loads SpatiaLite into the
    /// connection. Throws GazetteerError when the file cannot be opened.
    Database(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more SQL statements without parameters (schema scripts, pragmas).
    void exec(std::string_view sql);
    std::int64_t last_insert_rowid() const noexcept;
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }

private:
    sqlite3* db_ = nullptr;
    void* spatialite_cache_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  ///< bound as TEXT, copied
    Statement& bind_blob(int index, const void* data, std::size_t size);
    /// Binds a BLOB without copying it: the bytes must stay valid until the statement is reset.
    Statement& bind_blob_static(int index, const void* data, std::size_t size);
    Statement& bind_null(int index);
    /// Binds text, or NULL when the view is empty.
    Statement& bind_text_or_null(int index, std::string_view value);

    /// Steps once: true when a row is available, false when done. Throws on error.
    bool step();
    /// Steps to completion and resets for the next use, clearing bindings.
    void run();
    void reset();

    std::int64_t column_int(int col) const;
    double column_double(int col) const;
    std::string_view column_text(int col) const;  ///< valid until the next step/reset
    bool column_is_null(int col) const;
    /// The column's bytes as a BLOB; valid until the next step/reset.
    std::string_view column_blob(int col) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
    Database& db_;
};

/// Begins a transaction; commits on commit(), rolls back when destroyed without.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace gazetteer

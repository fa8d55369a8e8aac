#pragma once
// A real PostgreSQL server with PostGIS for the tests: Debian's postgresql-15-postgis-3, started
// on a free loopback port in a temporary data directory and stopped (the directory removed) at
// the end of the test program. When the tests run as root the server runs as the `postgres`
// user (initdb refuses root). Binaries are taken from $GEOEVENTS_PG_BINDIR, else the newest
// /usr/lib/postgresql/<version>/bin.
#include <filesystem>
#include <string>

namespace testing {

class PostgresServer {
public:
    /// The server of this test program, started on first use; REQUIREs that it starts.
    static PostgresServer& instance();

    /// Creates a new database (named `prefix`_<n>), with the postgis extension unless told not
    /// to; returns GDAL's connection string for it ("PG:host=127.0.0.1 port=... user=geoevents dbname=...").
    std::string create_database(const std::string& prefix, bool postgis = true);

    int port() const noexcept { return port_; }

    /// Runs SQL in a database with psql; REQUIREs that it succeeds.
    void psql(const std::string& database, const std::string& sql) const;

    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

private:
    PostgresServer();
    std::string as_owner(const std::string& command) const;  ///< the command line, run as the server's user

    std::filesystem::path bin_;
    std::filesystem::path dir_;
    int port_ = 0;
    bool as_postgres_ = false;
    bool started_ = false;
};

}  // namespace testing

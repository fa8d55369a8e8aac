#include "cli/postgres_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"

namespace testing {
namespace {

namespace fs = std::filesystem;

fs::path postgres_bin_dir() {
    if (const char* env = std::getenv("GEOEVENTS_PG_BINDIR"); env && *env) return env;
    fs::path best;
    int best_version = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const int version = std::atoi(entry.path().filename().c_str());
        if (version > best_version && fs::exists(entry.path() / "bin" / "initdb")) {
            best_version = version;
            best = entry.path() / "bin";
        }
    }
    return best;
}

/// A port nobody listens on now: the kernel's pick for a socket bound to port 0.
int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    ::close(fd);
    REQUIRE(ok);
    return ntohs(addr.sin_port);
}

}  // namespace

PostgresServer& PostgresServer::instance() {
    static PostgresServer server;
    return server;
}

PostgresServer::PostgresServer() {
    bin_ = postgres_bin_dir();
    INFO("PostgreSQL with PostGIS is needed: scripts/install-deps.sh installs postgresql-15-postgis-3");
    REQUIRE(!bin_.empty());
    REQUIRE(fs::exists(bin_ / "pg_ctl"));
    char pattern[] = "/tmp/geoevents-pg-XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    dir_ = pattern;
    if (::geteuid() == 0) {
        const passwd* pw = ::getpwnam("postgres");
        INFO("running as root: the server needs the postgres user, which Debian's postgresql package creates");
        REQUIRE(pw != nullptr);
        REQUIRE(::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) == 0);
        as_postgres_ = true;
    }
    port_ = free_loopback_port();
    const auto data = dir_ / "data";
    auto r = run_command(as_owner(fmt::format("{} -D {} -U geoevents --auth=trust -E UTF8 --locale=C.UTF-8",
                                              shell_quote(bin_ / "initdb"), shell_quote(data))));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const std::string options = fmt::format("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", port_, dir_.string());
    r = run_command(as_owner(fmt::format("{} -D {} -o {} -l {} -w -t 60 start", shell_quote(bin_ / "pg_ctl"), shell_quote(data),
                                         shell_quote(options), shell_quote(dir_ / "server.log"))));
    INFO(r.out + r.err);
    started_ = r.status == 0;
    REQUIRE(started_);
}

PostgresServer::~PostgresServer() {
    if (started_) {
        (void)std::system(as_owner(fmt::format("{} -D {} -m fast -w stop >/dev/null 2>&1", shell_quote(bin_ / "pg_ctl"),
                                                shell_quote(dir_ / "data")))
                              .c_str());
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::string PostgresServer::as_owner(const std::string& command) const {
    return as_postgres_ ? "runuser -u postgres -- " + command : command;
}

void PostgresServer::psql(const std::string& database, const std::string& sql) const {
    const auto r = run_command(fmt::format("{} -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p {} -U geoevents -d {} -c {}",
                                           shell_quote(bin_ / "psql"), port_, database, shell_quote(sql)));
    INFO(sql << "\n" << r.err);
    REQUIRE(r.status == 0);
}

std::string PostgresServer::create_database(const std::string& prefix, bool postgis) {
    static int count = 0;
    const std::string name = fmt::format("{}_{}", prefix, ++count);
    psql("postgres", "CREATE DATABASE " + name);
    if (postgis) psql(name, "CREATE EXTENSION postgis");
    return fmt::format("PG:host=127.0.0.1 port={} user=geoevents dbname={}", port_, name);
}

}  // namespace testing

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <chrono>
#include <optional>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "cli/serve_api.hpp"
#include "extract/lexicon.hpp"
#include "fixtures.hpp"

extern char** environ;

namespace {

using Json = nlohmann::json;

// Sentences of our own, about places of the fixture gazetteer.
constexpr const char* kStrike = "Warplanes bombed Manbij on Saturday, killing 12 people.";
constexpr const char* kStrikeJson =
    R"({"id": "s1", "published": "2016-11-20", "text": "Warplanes bombed Manbij on Saturday, killing 12 people."})";

/// `geoevents --gazetteer <fixture> serve --port 0 ARGS...` as a child process: stdout (where it
/// prints its address) on a pipe, stderr in a file. Killed at the end of the test if still running.
class ServerProcess {
public:
    explicit ServerProcess(const std::vector<std::string>& args) {
        std::vector<std::string> argv_strings = {testing::geoevents_bin().string(), "--gazetteer",
                                                 testing::cli_fixture_gazetteer().string(), "serve", "--port", "0"};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);

        int out[2];
        REQUIRE(pipe(out) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        posix_spawn_file_actions_addclose(&actions, out[1]);
        const std::string err_path = (dir_ / "stderr.txt").string();
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        REQUIRE(spawned == 0);

        // The first line on stdout is the address, "http://127.0.0.1:PORT".
        std::string line;
        while (line.find('\n') == std::string::npos) {
            pollfd p{out[0], POLLIN, 0};
            if (poll(&p, 1, 60'000) <= 0) break;
            char buffer[256];
            const ssize_t n = read(out[0], buffer, sizeof buffer);
            if (n <= 0) break;
            line.append(buffer, static_cast<std::size_t>(n));
        }
        close(out[0]);
        INFO("stdout: " << line << "\nstderr: " << stderr_text());
        const auto colon = line.rfind(':');
        REQUIRE(line.rfind("http://127.0.0.1:", 0) == 0);
        port_ = std::stoi(line.substr(colon + 1));
        REQUIRE(port_ > 0);
    }

    ~ServerProcess() {
        if (pid_ > 0 && !exit_status_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }

    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const noexcept { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);  // a bound for a broken server, not a timing assertion
        return c;
    }
    void signal(int sig) const { kill(pid_, sig); }

    /// The exit status once the process has ended, polling up to `seconds`; nullopt if it has
    /// not ended by then (or was killed by a signal: then -signal).
    std::optional<int> wait_exit(int seconds) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (!exit_status_ && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        return exit_status_;
    }

    std::string stderr_text() const {
        try {
            return testing::read_file(dir_ / "stderr.txt");
        } catch (const std::exception&) {
            return {};
        }
    }

private:
    testing::TempDir dir_;
    pid_t pid_ = -1;
    int port_ = 0;
    std::optional<int> exit_status_;
};

/// Sends `bytes` on a new connection and closes it without reading an answer.
void send_raw_and_close(int port, const std::string& bytes) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    CHECK(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
    close(fd);
}

void check_health(const ServerProcess& server) {
    auto res = server.client().Get("/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(Json::parse(res->body)["status"] == "ok");
}

void check_error(const httplib::Result& res, int status) {
    REQUIRE(res);
    CHECK(res->status == status);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    const auto body = Json::parse(res->body);
    REQUIRE(body.contains("error"));
    CHECK(!body["error"].get<std::string>().empty());
}

}  // namespace

TEST_CASE("geoevents serve answers /health and finds the places of an article", "[cli][serve]") {
    ServerProcess server({});
    check_health(server);
    auto client = server.client();

    SECTION("article text") {
        const auto res = client.Post("/v1/places?id=t1", kStrike, "text/plain");
        REQUIRE(res);
        CHECK(res->status == 200);
        const auto body = Json::parse(res->body);
        CHECK(body["id"] == "t1");
        REQUIRE(body["mentions"].size() == 1);
        const auto& m = body["mentions"][0];
        CHECK(m["doc_id"] == "t1");
        CHECK(m["text"] == "Manbij");
        CHECK(m["start"] == 17);
        CHECK(m["end"] == 23);
        CHECK(m["kind"] == "literal");
        CHECK(m["place_id"] == "geonames:1005");
    }
    SECTION("JSON article object") {
        const auto res =
            client.Post("/v1/places", R"({"id": 7, "text": "Shelling hit Aleppo and Damascus."})", "application/json; charset=utf-8");
        REQUIRE(res);
        CHECK(res->status == 200);
        const auto body = Json::parse(res->body);
        CHECK(body["id"] == "7");
        std::vector<std::string> ids;
        for (const auto& m : body["mentions"]) ids.push_back(m["place_id"]);
        CHECK(ids == std::vector<std::string>{"geonames:1002", "geonames:1004"});
    }
    SECTION("no place") {
        const auto res = client.Post("/v1/places", "Nothing happened.", "text/plain");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(Json::parse(res->body)["mentions"] == Json::array());
    }
}

TEST_CASE("geoevents serve answers the events of an article as GeoJSON", "[cli][serve]") {
    ServerProcess server({});
    auto client = server.client();
    const auto check_strike = [](const httplib::Result& res) {
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        const auto fc = Json::parse(res->body);
        CHECK(fc["type"] == "FeatureCollection");
        REQUIRE(fc["features"].size() == 1);
        const auto& f = fc["features"][0];
        CHECK(f["type"] == "Feature");
        CHECK(f["geometry"]["type"] == "Point");
        const auto& p = f["properties"];
        CHECK(f["id"] == p["event_id"]);
        CHECK(p["sub_event_type"] == "Air/drone strike");
        CHECK(p["event_type"] == "Explosions/Remote violence");
        CHECK(p["place_id"] == "geonames:1005");
        CHECK(p["location_mention"] == "Manbij");
        CHECK(p["event_date"] == "2016-11-19");  // the Saturday before publication
        CHECK(p["fatalities"] == 12);
        CHECK(p["actor2"].is_null());
        // [longitude, latitude]
        CHECK(f["geometry"]["coordinates"][0] == p["longitude"]);
        CHECK(f["geometry"]["coordinates"][1] == p["latitude"]);
        CHECK(p["longitude"].get<double>() == Approx(37.95495));
        CHECK(p["latitude"].get<double>() == Approx(36.52815));
    };
    SECTION("JSON article object") {
        check_strike(client.Post("/v1/events", kStrikeJson, "application/json"));
    }
    SECTION("article text with its date in the query") {
        check_strike(client.Post("/v1/events?published=2016-11-20", kStrike, "text/plain"));
    }
}

TEST_CASE("geoevents serve looks names up in the gazetteer", "[cli][serve]") {
    ServerProcess server({});
    auto client = server.client();
    auto res = client.Get("/v1/gazetteer?name=Aleppo");
    REQUIRE(res);
    CHECK(res->status == 200);
    const auto body = Json::parse(res->body);
    CHECK(body["name"] == "Aleppo");
    REQUIRE(!body["candidates"].empty());
    CHECK(body["candidates"][0]["place_id"] == "geonames:1002");  // the city before the province
    CHECK(body["candidates"][0]["feature_code"] == "PPLA");

    res = client.Get("/v1/gazetteer?name=Aleppo&limit=1");
    REQUIRE(res);
    CHECK(Json::parse(res->body)["candidates"].size() == 1);
    res = client.Get("/v1/gazetteer?name=Nowhere%20at%20all");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(Json::parse(res->body)["candidates"] == Json::array());
    check_error(client.Get("/v1/gazetteer"), 400);
}

TEST_CASE("geoevents serve answers bad requests and keeps serving", "[cli][serve]") {
    ServerProcess server({"--max-body-mb", "1", "--timeout-seconds", "2"});
    auto client = server.client();

    SECTION("malformed JSON") {
        const auto res = client.Post("/v1/events", R"({"id": "x", "text": "Aleppo)", "application/json");
        check_error(res, 400);
        CHECK(Json::parse(res->body)["error"].get<std::string>().find("malformed JSON") != std::string::npos);
        check_error(client.Post("/v1/places", "[1, 2]", "application/json"), 400);
        const auto no_text = client.Post("/v1/places", R"({"id": "x"})", "application/json");
        check_error(no_text, 400);
        CHECK(Json::parse(no_text->body)["error"].get<std::string>().find("'text'") != std::string::npos);
        check_error(client.Post("/v1/places", "  \n", "text/plain"), 400);
        check_error(client.Post("/v1/events?published=yesterday", kStrike, "text/plain"), 400);
    }
    SECTION("a body over the cap") {
        const std::string big(1536 * 1024, 'a');
        check_error(client.Post("/v1/places", big, "text/plain"), 413);
    }
    SECTION("a truncated request") {
        send_raw_and_close(server.port(),
                           "POST /v1/places HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                           "Content-Length: 1000\r\n\r\n0123456789");
    }
    SECTION("a client that stops sending") {
        // held open past --timeout-seconds while other requests are served
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
        const std::string partial = "POST /v1/places HTTP/1.1\r\nContent-Length: 50\r\n\r\nAleppo";
        CHECK(send(fd, partial.data(), partial.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(partial.size()));
        check_health(server);
        // the server gives up on it: the connection ends (EOF or an error answer), it does not hang
        pollfd p{fd, POLLIN, 0};
        CHECK(poll(&p, 1, 60'000) == 1);
        close(fd);
    }
    SECTION("not a request") {
        send_raw_and_close(server.port(), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
        send_raw_and_close(server.port(), "GARBAGE\r\n\r\n");
    }
    SECTION("unknown path, wrong method") {
        check_error(client.Get("/v1/nothing"), 404);
        const auto res = client.Get("/v1/events");
        check_error(res, 405);
        CHECK(res->get_header_value("Allow") == "POST");
    }
    check_health(server);
    CHECK(client.Post("/v1/places", kStrike, "text/plain")->status == 200);
}

TEST_CASE("geoevents serve stops on SIGTERM after answering the request in flight", "[cli][serve]") {
    ServerProcess server({});
    check_health(server);

    // A large article whose body is sent in two halves, SIGTERM between them: the request is in
    // flight when the signal arrives.
    std::string article;
    while (article.size() < 300'000) article += std::string(kStrike) + " ";
    const std::size_t half = article.size() / 2;
    bool signalled = false;
    auto client = server.client();
    const auto res = client.Post(
        "/v1/events?published=2016-11-20", article.size(),
        [&](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset == 0) {
                sink.write(article.data(), half);
            } else {
                if (!signalled) {
                    // give the server time to take the connection before it is told to stop
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    server.signal(SIGTERM);
                    signalled = true;
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                }
                sink.write(article.data() + offset, article.size() - offset);
            }
            return true;
        },
        "text/plain");
    CHECK(signalled);
    REQUIRE(res);
    CHECK(res->status == 200);
    const auto fc = Json::parse(res->body);
    REQUIRE(fc["features"].size() == 1);  // the same strike, reported many times, merged
    CHECK(fc["features"][0]["properties"]["place_id"] == "geonames:1005");

    const auto status = server.wait_exit(30);  // a generous bound, not a timing assertion
    INFO(server.stderr_text());
    REQUIRE(status);
    CHECK(*status == 0);
    CHECK(server.stderr_text().find("stopped") != std::string::npos);
}

TEST_CASE("geoevents serve exits 0 on SIGINT and rejects a port in use", "[cli][serve]") {
    ServerProcess server({"--threads", "1"});
    check_health(server);
    // (bounded by timeout(1): should the bind succeed, the test fails instead of hanging)
    const auto r = testing::run_command("timeout -s KILL 60 " + testing::geoevents_with_fixture_gazetteer() +
                                        " -q serve --port " + std::to_string(server.port()));
    CHECK(r.status == 1);
    CHECK(r.err.find("cannot listen") != std::string::npos);
    server.signal(SIGINT);
    const auto status = server.wait_exit(30);
    REQUIRE(status);
    CHECK(*status == 0);
}

TEST_CASE("serve's API answers without sockets", "[cli][serve]") {
    const gazetteer::Gazetteer gaz(testing::cli_fixture_gazetteer());
    const cli::ServeApi api(gaz, extract::Lexicon::default_dir());
    const auto error_of = [](const cli::ApiResponse& r) { return Json::parse(r.body)["error"].get<std::string>(); };

    SECTION("routing") {
        CHECK(api.handle({"GET", "/health", {}, "", ""}).status == 200);
        CHECK(api.handle({"HEAD", "/health", {}, "", ""}).status == 200);
        CHECK(api.handle({"GET", "/", {}, "", ""}).status == 404);
        const auto wrong = api.handle({"DELETE", "/v1/places", {}, "", ""});
        CHECK(wrong.status == 405);
        CHECK(wrong.allow == "POST");
        CHECK(api.handle({"POST", "/health", {}, "", ""}).status == 405);
    }
    SECTION("the content type decides how the body is read") {
        const auto as_json = api.handle({"POST", "/v1/places", {}, "Application/JSON ; charset=UTF-8", kStrikeJson});
        CHECK(as_json.status == 200);
        CHECK(Json::parse(as_json.body)["id"] == "s1");
        // the same bytes as text: an article whose text is JSON, with the default id
        const auto as_text = api.handle({"POST", "/v1/places", {}, "text/plain", kStrikeJson});
        CHECK(as_text.status == 200);
        CHECK(Json::parse(as_text.body)["id"] == "article");
        CHECK(api.handle({"POST", "/v1/places", {}, "", kStrike}).status == 200);
    }
    SECTION("invalid articles name what is wrong") {
        CHECK(error_of(api.handle({"POST", "/v1/events", {}, "application/json", R"({"text": 3})"})) ==
              "article: field 'text' is not a string");
        CHECK(error_of(api.handle({"POST", "/v1/events", {}, "application/json",
                                   R"({"text": "Aleppo", "published": "20 Nov"})"}))
                  .find("'published'") != std::string::npos);
        CHECK(error_of(api.handle({"POST", "/v1/events", {{"published", "2016-13-01"}}, "text/plain", kStrike}))
                  .find("'published'") != std::string::npos);
    }
    SECTION("invalid UTF-8 is repaired") {
        const auto r = api.handle({"POST", "/v1/places", {}, "text/plain", "Shelling hit \xff Aleppo."});
        CHECK(r.status == 200);
        CHECK(Json::parse(r.body)["mentions"][0]["place_id"] == "geonames:1002");
    }
    SECTION("look-up parameters") {
        CHECK(api.handle({"GET", "/v1/gazetteer", {{"name", "Aleppo"}, {"country", "sy"}}, "", ""}).status == 200);
        CHECK(api.handle({"GET", "/v1/gazetteer", {{"name", "Aleppo"}, {"country", "SYR"}}, "", ""}).status == 400);
        CHECK(api.handle({"GET", "/v1/gazetteer", {{"name", "Aleppo"}, {"limit", "0"}}, "", ""}).status == 400);
        CHECK(api.handle({"GET", "/v1/gazetteer", {{"name", "Aleppo"}, {"limit", "2x"}}, "", ""}).status == 400);
    }
}

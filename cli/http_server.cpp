#include "cli/http_server.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

namespace cli {
namespace {

constexpr int kKeepAliveMaxCount = 5;
constexpr int kKeepAliveMaxSeconds = 5;

/// The query parameters of a request target ("/v1/gazetteer?name=Aleppo"), decoded; the first
/// of each name. Read from the target itself: cpp-httplib also parses form-encoded bodies into
/// Request::params, and a body is an article, never parameters.
std::map<std::string, std::string> query_of(const std::string& target) {
    std::map<std::string, std::string> query;
    const auto question = target.find('?');
    if (question == std::string::npos) return query;
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(question + 1), params);
    for (auto& [name, value] : params) query.try_emplace(name, value);
    return query;
}

/// The message of an error answer cpp-httplib gives without the API.
std::string http_error_message(int status) {
    switch (status) {
    case 400: return "bad request: not an HTTP request cpp-httplib can read";
    case 404: return "not found";
    case 413: return "request body too large (see serve --max-body-mb)";
    case 414: return "request URI too long";
    default: return fmt::format("HTTP error {}", status);
    }
}

/// Writes whole lines to a stream shared by the worker threads.
class RequestLog {
public:
    explicit RequestLog(std::ostream* out) : out_(out) {}
    bool on() const noexcept { return out_ != nullptr; }
    void write(const std::string& line) {
        const std::lock_guard lock(mutex_);
        *out_ << line << std::flush;
    }

private:
    std::ostream* out_;
    std::mutex mutex_;
};

/// When the current worker thread began the request it is answering: set by the route, read by
/// the logger, which cpp-httplib calls on the same thread after the answer is sent. Empty for
/// answers cpp-httplib gives itself (400, 413, ...).
thread_local std::optional<std::chrono::steady_clock::time_point> t_request_start;

/// Blocks SIGTERM and SIGINT in the calling thread (and so in the threads it starts) for its
/// lifetime; restores the previous mask, after taking any of them still pending.
class BlockStopSignals {
public:
    BlockStopSignals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGTERM);
        sigaddset(&set_, SIGINT);
        if (const int e = pthread_sigmask(SIG_BLOCK, &set_, &previous_); e != 0) {
            throw std::runtime_error(fmt::format("cannot block SIGTERM and SIGINT: {}", std::strerror(e)));
        }
    }
    ~BlockStopSignals() {
        const timespec none{0, 0};
        while (sigtimedwait(&set_, nullptr, &none) > 0) {
        }
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    BlockStopSignals(const BlockStopSignals&) = delete;
    BlockStopSignals& operator=(const BlockStopSignals&) = delete;
    const sigset_t& set() const noexcept { return set_; }

private:
    sigset_t set_;
    sigset_t previous_;
};

}  // namespace

void run_http_server(const ServeApi& api, const HttpServerOptions& options,
                     const std::function<void(int port)>& on_listening) {
    ::signal(SIGPIPE, SIG_IGN);
    const BlockStopSignals blocked;  // before any thread starts: every one inherits the mask
    RequestLog log(options.log);

    httplib::Server server;
    const unsigned threads = std::max(1u, options.threads);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(options.max_body_bytes);
    server.set_read_timeout(options.timeout_seconds, 0);
    server.set_write_timeout(options.timeout_seconds, 0);
    server.set_keep_alive_timeout(std::min(options.timeout_seconds, kKeepAliveMaxSeconds));
    server.set_keep_alive_max_count(kKeepAliveMaxCount);
    // headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK hold the body back for milliseconds
    server.set_tcp_nodelay(true);
    // SO_REUSEADDR (a restart binds while old connections linger) but not cpp-httplib's default
    // SO_REUSEPORT, with which a second server on the same port would bind and share the traffic
    server.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    const auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
        t_request_start = std::chrono::steady_clock::now();
        ApiRequest request{req.method, req.path, query_of(req.target), req.get_header_value("Content-Type"), req.body};
        ApiResponse answer = api.handle(std::move(request));
        res.status = answer.status;
        if (!answer.allow.empty()) res.set_header("Allow", answer.allow);
        res.set_content(std::move(answer.body), "application/json");
    };
    const std::string any = ".*";
    server.Get(any, handler);
    server.Post(any, handler);
    server.Put(any, handler);
    server.Patch(any, handler);
    server.Delete(any, handler);
    server.Options(any, handler);
    // answers cpp-httplib gives itself (a request it cannot parse, a body over the cap) get the
    // API's error body too
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        res.set_content(error_json(http_error_message(res.status)), "application/json");
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            message += std::string(": ") + e.what();
        } catch (...) {
        }
        res.status = 500;
        res.set_content(error_json(message), "application/json");
    });
    if (log.on()) {
        server.set_logger([&log](const httplib::Request& req, const httplib::Response& res) {
            std::string elapsed = "-";
            if (t_request_start) {
                const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - *t_request_start;
                elapsed = fmt::format("{:.1f}ms", ms.count());
                t_request_start.reset();
            }
            log.write(fmt::format("{} {} {} {} {} {} {}\n", req.remote_addr, req.method,
                                  req.target.empty() ? req.path : req.target, res.status, req.body.size(),
                                  res.body.size(), elapsed));
        });
    }

    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port < 0) {
        throw std::runtime_error(fmt::format("cannot listen on {}:{} ({})", options.host, options.port,
                                             errno ? std::strerror(errno) : "bind failed"));
    }

    // The watcher stops the server on SIGTERM or SIGINT. stop() takes effect only once the
    // server runs, so a signal that comes before that waits for it.
    std::atomic<bool> done = false;
    std::thread watcher([&] {
        const timespec tick{0, 100'000'000};
        while (!done) {
            if (sigtimedwait(&blocked.set(), nullptr, &tick) <= 0) continue;
            while (!done && !server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
            if (!done) server.stop();
            return;
        }
    });
    struct JoinOnExit {
        std::atomic<bool>& done;
        std::thread& thread;
        ~JoinOnExit() {
            done = true;
            thread.join();
        }
    } join_watcher{done, watcher};

    on_listening(port);
    // Returns after stop(), once the pool has finished the connections it holds.
    server.listen_after_bind();
}

}  // namespace cli

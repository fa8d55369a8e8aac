#pragma once
// `geoevents serve`'s HTTP side: a cpp-httplib server in front of a ServeApi, on a pool of
// threads, until SIGTERM or SIGINT.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "cli/serve_api.hpp"

namespace cli {

struct HttpServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                         ///< 0: any free port (the one bound is reported)
    unsigned threads = 1;                    ///< worker threads: connections served at the same time
    std::size_t max_body_bytes = 10u << 20;  ///< larger request bodies get 413
    int timeout_seconds = 10;                ///< per read and per write on a connection
    std::ostream* log = nullptr;             ///< one line per request, when not null
};

/// Serves `api` (every method and path goes to ServeApi::handle) until the process receives
/// SIGTERM or SIGINT; then stops accepting connections, lets the requests in flight finish
/// (their answers are sent, then their connections closed) and returns. Errors the API does
/// not see get the same JSON error body: 400 for a request cpp-httplib cannot parse (or whose
/// body ends before its Content-Length), 413 for a body over max_body_bytes.
///
/// SIGTERM and SIGINT are blocked in the calling thread while it runs (so in every thread it
/// starts) and taken by sigtimedwait() on a watching thread, which calls Server::stop(); the
/// previous signal mask is restored on return. SIGPIPE is ignored for the process (a client
/// that goes away must not end the server). A connection occupies one worker while it is open:
/// an idle keep-alive connection is closed after min(timeout_seconds, 5) seconds, a client
/// that sends nothing for timeout_seconds is dropped, and at most 5 requests are served on one
/// connection, so that waiting connections get their turn.
///
/// `on_listening(port)` is called once the socket is bound, before the first request is
/// served. Throws std::runtime_error when the host and port cannot be bound.
void run_http_server(const ServeApi& api, const HttpServerOptions& options,
                     const std::function<void(int port)>& on_listening);

}  // namespace cli

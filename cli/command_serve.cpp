#include <algorithm>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/http_server.hpp"
#include "cli/serve_api.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"

namespace cli {
namespace {

class Serve : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("--host", options_.host, "Address to listen on (loopback unless told otherwise)")
            ->capture_default_str();
        app.add_option("--port", options_.port, "Port to listen on (0: any free port)")
            ->check(CLI::Range(0, 65535))
            ->capture_default_str();
        app.add_option("--threads", threads_, "Worker threads: connections served at the same time (default: "
                                              "the number of cores)")
            ->check(CLI::Range(1, 1024));
        app.add_option("--max-body-mb", max_body_mb_, "Largest request body in MiB; larger ones get 413")
            ->check(CLI::Range(1, 4096))
            ->capture_default_str();
        app.add_option("--timeout-seconds", options_.timeout_seconds,
                       "Read and write timeout on a connection: slower clients are dropped")
            ->check(CLI::Range(1, 3600))
            ->capture_default_str();
    }

    void validate() override {
        if (options_.host.empty()) throw UsageError("--host: empty address");
        options_.threads = threads_ > 0 ? threads_ : std::max(1u, std::thread::hardware_concurrency());
        options_.max_body_bytes = static_cast<std::size_t>(max_body_mb_) << 20;
    }

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const ServeApi api(gaz, extract::Lexicon::default_dir());
        options_.log = global.quiet ? nullptr : &std::cerr;
        run_http_server(api, options_, [&](int port) {
            // the address on stdout (for scripts that start the server on port 0)
            std::cout << fmt::format("http://{}:{}\n", options_.host, port) << std::flush;
            if (!global.quiet) {
                std::cerr << fmt::format("geoevents serve: listening on http://{}:{} ({} threads, gazetteer {})\n",
                                         options_.host, port, options_.threads, gaz.path().string());
            }
        });
        if (!global.quiet) std::cerr << "geoevents serve: stopped\n";
        return 0;
    }

private:
    HttpServerOptions options_;
    unsigned threads_ = 0;
    unsigned max_body_mb_ = 10;
};

}  // namespace

std::unique_ptr<Command> make_serve() { return std::make_unique<Serve>(); }

}  // namespace cli

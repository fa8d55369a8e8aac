#pragma once
// One subcommand of geoevents (after osmium-tool's cmd.hpp): setup() declares its options,
// validate() checks them after parsing (no I/O), run() does the work through the libraries.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace cli {

/// Options every command understands.
struct GlobalOptions {
    std::string gazetteer;  ///< --gazetteer FILE
    bool quiet = false;     ///< --quiet: no progress messages on stderr
};

/// A wrong or missing option: main() prints it and exits with status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Command {
public:
    virtual ~Command() = default;
    virtual void setup(CLI::App& app) = 0;
    virtual void validate() {}
    /// Returns the exit status; throws on errors (main() reports them).
    virtual int run(const GlobalOptions& global) = 0;
};

struct CommandSpec {
    std::vector<std::string> path;  ///< {"gazetteer", "build"}
    std::string description;
    std::function<std::unique_ptr<Command>()> make;
};

/// Every command, in the order `geoevents --help` lists them (cli/commands.cpp).
const std::vector<CommandSpec>& command_table();

/// Parses argv, runs the chosen command, returns the exit status. Throws for errors.
int run_cli(int argc, char** argv);

}  // namespace cli

#include <map>

#include "cli/command.hpp"

namespace cli {

int run_cli(int argc, char** argv) {
    CLI::App app{"geoevents: news reports to map layers of events and the places they happened"};
    app.set_version_flag("--version", std::string(GEOEVENTS_VERSION));
    app.require_subcommand(1);
    GlobalOptions global;
    app.add_option("--gazetteer", global.gazetteer,
                   "Gazetteer database (default: $GEOEVENTS_GAZETTEER, else "
                   "~/.local/share/geoevents/gazetteer.sqlite)");
    app.add_flag("-q,--quiet", global.quiet, "No progress messages on stderr");

    struct Entry {
        CLI::App* app;
        std::unique_ptr<Command> command;
    };
    std::vector<Entry> entries;
    std::map<std::string, CLI::App*> groups;
    for (const auto& spec : command_table()) {
        CLI::App* parent = &app;
        std::string key;
        for (std::size_t i = 0; i + 1 < spec.path.size(); ++i) {
            key += spec.path[i] + " ";
            auto& group = groups[key];
            if (!group) {
                group = parent->add_subcommand(spec.path[i], "Commands on " + spec.path[i] + "s");
                group->require_subcommand(1);
            }
            parent = group;
        }
        auto* sub = parent->add_subcommand(spec.path.back(), spec.description);
        auto command = spec.make();
        command->setup(*sub);
        entries.push_back({sub, std::move(command)});
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    for (auto& entry : entries) {
        if (entry.app->parsed()) {
            try {
                entry.command->validate();
            } catch (const CLI::Error& e) {
                throw UsageError(e.what());
            }
            return entry.command->run(global);
        }
    }
    throw UsageError("no command given (see geoevents --help)");
}

}  // namespace cli

// The command table: adding a command is one file and one line here.
#include "cli/command.hpp"

namespace cli {

std::unique_ptr<Command> make_gazetteer_build();
std::unique_ptr<Command> make_gazetteer_lookup();
std::unique_ptr<Command> make_gazetteer_info();
std::unique_ptr<Command> make_eval();
std::unique_ptr<Command> make_places();
std::unique_ptr<Command> make_map();
std::unique_ptr<Command> make_eval_events();
std::unique_ptr<Command> make_report();
std::unique_ptr<Command> make_serve();

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        {{"gazetteer", "build"}, "Build a gazetteer database from GeoNames dumps and vector layers", make_gazetteer_build},
        {{"gazetteer", "lookup"}, "Look a place name up in the gazetteer", make_gazetteer_lookup},
        {{"gazetteer", "info"}, "Show what a gazetteer holds and where it came from", make_gazetteer_info},
        {{"map"}, "Extract the events of articles and write them as map layers", make_map},
        {{"report"}, "Write a report (HTML or Markdown, with maps and charts) and a regions layer from an events layer", make_report},
        {{"places"}, "Find and resolve the place mentions of articles (JSON Lines out)", make_places},
        {{"eval"}, "Score the geoparser on a public corpus (LGL, TR-News, GeoVirus)", make_eval},
        {{"serve"}, "Answer places, events and gazetteer look-ups over HTTP (JSON)", make_serve},
        {{"eval-events"}, "Score event types on labelled snippets (CASE 2021 style: label<TAB>text)", make_eval_events},
    };
    return table;
}

}  // namespace cli

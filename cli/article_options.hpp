#pragma once
// The options that say how to read articles, shared by `places` and `map`: --published DATE
// and --published-from FILE (extract/published_table.hpp).
#include <string>

#include <CLI/CLI.hpp>

#include "extract/input_reader.hpp"

namespace cli {

class ArticleOptions {
public:
    /// Declares --published and --published-from on `app`.
    void add_to(CLI::App& app);
    /// Throws UsageError for a --published that is not a date (call from validate()).
    void validate() const;
    /// The reader's options; reads the --published-from table (throws gazetteer::InputError
    /// naming its file and line).
    extract::InputOptions input_options() const;

private:
    std::string published_;
    std::string published_from_;
};

/// Prints an input problem on stderr ("geoevents: file:line: message (skipped)"): the
/// DocumentReader callback of every command that reads articles.
void print_input_problem(const extract::InputProblem& problem);

}  // namespace cli

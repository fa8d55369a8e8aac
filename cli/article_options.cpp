#include "cli/article_options.hpp"

#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "extract/dates.hpp"

namespace cli {

void ArticleOptions::add_to(CLI::App& app) {
    app.add_option("--published", published_, "Publication date (YYYY-MM-DD) of plain-text articles");
    app.add_option("--published-from", published_from_,
                   "Table of plain-text articles' publication dates: file name<TAB>YYYY-MM-DD a line");
}

void ArticleOptions::validate() const {
    if (!published_.empty() && !extract::is_iso_date(published_)) {
        throw UsageError(fmt::format("--published: '{}' is not a date (YYYY-MM-DD)", published_));
    }
}

extract::InputOptions ArticleOptions::input_options() const {
    extract::InputOptions options;
    options.published = published_;
    if (!published_from_.empty()) options.published_by_file = extract::read_published_table(published_from_);
    return options;
}

void print_input_problem(const extract::InputProblem& p) {
    // on a terminal, over a progress line (cli/progress.hpp) rather than after it
    static const bool terminal = ::isatty(STDERR_FILENO) == 1;
    std::cerr << fmt::format("{}geoevents: {}: {}{}\n", terminal ? "\r\x1b[K" : "", p.where, p.message, p.skipped_document ? " (skipped)" : "");
}

}  // namespace cli

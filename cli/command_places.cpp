#include <iostream>

#include <fmt/format.h>

#include "cli/article_options.hpp"
#include "cli/command.hpp"
#include "extract/codepoints.hpp"
#include "extract/dates.hpp"
#include "extract/lexicon.hpp"
#include "extract/parallel_parse.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/atomic_file.hpp"
#include "output/mention_json.hpp"

namespace cli {
namespace {

class Places : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("inputs", inputs_,
                       "Articles: UTF-8 text files (one article each), folders of them, JSON Lines files "
                       "(one {\"text\": ...} per line), or - for JSON Lines on stdin")
            ->required();
        app.add_option("-o,--output", output_, "Write the mentions here (JSON Lines) instead of stdout");
        articles_.add_to(app);
        app.add_option("-j,--jobs", jobs_, "Worker threads (output order is kept)")->check(CLI::Range(1, 256));
    }

    void validate() override {
        articles_.validate();
    }

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const auto lexicon = extract::Lexicon::load(extract::Lexicon::default_dir());
        const extract::Geoparser geoparser(gaz, lexicon);
        extract::DocumentReader reader(inputs_, articles_.input_options(), print_input_problem);
        output::AtomicFile out(output_.empty() ? "-" : output_);
        std::string buffer;
        std::size_t mentions = 0;
        output::MentionJsonWriter json;  // the writer runs on this thread, in input order
        json.use_gazetteer(gaz.instance());
        extract::parse_in_order(reader, geoparser, jobs_, [&](const extract::Document& doc, const std::vector<extract::Mention>& ms) {
            const extract::CodepointIndex index(doc.text);
            for (const auto& m : ms) json.append(buffer, doc, index, m);
            mentions += ms.size();
            if (buffer.size() > (1 << 20)) {
                out.write(buffer);
                buffer.clear();
            }
        });
        out.write(buffer);
        if (reader.documents() == 0) {
            throw std::runtime_error(fmt::format("no article could be read from the {} input(s)", inputs_.size()));
        }
        out.commit();
        if (!global.quiet) {
            std::cerr << fmt::format("{} articles, {} place mentions{}\n", reader.documents(), mentions,
                                     reader.skipped() ? fmt::format(", {} inputs skipped", reader.skipped()) : "");
        }
        return 0;
    }

private:
    std::vector<std::string> inputs_;
    std::string output_;
    ArticleOptions articles_;
    int jobs_ = 1;
};

}  // namespace

std::unique_ptr<Command> make_places() { return std::make_unique<Places>(); }

}  // namespace cli

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/article_options.hpp"
#include "cli/command.hpp"
#include "cli/progress.hpp"
#include "cli/region_options.hpp"
#include "extract/casualty_counts.hpp"
#include "extract/codepoints.hpp"
#include "extract/dates.hpp"
#include "extract/event_accumulator.hpp"
#include "extract/event_extractor.hpp"
#include "extract/lexicon.hpp"
#include "extract/parallel_parse.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/atomic_file.hpp"
#include "output/event_append.hpp"
#include "output/feature_json.hpp"
#include "output/qgis_project.hpp"
#include "output/event_layers.hpp"
#include "output/mention_json.hpp"
#include "output/postgis_store.hpp"

namespace cli {
namespace {

class Map : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("inputs", inputs_,
                       "Articles: UTF-8 text files, folders of them, JSON Lines files, or - for JSON Lines on stdin");
        app.add_flag("--stdin", stdin_, "Read JSON Lines articles on stdin (the same as the input -)");
        app.add_option("-o,--output", output_,
                       "Folder for the layers (created when missing), or PG:\"dbname=... host=...\" for PostGIS tables "
                       "(events, places, areas; --append upserts by event_id, safe with concurrent writers)");
        app.add_flag("--jsonl-out", jsonl_out_,
                     "Write no layers: one GeoJSON Feature a line on stdout, an event each, as articles are read "
                     "(merged within an article only; memory bounded by the batch, for Hadoop Streaming, Spark, GNU parallel)");
        app.add_option("--format", format_, "geojson (default), gpkg, csv (with HXL), kml, fgb, shp");
        auto* overwrite = app.add_flag("--overwrite", overwrite_, "Replace layers that exist already");
        app.add_flag("--append", append_,
                     "Merge the new events into the layers of an earlier run in OUTDIR (by event_id: sources united, "
                     "the lower count kept) and add to its mentions")
            ->excludes(overwrite);
        articles_.add_to(app);
        regions_.add_to(app);
        app.add_flag("--qgis-project", qgis_project_,
                     "Also write OUTDIR/project.qgz: a QGIS project that opens the layers styled, the events "
                     "animated by event_date in the Temporal Controller");
        app.add_option("-j,--jobs", jobs_, "Worker threads (output order is kept)")->check(CLI::Range(1, 256));
    }

    void validate() override {
        if (stdin_) inputs_.push_back("-");
        if (inputs_.empty()) throw UsageError("no input: give articles (files, folders, - for stdin) or --stdin");
        if (jsonl_out_) {
            if (!output_.empty() || overwrite_ || append_ || qgis_project_) {
                throw UsageError("--jsonl-out writes to stdout: -o, --overwrite, --append and --qgis-project do not apply");
            }
        } else if (output_.empty()) {
            throw UsageError("-o,--output OUTDIR is required (or --jsonl-out)");
        }
        articles_.validate();
        regions_.validate();
        postgis_ = output::is_postgis_target(output_);
        if (postgis_) {
            if (qgis_project_) throw UsageError("--qgis-project writes a file beside file layers: with -o PG: add the tables in QGIS (they open styled)");
            if (format_ != "geojson" && format_ != "postgis") {
                throw UsageError(fmt::format("--format {} does not apply to -o PG: (the layers become PostGIS tables)", format_));
            }
            return;
        }
        const auto f = output::format_from_string(format_);
        if (!f) throw UsageError(fmt::format("--format: '{}' is not geojson, gpkg, csv, kml, fgb or shp", format_));
        options_.format = *f;
        options_.overwrite = overwrite_ || append_;
    }

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const auto lexicon_dir = extract::Lexicon::default_dir();
        const auto lexicon = extract::Lexicon::load(lexicon_dir);
        const auto event_lexicon = extract::EventLexicon::load(lexicon_dir);
        const auto casualty_lexicon = extract::CasualtyLexicon::load(lexicon_dir);
        const extract::Geoparser geoparser(gaz, lexicon);
        const auto region_layer = regions_.read(global.quiet);
        const auto region_index = region_layer ? std::optional<geo::RegionIndex>(output::make_region_index(*region_layer)) : std::nullopt;
        const auto regions = region_layer ? std::optional<output::EventRegions>({*region_layer, *region_index}) : std::nullopt;
        if (jsonl_out_) return stream_events(global, gaz, geoparser, event_lexicon, casualty_lexicon, regions ? &*regions : nullptr);
        if (postgis_) return map_to_postgis(global, gaz, geoparser, event_lexicon, casualty_lexicon, regions ? &*regions : nullptr);
        extract::DocumentReader reader(inputs_, articles_.input_options(), print_input_problem);
        std::filesystem::create_directories(output_);
        const auto mentions_path = std::filesystem::path(output_) / "mentions.jsonl";
        if (std::filesystem::exists(mentions_path) && !overwrite_ && !append_) {
            throw std::runtime_error(fmt::format("'{}' exists: use --overwrite to replace it or --append to add to it",
                                                 mentions_path.string()));
        }
        // an append reads the earlier run first: a layer it cannot read stops the run before anything is written
        auto previous = append_ ? output::read_previous_output(output_, options_.format) : output::PreviousOutput{};
        output::AtomicFile mentions_file(mentions_path);
        if (append_ && std::filesystem::exists(mentions_path)) output::copy_file_into(mentions_path, mentions_file);
        extract::EventAccumulator accumulator;
        output::MentionTally tally;
        std::size_t previous_events = 0;
        if (previous.found) {  // first, so that they keep their order and their actors and notes win
            previous_events = previous.events.events.size();
            accumulator.add(previous.events.events);  // moved; their places' text stays in `previous`
            tally.add(previous.mentions);
        }
        collect(global, reader, geoparser, event_lexicon, casualty_lexicon, &mentions_file, accumulator, tally);
        const auto events = accumulator.take();
        const auto records = tally.records();
        const auto layers = output::event_layers(events, records, gaz, output::default_styles_dir(), regions ? &*regions : nullptr);
        output::write_layers(output_, layers, options_);
        if (qgis_project_) {
            output::write_qgis_project(std::filesystem::path(output_) / "project.qgz",
                                       output::qgis_project_spec(layers, options_.format, ".", {"events", "event_date"}));
        }
        mentions_file.commit();
        if (!global.quiet) {
            std::cerr << fmt::format("{} articles: {} events, {} places, {} areas in {} ({}){}\n", reader.documents(),
                                     layers[0].second.size(), layers[1].second.size(), layers[2].second.size(), output_,
                                     output::format_name(options_.format),
                                     previous.found ? fmt::format("; {} events were there before", previous_events) : "");
        }
        return 0;
    }

private:
    /// Adds the articles' events to `events` (merged as they come) and their resolved literal
    /// mentions to `mentions` (tallied by place, form and qualifier): memory grows with the
    /// distinct events and names, not with the articles. The mentions go as JSON lines into
    /// `mentions_file` when not null. Throws when no article could be read.
    void collect(const GlobalOptions& global, extract::DocumentReader& reader, const extract::Geoparser& geoparser,
                 const extract::EventLexicon& event_lexicon, const extract::CasualtyLexicon& casualty_lexicon,
                 output::AtomicFile* mentions_file, extract::EventAccumulator& events, output::MentionTally& mentions) {
        std::string buffer;
        constexpr std::size_t kMentionLineBytes = 320;  // a resolved mention's line, with room to spare
        Progress progress(!global.quiet, input_size(inputs_));
        // per article, on the worker threads: mentions, their JSON lines and the events
        struct Parsed {
            std::string json;
            std::vector<output::MentionRecord> records;
            std::vector<extract::Event> events;
        };
        extract::process_in_order<Parsed>(
            reader, jobs_,
            [&](const extract::Document& doc) {
                Parsed p;
                const auto tokenized = extract::tokenize_and_fold(doc.text);
                auto ms = geoparser.parse(doc, tokenized);
                const extract::CodepointIndex index(doc.text);
                p.events = extract::extract_events(doc, tokenized, index, ms, event_lexicon, casualty_lexicon);
                thread_local output::MentionJsonWriter json;
                json.use_gazetteer(geoparser.gazetteer().instance());
                if (mentions_file) p.json.reserve(ms.size() * kMentionLineBytes);  // grown once, not by doublings
                for (auto& m : ms) {
                    if (mentions_file) json.append(p.json, doc, index, m);
                    if (m.place && m.kind == extract::MentionKind::literal) p.records.push_back({doc.id, std::move(m)});
                }
                return p;
            },
            [&](const extract::Document&, Parsed& p) {
                buffer += p.json;
                if (mentions_file && buffer.size() > (1 << 20)) {
                    mentions_file->write(buffer);
                    buffer.clear();
                }
                mentions.add(p.records);
                events.add(p.events);
                p = Parsed{};
                progress.update(reader.documents(), reader.bytes_read(), events.size());
            });
        if (mentions_file) mentions_file->write(buffer);
        if (reader.documents() == 0) {
            throw std::runtime_error(fmt::format("no article could be read from the {} input(s)", inputs_.size()));
        }
    }

    // -o PG:...: the layers into PostGIS tables, upserted by event_id with --append (mentions.jsonl is not written).
    int map_to_postgis(const GlobalOptions& global, const gazetteer::Gazetteer& gaz, const extract::Geoparser& geoparser,
                       const extract::EventLexicon& event_lexicon, const extract::CasualtyLexicon& casualty_lexicon,
                       const output::EventRegions* regions) {
        extract::DocumentReader reader(inputs_, articles_.input_options(), print_input_problem);
        extract::EventAccumulator accumulator;
        output::MentionTally tally;
        collect(global, reader, geoparser, event_lexicon, casualty_lexicon, nullptr, accumulator, tally);
        output::PostgisStore store(output_);  // waits for other writers of the database
        const bool exists = store.has_layers();
        if (exists && !append_ && !overwrite_) {
            throw std::runtime_error(fmt::format("'{}' has geoevents tables already: use --append to add to them or --overwrite to replace them",
                                                 output::masked_target(output_)));
        }
        std::size_t previous_events = 0;
        std::optional<output::PreviousOutput> previous;  // what the layers' places point into
        if (append_ && exists) {
            std::vector<std::string> event_ids;
            std::vector<std::string> place_ids;
            accumulator.for_each([&](const extract::Event& e) {
                event_ids.push_back(e.event_id);
                place_ids.emplace_back(e.place.place_id);
            });
            for (const auto& r : tally.records()) place_ids.emplace_back(r.mention.place->place_id);
            previous = store.read_affected(event_ids, place_ids);
            previous_events = previous->events.events.size();
            accumulator.add(previous->events.events);
            tally.add(previous->mentions);
        }
        const auto layers =
            output::event_layers(accumulator.take(), tally.records(), gaz, output::default_styles_dir(), regions);
        if (append_ && exists) {
            store.upsert(layers);
        } else {
            store.create(layers, exists);
        }
        store.commit();
        if (!global.quiet) {
            std::cerr << fmt::format("{} articles: {} events, {} places, {} areas {} {}{}\n", reader.documents(), layers[0].second.size(),
                                     layers[1].second.size(), layers[2].second.size(), append_ && exists ? "upserted into" : "written to",
                                     output::masked_target(output_),
                                     append_ && exists ? fmt::format(" ({} of them stored before, merged)", previous_events) : "");
        }
        return 0;
    }

    // --jsonl-out: each article's events, as GeoJSON Features a line, in input order.
    int stream_events(const GlobalOptions& global, const gazetteer::Gazetteer& gaz, const extract::Geoparser& geoparser,
                      const extract::EventLexicon& event_lexicon, const extract::CasualtyLexicon& casualty_lexicon,
                      const output::EventRegions* regions) {
        extract::DocumentReader reader(inputs_, articles_.input_options(), print_input_problem);
        std::size_t events = 0;
        Progress progress(!global.quiet, input_size(inputs_));
        extract::process_in_order<std::string>(
            reader, jobs_,
            [&](const extract::Document& doc) {
                const auto tokenized = extract::tokenize_and_fold(doc.text);
                const auto ms = geoparser.parse(doc, tokenized);
                std::vector<output::MentionRecord> records;
                for (const auto& m : ms) {
                    if (m.place && m.kind == extract::MentionKind::literal) records.push_back({doc.id, m});
                }
                const auto found = extract::extract_events(doc, tokenized, ms, event_lexicon, casualty_lexicon);
                std::string lines;
                if (found.empty()) return lines;
                const auto layers = output::event_layers(found, records, gaz, {}, regions);
                for (const auto& f : layers.front().second) {
                    output::append_feature_json(lines, layers.front().first, f);
                    lines += '\n';
                }
                return lines;
            },
            [&](const extract::Document&, std::string& lines) {
                std::cout << lines;
                events += static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
                lines.clear();
                progress.update(reader.documents(), reader.bytes_read(), events);
            });
        std::cout.flush();
        if (!std::cout) throw std::runtime_error("cannot write to stdout");
        if (reader.documents() == 0) throw std::runtime_error(fmt::format("no article could be read from the {} input(s)", inputs_.size()));
        if (!global.quiet) std::cerr << fmt::format("{} articles: {} events (JSON Lines on stdout)\n", reader.documents(), events);
        return 0;
    }

    std::vector<std::string> inputs_;
    std::string output_;
    std::string format_ = "geojson";
    bool overwrite_ = false;
    bool append_ = false;
    bool qgis_project_ = false;
    bool stdin_ = false;
    bool jsonl_out_ = false;
    bool postgis_ = false;
    ArticleOptions articles_;
    RegionOptions regions_;
    int jobs_ = 1;
    output::WriteOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_map() { return std::make_unique<Map>(); }

}  // namespace cli

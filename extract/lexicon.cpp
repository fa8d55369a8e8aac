#include "extract/lexicon.hpp"

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "gazetteer/error.hpp"
#include "gazetteer/fold.hpp"
#include "gazetteer/line_reader.hpp"

namespace extract {
namespace {

// Calls row(fields) for every data line (comments and blank lines skipped); fields are the
// tab-separated columns, the first one folded.
template <typename F>
void read_list(const std::filesystem::path& path, std::size_t columns, F&& row) {
    gazetteer::LineReader reader(path.string());
    std::string_view line;
    while (reader.next(line)) {
        if (!reader.problem().empty()) throw gazetteer::InputError(path.string(), reader.line_number(), std::string(reader.problem()));
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> fields;
        std::size_t pos = 0;
        for (;;) {
            const auto tab = line.find('\t', pos);
            fields.emplace_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
            if (tab == std::string_view::npos) break;
            pos = tab + 1;
        }
        if (fields.size() != columns) {
            throw gazetteer::InputError(path.string(), reader.line_number(),
                                        fmt::format("expected {} tab-separated column(s), found {}", columns, fields.size()));
        }
        fields[0] = gazetteer::fold_name(fields[0]);
        if (fields[0].empty()) throw gazetteer::InputError(path.string(), reader.line_number(), "empty entry");
        row(fields, reader.line_number());
    }
}

void read_set(const std::filesystem::path& path, StringSet& set) {
    read_list(path, 1, [&](const std::vector<std::string>& f, std::uint64_t) { set.insert(f[0]); });
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    Lexicon lx;
    read_set(dir / "person_titles.txt", lx.person_titles_);
    read_set(dir / "metonymy_verbs.txt", lx.metonymy_verbs_);
    read_set(dir / "auxiliaries.txt", lx.auxiliaries_);
    read_set(dir / "historical_cues.txt", lx.historical_cues_);
    read_set(dir / "locative_prepositions.txt", lx.locatives_);
    read_set(dir / "time_words.txt", lx.time_words_);
    read_set(dir / "name_connectors.txt", lx.connectors_);
    read_set(dir / "common_words.txt", lx.common_words_);
    read_set(dir / "local_institutions.txt", lx.local_institutions_);
    read_set(dir / "given_names.txt", lx.given_names_);
    read_set(dir / "speech_verbs.txt", lx.speech_verbs_);
    const auto compass_file = dir / "compass.txt";
    read_list(compass_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        static const std::unordered_map<std::string, Compass> names = {
            {"north", Compass::north}, {"northeast", Compass::northeast}, {"east", Compass::east},
            {"southeast", Compass::southeast}, {"south", Compass::south}, {"southwest", Compass::southwest},
            {"west", Compass::west}, {"northwest", Compass::northwest}, {"central", Compass::central}};
        auto it = names.find(f[1]);
        if (it == names.end()) throw gazetteer::InputError(compass_file.string(), line, fmt::format("'{}' is not a direction", f[1]));
        lx.compass_[f[0]] = it->second;
    });
    const auto admin_file = dir / "admin_terms.txt";
    read_list(admin_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        AdminLevel level;
        if (f[1] == "admin1") level = AdminLevel::admin1;
        else if (f[1] == "admin2") level = AdminLevel::admin2;
        else if (f[1] == "city") level = AdminLevel::city;
        else throw gazetteer::InputError(admin_file.string(), line, fmt::format("'{}' is not admin1, admin2 or city", f[1]));
        lx.admin_terms_[f[0]] = level;
    });
    const auto parts_file = dir / "area_parts.txt";
    read_list(parts_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        static const std::unordered_map<std::string, Surroundings> names = {
            {"none", Surroundings::none}, {"outskirts", Surroundings::outskirts},
            {"countryside", Surroundings::countryside}, {"suburb", Surroundings::suburb}, {"near", Surroundings::near}};
        auto it = names.find(f[1]);
        if (it == names.end()) throw gazetteer::InputError(parts_file.string(), line, fmt::format("'{}' is not a kind of surroundings", f[1]));
        lx.area_parts_[f[0]] = it->second;
    });
    return lx;
}

std::filesystem::path Lexicon::default_dir() {
    if (const char* env = std::getenv("GEOEVENTS_LEXICON_DIR"); env && *env) return env;
    if (std::filesystem::is_directory(GEOEVENTS_SOURCE_LEXICON_DIR)) return GEOEVENTS_SOURCE_LEXICON_DIR;
    return GEOEVENTS_INSTALL_LEXICON_DIR;
}

Compass Lexicon::compass(std::string_view w) const {
    auto it = compass_.find(w);
    return it == compass_.end() ? Compass::none : it->second;
}

AdminLevel Lexicon::admin_level(std::string_view w) const {
    auto it = admin_terms_.find(w);
    return it == admin_terms_.end() ? AdminLevel::none : it->second;
}

bool Lexicon::area_part(std::string_view w, Surroundings& s) const {
    auto it = area_parts_.find(w);
    if (it == area_parts_.end()) return false;
    s = it->second;
    return true;
}

}  // namespace extract

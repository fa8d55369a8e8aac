#include "extract/lexicon.hpp"

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "extract/word_list.hpp"
#include "gazetteer/error.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {

Lexicon::WordInfo& Lexicon::entry(std::string_view folded) { return words_[gazetteer::hash_key(folded)]; }

namespace {
constexpr std::uint64_t kFibonacci = 0x9E3779B97F4A7C15ULL;
constexpr int kFilterShift = 20;  // the filter's bit: middle bits of the product (the slot: its top bits)
}  // namespace

void Lexicon::index() {
    std::size_t size = 16;
    shift_ = 60;
    while (size < 4 * words_.size()) {
        size *= 2;
        --shift_;
    }
    table_.assign(size, Cell{});
    filter_.reset(size * 4);  // 16 to 32 bits a word
    for (const auto& [key, info] : words_) {
        const std::uint64_t product = key * kFibonacci;
        std::size_t i = product >> shift_;
        while (table_[i].used) i = (i + 1) & (size - 1);
        table_[i] = Cell{key, true, info};
        filter_.add(product >> kFilterShift);
    }
    words_.clear();
}

const Lexicon::WordInfo& Lexicon::info(std::string_view folded) const noexcept { return info_by_key(gazetteer::hash_key(folded)); }

const Lexicon::WordInfo& Lexicon::info_by_key(std::uint64_t key) const noexcept {
    static const WordInfo none;
    if (table_.empty()) return none;
    const std::uint64_t product = key * kFibonacci;
    if (!filter_.may_hold(product >> kFilterShift)) return none;  // most words of a text
    for (std::size_t i = product >> shift_;; i = (i + 1) & (table_.size() - 1)) {
        if (!table_[i].used) return none;
        if (table_[i].key == key) return table_[i].info;
    }
}

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    Lexicon lx;
    using W = WordInfo;
    for (const auto& [file, flag] : std::initializer_list<std::pair<const char*, W::Flag>>{
             {"person_titles.txt", W::person_title}, {"metonymy_verbs.txt", W::metonymy_verb},
             {"auxiliaries.txt", W::auxiliary}, {"historical_cues.txt", W::historical_cue},
             {"locative_prepositions.txt", W::locative}, {"time_words.txt", W::time_word},
             {"name_connectors.txt", W::connector}, {"common_words.txt", W::common_word},
             {"local_institutions.txt", W::local_institution}, {"given_names.txt", W::given_name},
             {"speech_verbs.txt", W::speech_verb}}) {
        read_word_list(dir / file, 1, [&, flag = flag](const std::vector<std::string>& f, std::uint64_t) { lx.entry(f[0]).flags |= flag; });
    }
    const auto compass_file = dir / "compass.txt";
    read_word_list(compass_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        static const std::unordered_map<std::string, Compass> names = {
            {"north", Compass::north}, {"northeast", Compass::northeast}, {"east", Compass::east},
            {"southeast", Compass::southeast}, {"south", Compass::south}, {"southwest", Compass::southwest},
            {"west", Compass::west}, {"northwest", Compass::northwest}, {"central", Compass::central}};
        auto it = names.find(f[1]);
        if (it == names.end()) throw gazetteer::InputError(compass_file.string(), line, fmt::format("'{}' is not a direction", f[1]));
        lx.entry(f[0]).compass = it->second;
    });
    const auto admin_file = dir / "admin_terms.txt";
    read_word_list(admin_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        AdminLevel level;
        if (f[1] == "admin1") level = AdminLevel::admin1;
        else if (f[1] == "admin2") level = AdminLevel::admin2;
        else if (f[1] == "city") level = AdminLevel::city;
        else throw gazetteer::InputError(admin_file.string(), line, fmt::format("'{}' is not admin1, admin2 or city", f[1]));
        lx.entry(f[0]).level = level;
    });
    const auto parts_file = dir / "area_parts.txt";
    read_word_list(parts_file, 2, [&](const std::vector<std::string>& f, std::uint64_t line) {
        static const std::unordered_map<std::string, Surroundings> names = {
            {"none", Surroundings::none}, {"outskirts", Surroundings::outskirts},
            {"countryside", Surroundings::countryside}, {"suburb", Surroundings::suburb}, {"near", Surroundings::near}};
        auto it = names.find(f[1]);
        if (it == names.end()) throw gazetteer::InputError(parts_file.string(), line, fmt::format("'{}' is not a kind of surroundings", f[1]));
        auto& e = lx.entry(f[0]);
        e.flags |= W::area_part;
        e.surroundings = it->second;
    });
    lx.index();
    return lx;
}

std::filesystem::path Lexicon::default_dir() {
    if (const char* env = std::getenv("GEOEVENTS_LEXICON_DIR"); env && *env) return env;
    if (std::filesystem::is_directory(GEOEVENTS_SOURCE_LEXICON_DIR)) return GEOEVENTS_SOURCE_LEXICON_DIR;
    return GEOEVENTS_INSTALL_LEXICON_DIR;
}

}  // namespace extract

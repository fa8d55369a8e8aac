// bench_generate_geonames N OUT: writes a synthetic GeoNames "geoname" dump of N rows (the 19
// tab-separated columns of cities500.txt) for import benchmarks at sizes GeoNames does not ship.
//
// The output depends only on N and the seed (a fixed default): the random numbers come from
// splitmix64 and are mapped to ranges here, not by <random>'s distributions, so the file is the
// same with any compiler or standard library.
//
// What it imitates from cities500.txt (measured on the 2024 file: 199,568 rows, 4.2 alternate
// names per row of which 36% are not ASCII, 19% of rows with a name that differs from its
// asciiname, 15% with population 0):
//  - names of 2 to 4 syllables, some of two words ("San ...", "... Bay") so that token prefixes
//    occur, some with diacritics;
//  - 0 to 15 alternate names per row, drawn from cities500's own histogram (16 and more lumped
//    into 15): spelling variants, the name itself, and transliterations into Cyrillic, Greek,
//    Arabic, katakana and CJK;
//  - feature class P with PPL, PPLA, PPLA2, PPLA3, PPLA4, PPLX, PPLC in cities500's proportions;
//  - countries weighted as in cities500, points scattered around each country's centre, 2-digit
//    admin1 codes, Pareto-distributed populations.
#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// splitmix64: small, fast, and fully specified (the same stream everywhere).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n); n > 0.
    std::uint32_t below(std::uint32_t n) noexcept {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
    /// Uniform in [0, 1).
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) noexcept { return unit() < p; }
    /// Index drawn with the given integer weights (not all zero).
    std::size_t weighted(std::span<const std::uint32_t> weights) noexcept {
        std::uint64_t total = 0;
        for (auto w : weights) total += w;
        std::uint64_t r = next() % total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::uint64_t state_;
};

struct Country {
    const char* code;
    std::uint32_t weight;  // rows in cities500.txt (for the tail: about, standing for the rest)
    double lat, lon;       // rough centre
    double spread;         // degrees
    std::uint32_t admin1;  // number of admin1 codes used
    const char* timezone;
};

// The 40 countries with most rows in cities500.txt, then a few small ones of the news.
constexpr Country kCountries[] = {
    {"US", 21140, 39.0, -97.0, 12.0, 51, "America/Chicago"},
    {"MX", 16917, 23.0, -102.0, 6.0, 32, "America/Mexico_City"},
    {"CN", 15621, 33.0, 108.0, 9.0, 31, "Asia/Shanghai"},
    {"FR", 15271, 46.5, 2.5, 3.0, 13, "Europe/Paris"},
    {"IT", 11738, 42.8, 12.5, 3.0, 20, "Europe/Rome"},
    {"DE", 11522, 51.0, 10.0, 2.5, 16, "Europe/Berlin"},
    {"ID", 9224, -2.5, 118.0, 8.0, 34, "Asia/Jakarta"},
    {"ES", 7211, 40.0, -3.7, 3.0, 17, "Europe/Madrid"},
    {"RO", 7148, 45.9, 24.9, 2.0, 42, "Europe/Bucharest"},
    {"GB", 5708, 53.0, -1.5, 2.5, 4, "Europe/London"},
    {"IN", 5321, 22.0, 79.0, 7.0, 36, "Asia/Kolkata"},
    {"BR", 5211, -12.0, -50.0, 10.0, 27, "America/Sao_Paulo"},
    {"PH", 4985, 12.0, 122.0, 4.0, 17, "Asia/Manila"},
    {"RU", 4761, 56.0, 50.0, 12.0, 83, "Europe/Moscow"},
    {"PL", 4346, 52.0, 19.0, 2.0, 16, "Europe/Warsaw"},
    {"JP", 3902, 36.0, 138.0, 4.0, 47, "Asia/Tokyo"},
    {"UA", 3584, 49.0, 31.0, 3.0, 27, "Europe/Kyiv"},
    {"TR", 3446, 39.0, 35.0, 3.0, 81, "Europe/Istanbul"},
    {"CZ", 3301, 49.8, 15.5, 1.2, 14, "Europe/Prague"},
    {"SK", 2612, 48.7, 19.5, 1.0, 8, "Europe/Bratislava"},
    {"HU", 2485, 47.2, 19.5, 1.2, 20, "Europe/Budapest"},
    {"CH", 2383, 46.8, 8.2, 0.8, 26, "Europe/Zurich"},
    {"AT", 2233, 47.5, 14.5, 1.2, 9, "Europe/Vienna"},
    {"CO", 1948, 4.5, -74.0, 4.0, 33, "America/Bogota"},
    {"NL", 1941, 52.2, 5.5, 0.8, 12, "Europe/Amsterdam"},
    {"BE", 1688, 50.6, 4.6, 0.6, 3, "Europe/Brussels"},
    {"PT", 1565, 39.6, -8.0, 1.5, 20, "Europe/Lisbon"},
    {"CA", 1530, 50.0, -90.0, 12.0, 13, "America/Toronto"},
    {"PE", 1467, -9.0, -75.0, 5.0, 25, "America/Lima"},
    {"AR", 1425, -34.0, -64.0, 7.0, 24, "America/Argentina/Buenos_Aires"},
    {"SE", 1362, 61.0, 15.0, 4.0, 21, "Europe/Stockholm"},
    {"GR", 1298, 39.0, 22.0, 2.0, 13, "Europe/Athens"},
    {"BG", 1276, 42.7, 25.3, 1.2, 28, "Europe/Sofia"},
    {"IR", 1255, 32.0, 53.0, 5.0, 31, "Asia/Tehran"},
    {"KR", 1157, 36.5, 127.8, 1.5, 17, "Asia/Seoul"},
    {"PK", 1081, 30.0, 70.0, 4.0, 8, "Asia/Karachi"},
    {"SY", 1033, 35.0, 38.0, 1.5, 14, "Asia/Damascus"},
    {"EG", 954, 27.0, 30.0, 3.0, 27, "Africa/Cairo"},
    {"NG", 902, 9.0, 8.0, 4.0, 37, "Africa/Lagos"},
    {"VN", 877, 16.0, 107.0, 4.0, 63, "Asia/Ho_Chi_Minh"},
    {"IQ", 650, 33.0, 44.0, 2.5, 18, "Asia/Baghdad"},
    {"KE", 540, 0.5, 37.9, 2.5, 47, "Africa/Nairobi"},
    {"AF", 480, 34.0, 66.0, 2.5, 34, "Asia/Kabul"},
    {"LB", 320, 33.9, 35.9, 0.4, 8, "Asia/Beirut"},
    {"YE", 300, 15.5, 47.5, 2.0, 22, "Asia/Aden"},
    {"ML", 260, 17.0, -4.0, 4.0, 10, "Africa/Bamako"},
    {"SO", 240, 6.0, 46.0, 3.0, 18, "Africa/Mogadishu"},
    {"LY", 200, 27.0, 17.0, 4.0, 22, "Africa/Tripoli"},
    {"IL", 190, 31.5, 34.9, 0.6, 6, "Asia/Jerusalem"},
    {"PS", 120, 31.9, 35.2, 0.3, 16, "Asia/Hebron"},
};

constexpr auto kCountryWeights = [] {
    std::array<std::uint32_t, std::size(kCountries)> w{};
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = kCountries[i].weight;
    return w;
}();

// Rows with 0, 1, ..., 14 alternate names in cities500.txt; the last weight is 15 and more.
constexpr std::uint32_t kAlternateCountWeights[] = {
    35876, 43843, 31293, 14683, 11392, 7323, 12767, 6571,
    6537,  5413,  4374,  3352,  2677,  2073, 1691,  11697};

// Names of 2, 3 and 4 syllables.
constexpr std::uint32_t kSyllableCountWeights[] = {2, 5, 3};

constexpr const char* kFeatureCodes[] = {"PPL", "PPLA3", "PPLA4", "PPLA2", "PPLX", "PPLA", "PPLC"};
constexpr std::uint32_t kFeatureCodeWeights[] = {112970, 28432, 27037, 20616, 6247, 3461, 241};

constexpr std::string_view kSyllables[] = {
    "ka",  "ber", "lin", "sto", "ma",  "ri",  "an",  "del", "gor", "vil", "na",  "ton", "sha",
    "mir", "bad", "el",  "kor", "ta",  "mon", "dor", "ha",  "lam", "zu",  "pe",  "ro",  "san",
    "qa",  "lu",  "ves", "tar", "bu",  "ni",  "sel", "ram", "do",  "ke",  "len", "gra", "mo",
    "hu",  "fa",  "rin", "ost", "ba",  "li",  "ze",  "ham", "ku",  "ar",  "ven", "so",  "tin",
    "ga",  "wa",  "jo",  "pol", "ski", "ov",  "ville", "burg", "dal", "ey",  "kan", "pur",
    "sar", "ya",  "nov", "vo",  "ice", "ach", "heim", "stad", "ingen", "ford", "mouth", "ley",
    "ia",  "ou",  "ai",  "in",  "ab",  "um",  "ek",  "ta",  "ra",  "il",  "vor", "kha", "dzh",
    "tsu", "chi", "ng",  "xi",  "yu",  "zh",  "que", "gua", "tla", "pan", "co",  "at",  "ito",
};

constexpr std::string_view kPrefixWords[] = {"San", "Santa", "New", "Bad", "Al", "El", "La", "Nova",
                                             "Saint", "Ban", "Kampong", "Puerto", "Villa", "Tel"};
constexpr std::string_view kSuffixWords[] = {"Bay", "Springs", "Heights", "Nord", "Sud", "Mare",
                                             "City", "Gorod", "Kalan", "Khurd", "de Abajo", "am See"};

// Letter-for-letter transliterations of a..z (empty: the letter is left out).
constexpr const char* kCyrillic[26] = {"а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м",
                                       "н", "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "ы", "з"};
constexpr const char* kGreek[26] = {"α", "β", "κ", "δ", "ε", "φ", "γ", "χ", "ι", "ι", "κ", "λ", "μ",
                                    "ν", "ο", "π", "κ", "ρ", "σ", "τ", "υ", "β", "ου", "ξ", "υ", "ζ"};
constexpr const char* kArabic[26] = {"ا", "ب", "ك", "د", "ي", "ف", "غ", "ه", "ي", "ج", "ك", "ل", "م",
                                     "ن", "و", "ب", "ق", "ر", "س", "ت", "و", "ف", "و", "كس", "ي", "ز"};
// Latin vowels with diacritics, as a name spelled in its own language might use them.
constexpr const char* kAccented[] = {"á", "é", "í", "ó", "ú", "ä", "ö", "ü", "ã", "ç", "ș", "ł", "ø", "å"};
constexpr char kAccentedBase[] = {'a', 'e', 'i', 'o', 'u', 'a', 'o', 'u', 'a', 'c', 's', 'l', 'o', 'a'};

void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

/// A place's name: its ASCII spelling, the syllables it is made of, and its local spelling.
struct PlaceName {
    std::string ascii;
    std::string local;  // with diacritics when the row has them, else equal to ascii
    std::uint32_t syllables[4] = {};
    int n_syllables = 0;
};

class RowWriter {
public:
    RowWriter(std::FILE* out, std::uint64_t seed, std::uint64_t rows)
        : out_(out), random_(seed), mean_id_step_(rows > 0 ? std::max<std::uint64_t>(2, 12'000'000 / rows) : 2) {}

    void write_row() {
        next_id_ += 1 + random_.below(static_cast<std::uint32_t>(2 * mean_id_step_ - 1));
        const auto& country = kCountries[random_.weighted(kCountryWeights)];
        make_name();
        make_alternates();
        const double lat = std::clamp(country.lat + spread(country.spread), -89.9, 89.9);
        double lon = country.lon + spread(country.spread * 1.3);
        if (lon > 180.0) lon -= 360.0;
        if (lon < -180.0) lon += 360.0;
        const char* feature_code = kFeatureCodes[random_.weighted(kFeatureCodeWeights)];
        const auto admin1 = 1 + random_.below(country.admin1);
        std::string admin2;
        if (random_.chance(0.6)) admin2 = fmt::format("{:03}", 1 + random_.below(120));
        const std::int64_t population = random_.chance(0.15) ? 0 : pareto_population();
        std::string elevation;
        if (random_.chance(0.2)) elevation = std::to_string(random_.below(2500));
        const auto dem = static_cast<int>(random_.below(2600)) - 10;
        line_.clear();
        fmt::format_to(std::back_inserter(line_),
                       "{}\t{}\t{}\t{}\t{:.5f}\t{:.5f}\tP\t{}\t{}\t\t{:02}\t{}\t\t\t{}\t{}\t{}\t{}\t{:04}-{:02}-{:02}\n",
                       next_id_, name_.local, name_.ascii, alternates_, lat, lon, feature_code, country.code,
                       admin1, admin2, population, elevation, dem, country.timezone, 2008 + random_.below(17),
                       1 + random_.below(12), 1 + random_.below(28));
        if (std::fwrite(line_.data(), 1, line_.size(), out_) != line_.size()) {
            throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
        }
    }

private:
    // Sum of three uniforms: a bell shape, bounded by +-1.5 * width.
    double spread(double width) {
        return (random_.unit() + random_.unit() + random_.unit() - 1.5) * width;
    }

    std::int64_t pareto_population() {
        // Pareto with alpha 1.1 from 500: median about 940, a few millions.
        const double u = 1.0 - random_.unit();
        return std::min<std::int64_t>(static_cast<std::int64_t>(500.0 / std::pow(u, 1.0 / 1.1)), 25'000'000);
    }

    std::uint32_t syllable() {
        // A mildly skewed choice: early syllables are more common, so names repeat about as
        // often as real place names do (cities500: 167,288 distinct ascii names in 199,568 rows).
        const double u = random_.unit();
        return static_cast<std::uint32_t>(std::pow(u, 1.3) * std::size(kSyllables));
    }

    /// One word of 2 to 4 syllables, capitalised.
    void make_word(PlaceName& n) {
        n.n_syllables = 2 + static_cast<int>(random_.weighted(kSyllableCountWeights));
        n.ascii.clear();
        for (int i = 0; i < n.n_syllables; ++i) {
            n.syllables[i] = syllable();
            n.ascii.append(kSyllables[n.syllables[i]]);
        }
        n.ascii[0] = upper(n.ascii[0]);
        n.local = n.ascii;
    }

    void make_name() {
        auto& n = name_;
        make_word(n);
        const auto words = random_.below(100);
        if (words < 8) {
            n.ascii = fmt::format("{} {}", kPrefixWords[random_.below(std::size(kPrefixWords))], n.ascii);
        } else if (words < 13) {
            n.ascii = fmt::format("{} {}", n.ascii, kSuffixWords[random_.below(std::size(kSuffixWords))]);
        } else if (words < 15) {
            make_word(other_);
            n.ascii = fmt::format("{}-{}", n.ascii, other_.ascii);
        }
        n.local = n.ascii;
        if (random_.chance(0.19)) {  // one letter spelled with its diacritic
            const auto k = random_.below(std::size(kAccented));
            const auto pos = n.ascii.find(kAccentedBase[k], 1);
            if (pos != std::string::npos) n.local.replace(pos, 1, kAccented[k]);
        }
    }

    void transliterate(const PlaceName& n, const char* const (&table)[26]) {
        for (char c : n.ascii) {
            const char l = lower(c);
            if (l >= 'a' && l <= 'z') {
                alternates_.append(table[l - 'a']);
            } else if (c == ' ' || c == '-') {
                alternates_.push_back(c);
            }
        }
    }

    /// Appends one alternate name of the given kind, made from `n`.
    void append_alternate(int variant, const PlaceName& n) {
        if (!alternates_.empty()) alternates_.push_back(',');
        switch (variant) {
            case 0: alternates_.append(n.ascii); break;  // the name itself (the importer drops it)
            case 1:  // the spelling with diacritics, else another spelling
                if (n.local != n.ascii) {
                    alternates_.append(n.local);
                    break;
                }
                [[fallthrough]];
            case 2: {  // another spelling: one vowel changed
                std::string s = n.ascii;
                const auto pos = s.find_first_of("aeiou", 1);
                if (pos != std::string::npos) s[pos] = "aeiouy"[random_.below(6)];
                alternates_.append(s);
                break;
            }
            case 3:  // with a suffix word
                alternates_.append(n.ascii);
                alternates_.push_back(' ');
                alternates_.append(kSuffixWords[random_.below(std::size(kSuffixWords))]);
                break;
            case 4:  // upper case, as some sources write it
                for (char c : n.ascii) alternates_.push_back(upper(c));
                break;
            case 5: transliterate(n, kCyrillic); break;
            case 6: transliterate(n, kGreek); break;
            case 7: transliterate(n, kArabic); break;
            case 8:  // katakana: one character per syllable
                for (int i = 0; i < n.n_syllables; ++i) append_code_point(alternates_, 0x30A2 + (n.syllables[i] * 7) % 80);
                break;
            default:  // CJK: one or two characters per syllable
                for (int i = 0; i < n.n_syllables; ++i) {
                    append_code_point(alternates_, 0x4E00 + (n.syllables[i] * 211 + 17) % 20000);
                    if (n.syllables[i] % 3 == 0) append_code_point(alternates_, 0x5E02);  // 市
                }
                break;
        }
    }

    void make_alternates() {
        alternates_.clear();
        const auto count = random_.weighted(kAlternateCountWeights);
        // Weights of the kinds of append_alternate(): about 36% of the names are not ASCII, as in
        // cities500. Each kind is made from the row's name once; used again, it is made from an
        // unrelated word instead (an older or foreign name), so that a row repeats no name.
        constexpr std::uint32_t kKindWeights[] = {8, 8, 20, 8, 10, 12, 5, 8, 4, 6};
        std::uint32_t used = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const auto kind = static_cast<int>(random_.weighted(kKindWeights));
            if (used & (1u << kind)) {
                make_word(other_);
                append_alternate(kind, other_);
            } else {
                used |= 1u << kind;
                append_alternate(kind, name_);
            }
        }
    }

    std::FILE* out_;
    Random random_;
    std::uint64_t mean_id_step_;
    std::uint64_t next_id_ = 0;
    PlaceName name_;
    PlaceName other_;
    std::string alternates_;
    std::string line_;
};

struct Options {
    std::uint64_t rows = 0;
    std::string output;
    std::uint64_t seed = 0x67656f6576656e74ULL;  // "geoevent"
};

Options parse_options(int argc, char** argv) {
    Options o;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) {
            const std::string_view v = argv[++i];
            if (std::from_chars(v.data(), v.data() + v.size(), o.seed).ptr != v.data() + v.size()) {
                throw UsageError(fmt::format("--seed: '{}' is not a number", v));
            }
        } else if (positional == 0) {
            const auto [ptr, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), o.rows);
            if (ec != std::errc() || ptr != arg.data() + arg.size()) {
                throw UsageError(fmt::format("N: '{}' is not a row count", arg));
            }
            ++positional;
        } else if (positional == 1) {
            o.output = arg;
            ++positional;
        } else {
            throw UsageError(fmt::format("unexpected argument '{}'", arg));
        }
    }
    if (positional != 2) throw UsageError("expected N and OUT");
    return o;
}

void generate(const Options& o) {
    std::FILE* out = o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb");
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}': {}", o.output, std::strerror(errno)));
    try {
        RowWriter writer(out, o.seed, o.rows);
        for (std::uint64_t i = 0; i < o.rows; ++i) writer.write_row();
    } catch (...) {
        if (out != stdout) std::fclose(out);
        throw;
    }
    if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", o.output, std::strerror(errno)));
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        generate(parse_options(argc, argv));
        return 0;
    } catch (const UsageError& e) {
        fmt::print(stderr, "bench_generate_geonames: {}\nusage: bench_generate_geonames [--seed S] N OUT\n"
                           "  writes N rows of a synthetic GeoNames dump to OUT ('-': stdout)\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_generate_geonames: error: {}\n", e.what());
        return 1;
    }
}

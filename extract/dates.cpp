#include "extract/dates.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "extract/token.hpp"

namespace extract {
namespace {

/// The value of the decimal digits in `digits`, or -1 when one of them is not a digit.
int parse_digits(std::string_view digits) noexcept {
    int value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) noexcept {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_iso_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const int year = parse_digits(text.substr(0, 4));
    const int month = parse_digits(text.substr(5, 2));
    const int day = parse_digits(text.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

// ---- CivilDate -------------------------------------------------------------------------------

std::optional<CivilDate> CivilDate::from_iso(std::string_view text) noexcept {
    if (!is_iso_date(text)) return std::nullopt;
    return CivilDate{parse_digits(text.substr(0, 4)), parse_digits(text.substr(5, 2)), parse_digits(text.substr(8, 2))};
}

bool CivilDate::is_valid() const noexcept { return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month); }

std::string CivilDate::to_iso() const {
    if (!is_valid() || year < 0 || year > 9999) {
        throw std::invalid_argument(fmt::format("not a date ISO 8601 can write as YYYY-MM-DD: year {}, month {}, day {}", year, month, day));
    }
    std::string iso = "0000-00-00";
    const auto put = [&iso](std::size_t end, int value) {
        for (std::size_t i = end; value > 0; value /= 10) iso[--i] = static_cast<char>('0' + value % 10);
    };
    put(4, year);
    put(7, month);
    put(10, day);
    return iso;
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil.
std::int64_t CivilDate::to_days() const noexcept {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                                       // [0, 399]
    const std::int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
    return era * 146097 + doe - 719468;
}

// The same paper: civil_from_days.
CivilDate CivilDate::from_days(std::int64_t days) noexcept {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;                                   // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                 // [0, 11]
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

Weekday CivilDate::weekday() const noexcept {
    // 1970-01-01 was a Thursday (3 when Monday is 0)
    const std::int64_t w = ((to_days() % 7) + 7 + 3) % 7;
    return static_cast<Weekday>(w);
}

// ---- resolve_date ----------------------------------------------------------------------------

namespace {

// Equality of short words, by length and first byte before the bytes: most words compared
// with a date word differ at once, and this saves them the call to memcmp.
inline bool same_word(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && (a.empty() || (a.front() == b.front() && a == b));
}

// One token: a word in ASCII lower case, or one punctuation character.
struct DateWord {
    std::string_view text;  // into the lower-cased copy of the text
    bool is_word = false;
    bool capitalised = false;
    bool space_before = false;
};

// Tokens [first, last) of a text into `words`, their texts viewed in `lower` (the text in ASCII
// lower case).
void date_words(std::string_view lower, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                std::vector<DateWord>& words) {
    words.clear();
    words.reserve(last - first);
    for (std::size_t k = first; k < last; ++k) {
        const auto& t = tokens[k];
        DateWord w;
        w.text = t.text(lower);
        w.is_word = t.is(Token::word);
        w.capitalised = t.is(Token::upper_initial);
        w.space_before = t.is(Token::space_before);
        words.push_back(w);
    }
}

struct MonthName {
    std::string_view name;
    int month;
    bool abbreviation;
};
constexpr std::array<MonthName, 24> kMonths{{
    {"january", 1, false}, {"february", 2, false}, {"march", 3, false}, {"april", 4, false},
    {"may", 5, false}, {"june", 6, false}, {"july", 7, false}, {"august", 8, false},
    {"september", 9, false}, {"october", 10, false}, {"november", 11, false}, {"december", 12, false},
    {"jan", 1, true}, {"feb", 2, true}, {"mar", 3, true}, {"apr", 4, true}, {"jun", 6, true}, {"jul", 7, true},
    {"aug", 8, true}, {"sep", 9, true}, {"sept", 9, true}, {"oct", 10, true}, {"nov", 11, true}, {"dec", 12, true},
}};

constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Relative phrases and what they name.
enum class Relative { day_offset, this_week, last_week, past_week, weekend, this_month, last_month };
struct RelativePhrase {
    std::array<std::string_view, 4> words;  // empty words at the end unused
    Relative kind;
    int offset;  // days, for day_offset
};
constexpr std::array<RelativePhrase, 22> kRelative{{
    {{"the", "day", "before", "yesterday"}, Relative::day_offset, -2},
    {{"earlier", "today"}, Relative::day_offset, 0},
    {{"today"}, Relative::day_offset, 0},
    {{"tonight"}, Relative::day_offset, 0},
    {{"this", "morning"}, Relative::day_offset, 0},
    {{"this", "afternoon"}, Relative::day_offset, 0},
    {{"this", "evening"}, Relative::day_offset, 0},
    {{"yesterday"}, Relative::day_offset, -1},
    {{"last", "night"}, Relative::day_offset, -1},
    {{"last", "evening"}, Relative::day_offset, -1},
    {{"earlier", "this", "week"}, Relative::this_week, 0},
    {{"this", "week"}, Relative::this_week, 0},
    {{"the", "past", "week"}, Relative::past_week, 0},
    {{"the", "last", "week"}, Relative::past_week, 0},
    {{"past", "week"}, Relative::past_week, 0},
    {{"last", "week"}, Relative::last_week, 0},
    {{"the", "weekend"}, Relative::weekend, 0},
    {{"this", "weekend"}, Relative::weekend, 0},
    {{"last", "weekend"}, Relative::weekend, 0},
    {{"earlier", "this", "month"}, Relative::this_month, 0},
    {{"this", "month"}, Relative::this_month, 0},
    {{"last", "month"}, Relative::last_month, 0},
}};

// Words that let a month name stand alone as a date ("in August").
constexpr std::array<std::string_view, 12> kMonthLeads{"in", "since", "during", "early", "late", "mid",
                                                       "last", "this", "throughout", "of", "from", "until"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view w) {
    for (const auto& x : list) {
        if (x == w) return true;
    }
    return false;
}

struct Match {
    std::optional<EventDate> date;  // nullopt: a date expression that cannot be resolved
    std::size_t end = 0;            // one past its last token
};

class DateReader {
public:
    DateReader(const std::vector<DateWord>& w, std::optional<CivilDate> published) : w_(w), p_(published) {}

    std::optional<EventDate> read() const {
        std::optional<EventDate> best;
        for (std::size_t i = 0; i < w_.size();) {
            if (!may_start(w_[i])) {
                ++i;
                continue;
            }
            const auto m = match_at(i);
            if (!m) {
                ++i;
                continue;
            }
            if (m->date && (!best || m->date->precision < best->precision)) best = m->date;
            i = m->end;
        }
        return best;
    }

private:
    bool word(std::size_t i, std::string_view text) const { return i < w_.size() && w_[i].is_word && same_word(w_[i].text, text); }
    bool punct(std::size_t i, std::string_view text) const { return i < w_.size() && !w_[i].is_word && same_word(w_[i].text, text); }

    // The word before token i ("mid-September": the word before the hyphen); empty if none.
    std::string_view word_before(std::size_t i) const {
        if (i >= 2 && punct(i - 1, "-") && !w_[i - 1].space_before && w_[i - 2].is_word) return w_[i - 2].text;
        if (i >= 1 && w_[i - 1].is_word) return w_[i - 1].text;
        return {};
    }

    std::optional<int> month_at(std::size_t i, bool allow_abbreviation) const {
        if (i >= w_.size() || !w_[i].is_word || !w_[i].capitalised) return std::nullopt;
        for (const auto& m : kMonths) {
            if (same_word(m.name, w_[i].text) && (allow_abbreviation || !m.abbreviation)) return m.month;
        }
        return std::nullopt;
    }
    // "23", "3", "23rd", "1st".
    std::optional<int> day_at(std::size_t i) const {
        if (i >= w_.size() || !w_[i].is_word) return std::nullopt;
        const std::string_view t = w_[i].text;
        std::size_t digits = 0;
        while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
        if (digits == 0 || digits > 2) return std::nullopt;
        const auto suffix = t.substr(digits);
        if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
        const int day = parse_digits(t.substr(0, digits));
        if (day < 1 || day > 31) return std::nullopt;
        return day;
    }
    std::optional<int> year_at(std::size_t i) const {
        if (i >= w_.size() || !w_[i].is_word || w_[i].text.size() != 4) return std::nullopt;
        const int y = parse_digits(w_[i].text);
        if (y < 1900 || y > 2100) return std::nullopt;
        return y;
    }

    // The year at token k, or after a comma there ("23 September 2016", "September 23, 2016");
    // moves k past it when there is one.
    std::optional<int> year_after(std::size_t& k) const {
        std::optional<int> year = year_at(k);
        if (!year && punct(k, ",")) {
            year = year_at(k + 1);
            if (year) ++k;
        }
        if (year) ++k;
        return year;
    }

    // A span from `from` to `to`, with its end not after publication when it starts before it.
    EventDate span(CivilDate from, CivilDate to, TimePrecision precision) const {
        if (p_ && from <= *p_ && to > *p_) to = *p_;
        return {from, to, precision};
    }
    static EventDate one_day(CivilDate d) { return {d, d, TimePrecision::day}; }
    static CivilDate month_end(int year, int month) { return {year, month, days_in_month(year, month)}; }

    // The expression at token i, "since" applied.
    std::optional<Match> match_at(std::size_t i) const {
        auto m = expression_at(i);
        if (!m || !m->date || word_before(i) != "since") return m;
        if (!p_ || m->date->start > *p_) {
            m->date.reset();
            return m;
        }
        const auto days = p_->to_days() - m->date->start.to_days();
        const auto precision = days == 0 ? TimePrecision::day : days <= 7 ? TimePrecision::week : TimePrecision::month;
        m->date = EventDate{m->date->start, *p_, precision};
        return m;
    }

    std::optional<Match> expression_at(std::size_t i) const {
        if (auto m = relative_at(i)) return m;
        if (auto m = iso_at(i)) return m;
        if (auto m = day_month_at(i)) return m;
        if (auto m = month_first_at(i)) return m;
        if (auto m = weekday_at(i)) return m;
        return bare_month_at(i);
    }

    // Whether a date expression may start at this token: digits, or a word that starts a
    // relative phrase or names a weekday or month (most words of a text do not).
    static bool may_start(const DateWord& w) {
        if (!w.is_word) return false;
        if (w.text.front() >= '0' && w.text.front() <= '9') return true;
        // the words by first letter and length: most words of a text have no bucket, the rest
        // compare with a few
        constexpr std::size_t kLongest = 16;
        using Buckets = std::array<std::vector<std::string_view>, 26 * kLongest>;
        static const Buckets kStarts = [] {
            Buckets b;
            const auto add = [&b](std::string_view s) {
                if (s.size() >= kLongest || s.front() < 'a' || s.front() > 'z') throw std::logic_error("date word out of range");
                b[static_cast<std::size_t>(s.front() - 'a') * kLongest + s.size()].push_back(s);
            };
            for (const auto& r : kRelative) add(r.words[0]);
            for (const auto& d : kWeekdays) add(d);
            for (const auto& m : kMonths) add(m.name);
            return b;
        }();
        const char first = w.text.front();
        if (first < 'a' || first > 'z' || w.text.size() >= kLongest) return false;
        // a bucket's words share the first letter and the length: the second letter tells most apart
        for (const auto s : kStarts[static_cast<std::size_t>(first - 'a') * kLongest + w.text.size()]) {
            if ((s.size() < 2 || s[1] == w.text[1]) && s == w.text) return true;
        }
        return false;
    }

    std::optional<Match> relative_at(std::size_t i) const {
        for (const auto& r : kRelative) {
            if (r.words[0].front() != w_[i].text.front()) continue;  // most phrases differ at once
            std::size_t k = i;
            bool all = true;
            for (const auto& part : r.words) {
                if (part.empty()) break;
                if (!word(k, part)) {
                    all = false;
                    break;
                }
                ++k;
            }
            if (!all) continue;
            Match m{std::nullopt, k};
            if (!p_) return m;
            const CivilDate p = *p_;
            const int wd = static_cast<int>(p.weekday());
            switch (r.kind) {
                case Relative::day_offset: m.date = one_day(p.plus_days(r.offset)); break;
                case Relative::this_week: m.date = EventDate{p.plus_days(-wd), p, TimePrecision::week}; break;
                case Relative::last_week: {
                    const auto monday = p.plus_days(-wd - 7);
                    m.date = EventDate{monday, monday.plus_days(6), TimePrecision::week};
                    break;
                }
                case Relative::past_week: m.date = EventDate{p.plus_days(-6), p, TimePrecision::week}; break;
                case Relative::weekend: {
                    const auto saturday = p.plus_days(-((wd - static_cast<int>(Weekday::saturday) + 7) % 7));
                    m.date = span(saturday, saturday.plus_days(1), TimePrecision::week);
                    break;
                }
                case Relative::this_month: m.date = EventDate{{p.year, p.month, 1}, p, TimePrecision::month}; break;
                case Relative::last_month: {
                    const int y = p.month == 1 ? p.year - 1 : p.year;
                    const int mo = p.month == 1 ? 12 : p.month - 1;
                    m.date = EventDate{{y, mo, 1}, month_end(y, mo), TimePrecision::month};
                    break;
                }
            }
            return m;
        }
        return std::nullopt;
    }

    // "2016-09-23"
    std::optional<Match> iso_at(std::size_t i) const {
        if (i + 4 >= w_.size() || !w_[i].is_word || w_[i].text.size() != 4) return std::nullopt;
        for (std::size_t k = i + 1; k <= i + 4; ++k) {
            if (w_[k].space_before) return std::nullopt;
        }
        if (!punct(i + 1, "-") || !punct(i + 3, "-")) return std::nullopt;
        const auto iso = fmt::format("{}-{}-{}", w_[i].text, w_[i + 2].text, w_[i + 4].text);
        const auto d = CivilDate::from_iso(iso);
        if (!d) return std::nullopt;
        return Match{one_day(*d), i + 5};
    }

    // A day of a month, the year taken from the text or else from the publication day.
    Match day_of(int day, int month, std::optional<int> year, std::size_t end) const {
        Match m{std::nullopt, end};
        if (year) {
            const CivilDate d{*year, month, day};
            if (d.is_valid()) m.date = one_day(d);
            return m;
        }
        if (!p_ || day > days_in_month(2000, month)) return m;
        for (int y = p_->year; y >= p_->year - 8; --y) {
            const CivilDate d{y, month, day};
            if (d.is_valid() && d <= *p_) {
                m.date = one_day(d);
                break;
            }
        }
        return m;
    }

    // A whole month, the year taken from the text or else from the publication day.
    Match month_of(int month, std::optional<int> year, bool strictly_before, std::size_t end) const {
        Match m{std::nullopt, end};
        int y = 0;
        if (year) {
            y = *year;
        } else if (p_) {
            const bool this_year = strictly_before ? month < p_->month : month <= p_->month;
            y = this_year ? p_->year : p_->year - 1;
        } else {
            return m;
        }
        m.date = span({y, month, 1}, month_end(y, month), TimePrecision::month);
        return m;
    }

    // "23 September 2016", "23rd of September", "23 Sept."
    std::optional<Match> day_month_at(std::size_t i) const {
        const auto day = day_at(i);
        if (!day) return std::nullopt;
        std::size_t k = i + 1;
        if (word(k, "of")) ++k;
        const auto month = month_at(k, true);
        if (!month) return std::nullopt;
        ++k;
        if (punct(k, ".")) ++k;
        const auto year = year_after(k);
        return day_of(*day, *month, year, k);
    }

    // "September 23, 2016", "Sept. 23", "September 2016"
    std::optional<Match> month_first_at(std::size_t i) const {
        const auto month = month_at(i, true);
        if (!month) return std::nullopt;
        std::size_t k = i + 1;
        if (punct(k, ".")) ++k;
        if (const auto day = day_at(k)) {
            ++k;
            const auto year = year_after(k);
            return day_of(*day, *month, year, k);
        }
        if (const auto year = year_at(k)) return month_of(*month, year, false, k + 1);
        return std::nullopt;
    }

    // "Saturday", "last Saturday", "since Tuesday"
    std::optional<Match> weekday_at(std::size_t i) const {
        if (i >= w_.size() || !w_[i].is_word) return std::nullopt;
        int target = -1;
        for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
            if (same_word(kWeekdays[d], w_[i].text)) target = static_cast<int>(d);
        }
        if (target < 0) return std::nullopt;
        Match m{std::nullopt, i + 1};
        const auto before = word_before(i);
        if (!p_ || before == "next" || before == "coming") return m;
        const int back = (static_cast<int>(p_->weekday()) - target + 7) % 7;
        const bool strictly_before = before == "last" || before == "since";
        m.date = one_day(p_->plus_days(-(back == 0 && strictly_before ? 7 : back)));
        return m;
    }

    // "in August", "since March", "last September", "mid-July"
    std::optional<Match> bare_month_at(std::size_t i) const {
        const auto month = month_at(i, false);
        if (!month) return std::nullopt;
        const auto before = word_before(i);
        if (!one_of(kMonthLeads, before)) return std::nullopt;
        return month_of(*month, std::nullopt, before == "last", i + 1);
    }

    const std::vector<DateWord>& w_;
    std::optional<CivilDate> p_;
};

}  // namespace

std::optional<EventDate> resolve_date(std::string_view text, std::optional<CivilDate> published) {
    const auto tokens = tokenize(text);
    return resolve_date(ascii_lower(text), tokens, 0, tokens.size(), published);
}

void ascii_lower_into(std::string_view text, char* out) noexcept {
    // without a branch, so that the compiler vectorizes it
    std::transform(text.begin(), text.end(), out, [](char c) {
        const bool upper = static_cast<unsigned char>(c - 'A') < 26;
        return static_cast<char>(c + (upper ? 'a' - 'A' : 0));
    });
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text.size(), '\0');
    ascii_lower_into(text, lower.data());
    return lower;
}

std::optional<EventDate> resolve_date(std::string_view lower, const std::vector<Token>& tokens, std::size_t first_token,
                                      std::size_t last_token, std::optional<CivilDate> published) {
    if (published && !published->is_valid()) published.reset();
    thread_local std::vector<DateWord> words;  // kept between calls: no allocation a sentence
    date_words(lower, tokens, first_token, last_token, words);
    return DateReader(words, published).read();
}

}  // namespace extract

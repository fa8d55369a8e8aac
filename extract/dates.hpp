#pragma once
// Calendar dates as the pipeline exchanges them: ISO 8601 calendar dates, "YYYY-MM-DD"; and the
// date of an event read from a sentence, relative to the article's publication day, with ACLED's
// time precision.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/token.hpp"

namespace extract {

/// True when `text` is exactly "YYYY-MM-DD" (ten ASCII characters, no sign, no time part)
/// naming a real day of the proleptic Gregorian calendar: month 01-12, day 01 up to the
/// length of that month, 29 February only in leap years (divisible by 4, centuries only
/// when divisible by 400). Years 0000-9999 are accepted. O(1), never throws.
bool is_iso_date(std::string_view text) noexcept;

/// Leap years of the proleptic Gregorian calendar (also for negative years).
bool is_leap_year(int year) noexcept;
/// 28 to 31; `month` must be 1-12.
int days_in_month(int year, int month) noexcept;

enum class Weekday : std::uint8_t { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

/// A day of the proleptic Gregorian calendar. A plain value: not checked on construction (see
/// is_valid()); ordered by time.
struct CivilDate {
    int year = 1970;
    int month = 1;  ///< 1-12
    int day = 1;    ///< 1 up to the length of the month

    /// The date written as "YYYY-MM-DD"; nullopt unless is_iso_date(text).
    static std::optional<CivilDate> from_iso(std::string_view text) noexcept;
    /// The day `days` days after 1970-01-01 (negative: before). Exact for any day within
    /// +-5 million years of it (Howard Hinnant's civil_from_days).
    static CivilDate from_days(std::int64_t days) noexcept;

    /// Month 1-12 and a day that exists in that month of that year.
    bool is_valid() const noexcept;
    /// "YYYY-MM-DD". Throws std::invalid_argument naming the date when it is not valid or its
    /// year is outside 0-9999 (which ISO's basic form cannot write).
    std::string to_iso() const;
    /// Days since 1970-01-01 (negative before it); valid dates only.
    std::int64_t to_days() const noexcept;
    /// The date `n` days later (earlier when negative); valid dates only.
    CivilDate plus_days(std::int64_t n) const noexcept { return from_days(to_days() + n); }
    Weekday weekday() const noexcept;

    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

/// ACLED's time_precision: the event happened on the day, within the week, or within the month
/// the text gives.
enum class TimePrecision : std::uint8_t { day = 1, week = 2, month = 3 };

/// When an event happened: a day (start == end) or a span of days, inclusive.
struct EventDate {
    CivilDate start;
    CivilDate end;
    TimePrecision precision = TimePrecision::day;
    friend bool operator==(const EventDate&, const EventDate&) = default;
};

/// The date of the event that `text` (a date phrase or a whole sentence) reports, given the day
/// the article was published. Every date expression in the text is read; the result is the most
/// precise one (day before week before month), the first in the text among equally precise ones.
///
/// Absolute dates (month names capitalised, years 1900-2100):
///   "23 September 2016", "September 23, 2016", "the 23rd of September", "Sept. 23", "2016-09-23"
///     -> that day, precision day. Without a year: the most recent such day not after
///     publication (29 February: the last leap year's).
///   "September 2016"; "in/during/early/late/mid/last/of/throughout September"
///     -> the month, precision month. Without a year: the most recent such month not after the
///     publication month ("last September": strictly before it). A month alone needs one of
///     those words before it ("May" alone is too often a verb).
/// Relative to the publication day P (nothing without it):
///   "today", "earlier today", "this morning/afternoon/evening", "tonight" -> P;
///   "yesterday", "last night" -> P-1; "the day before yesterday" -> P-2; precision day.
///   "Saturday", "on Saturday", "Saturday night" -> the most recent Saturday on or before P: a
///     report published on a Saturday that says "on Saturday" means that day (news style names
///     the weekday even for the same day). "last Saturday" -> strictly before P. "next/coming
///     Saturday" is no event date.
///   "this week", "earlier this week" -> Monday of P's week to P, precision week;
///   "last week" -> Monday to Sunday of the week before, precision week;
///   "the past week", "the last week" -> P-6 to P, precision week;
///   "the weekend" -> the last Saturday on or before P to the Sunday after it (not after P),
///     precision week;
///   "this month", "earlier this month" -> the 1st of P's month to P, precision month;
///   "last month" -> the whole month before, precision month.
/// "since X" (X any of the above: "since Tuesday" takes the Tuesday before P) -> X's first day
/// to P, precision day when that is one day, week when P is at most 7 days after it, else
/// month; it needs P, and X not after P. Spans that start by P never run past it: "in September"
/// read on 10 September ends on the 10th.
/// nullopt when there is no date expression, or only ones that need the publication day and it
/// is not given (never an invented date). A `published` that is not a valid date counts as none.
/// Never throws except std::bad_alloc; linear in the length of the text.
std::optional<EventDate> resolve_date(std::string_view text, std::optional<CivilDate> published);

/// `text` with ASCII letters in lower case (the same length and byte offsets).
std::string ascii_lower(std::string_view text);
/// The same written to out[0, text.size()).
void ascii_lower_into(std::string_view text, char* out) noexcept;

/// resolve_date on the text of tokens [first_token, last_token) of a text already tokenized
/// (extract::tokenize), given that text in lower case (ascii_lower): the same answer, without
/// tokenizing again.
std::optional<EventDate> resolve_date(std::string_view lower, const std::vector<Token>& tokens, std::size_t first_token,
                                      std::size_t last_token, std::optional<CivilDate> published);

}  // namespace extract

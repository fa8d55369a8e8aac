#include "extract/dates.hpp"

namespace extract {
namespace {

bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) noexcept {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

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

bool is_iso_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const int year = parse_digits(text.substr(0, 4));
    const int month = parse_digits(text.substr(5, 2));
    const int day = parse_digits(text.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

}  // namespace extract

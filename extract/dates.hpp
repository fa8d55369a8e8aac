#pragma once
// Calendar dates as the pipeline exchanges them: ISO 8601 calendar dates, "YYYY-MM-DD".
#include <string_view>

namespace extract {

/// True when `text` is exactly "YYYY-MM-DD" (ten ASCII characters, no sign, no time part)
/// naming a real day of the proleptic Gregorian calendar: month 01-12, day 01 up to the
/// length of that month, 29 February only in leap years (divisible by 4, centuries only
/// when divisible by 400). Years 0000-9999 are accepted. O(1), never throws.
bool is_iso_date(std::string_view text) noexcept;

}  // namespace extract

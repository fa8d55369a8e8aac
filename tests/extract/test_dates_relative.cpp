#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>

#include "extract/dates.hpp"

using extract::CivilDate;
using extract::EventDate;
using extract::TimePrecision;
using extract::Weekday;

namespace Catch {
template <>
struct StringMaker<CivilDate> {
    static std::string convert(const CivilDate& d) {
        return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
    }
};
template <>
struct StringMaker<EventDate> {
    static std::string convert(const EventDate& e) {
        return StringMaker<CivilDate>::convert(e.start) + ".." + StringMaker<CivilDate>::convert(e.end) + " precision " +
               std::to_string(static_cast<int>(e.precision));
    }
};
template <>
struct StringMaker<std::optional<EventDate>> {
    static std::string convert(const std::optional<EventDate>& e) { return e ? StringMaker<EventDate>::convert(*e) : "none"; }
};
}  // namespace Catch

namespace {

CivilDate date(const char* iso) {
    const auto d = CivilDate::from_iso(iso);
    REQUIRE(d);
    return *d;
}
EventDate day(const char* iso) { return {date(iso), date(iso), TimePrecision::day}; }
EventDate week(const char* from, const char* to) { return {date(from), date(to), TimePrecision::week}; }
EventDate month(const char* from, const char* to) { return {date(from), date(to), TimePrecision::month}; }

std::optional<EventDate> resolve(const std::string& text, const char* published) {
    return extract::resolve_date(text, date(published));
}
std::optional<EventDate> resolve(const std::string& text) { return extract::resolve_date(text, std::nullopt); }

}  // namespace

// ---- CivilDate -------------------------------------------------------------------------------

TEST_CASE("CivilDate reads and writes ISO dates", "[extract][dates]") {
    CHECK(CivilDate::from_iso("2016-02-29") == CivilDate{2016, 2, 29});
    CHECK(CivilDate{2016, 9, 3}.to_iso() == "2016-09-03");
    CHECK(CivilDate{987, 12, 31}.to_iso() == "0987-12-31");
    CHECK_FALSE(CivilDate::from_iso("2015-02-29"));
    CHECK_FALSE(CivilDate::from_iso("3 September 2016"));
    CHECK_THROWS_AS(CivilDate({2015, 2, 29}).to_iso(), std::invalid_argument);
    CHECK_THROWS_AS(CivilDate({10000, 1, 1}).to_iso(), std::invalid_argument);
}

TEST_CASE("CivilDate knows valid days", "[extract][dates]") {
    CHECK(CivilDate{2000, 2, 29}.is_valid());
    CHECK_FALSE(CivilDate{1900, 2, 29}.is_valid());
    CHECK_FALSE(CivilDate{2016, 4, 31}.is_valid());
    CHECK_FALSE(CivilDate{2016, 13, 1}.is_valid());
    CHECK_FALSE(CivilDate{2016, 0, 1}.is_valid());
    CHECK_FALSE(CivilDate{2016, 1, 0}.is_valid());
}

TEST_CASE("CivilDate counts days", "[extract][dates]") {
    SECTION("known day numbers") {
        CHECK(CivilDate{1970, 1, 1}.to_days() == 0);
        CHECK(CivilDate{2000, 3, 1}.to_days() == 11017);
        CHECK(CivilDate{2016, 3, 1}.to_days() == 16861);
        CHECK(CivilDate::from_days(-1) == CivilDate{1969, 12, 31});
        CHECK(CivilDate::from_days(16861) == CivilDate{2016, 3, 1});
    }
    SECTION("round trip over four centuries, both signs") {
        for (std::int64_t n = -800000; n <= 800000; n += 97) {
            const auto d = CivilDate::from_days(n);
            REQUIRE(d.is_valid());
            REQUIRE(d.to_days() == n);
        }
    }
    SECTION("month, year and leap-day boundaries") {
        CHECK(CivilDate{2016, 2, 28}.plus_days(1) == CivilDate{2016, 2, 29});
        CHECK(CivilDate{2016, 2, 28}.plus_days(2) == CivilDate{2016, 3, 1});
        CHECK(CivilDate{2015, 2, 28}.plus_days(1) == CivilDate{2015, 3, 1});
        CHECK(CivilDate{1900, 2, 28}.plus_days(1) == CivilDate{1900, 3, 1});
        CHECK(CivilDate{2016, 12, 31}.plus_days(1) == CivilDate{2017, 1, 1});
        CHECK(CivilDate{2017, 1, 1}.plus_days(-1) == CivilDate{2016, 12, 31});
        CHECK(CivilDate{2016, 3, 1}.plus_days(-366) == CivilDate{2015, 3, 1});
    }
    SECTION("ordering") {
        CHECK(CivilDate{2016, 2, 29} < CivilDate{2016, 3, 1});
        CHECK(CivilDate{2015, 12, 31} < CivilDate{2016, 1, 1});
        CHECK_FALSE(CivilDate{2016, 3, 1} < CivilDate{2016, 3, 1});
    }
}

TEST_CASE("CivilDate knows the weekday", "[extract][dates]") {
    CHECK(CivilDate{1970, 1, 1}.weekday() == Weekday::thursday);
    CHECK(CivilDate{1969, 12, 29}.weekday() == Weekday::monday);
    CHECK(CivilDate{2016, 2, 29}.weekday() == Weekday::monday);
    CHECK(CivilDate{2016, 3, 1}.weekday() == Weekday::tuesday);
    CHECK(CivilDate{2017, 1, 1}.weekday() == Weekday::sunday);
}

// ---- resolve_date: absolute dates ------------------------------------------------------------

TEST_CASE("resolve_date reads a full date", "[extract][dates]") {
    SECTION("month first") { CHECK(resolve("The convoy was hit on September 23, 2016.") == day("2016-09-23")); }
    SECTION("day first") { CHECK(resolve("The convoy was hit on 23 September 2016.") == day("2016-09-23")); }
    SECTION("ordinal and abbreviation") {
        CHECK(resolve("Talks broke down on Sept. 23rd, 2016.") == day("2016-09-23"));
        CHECK(resolve("on the 2nd of March 2015") == day("2015-03-02"));
    }
    SECTION("ISO") { CHECK(resolve("Report dated 2016-09-23 from the field office") == day("2016-09-23")); }
    SECTION("a day that does not exist") {
        CHECK_FALSE(resolve("on 30 February 2016"));
        CHECK_FALSE(resolve("on 29 February 2015"));
        CHECK(resolve("on 29 February 2016") == day("2016-02-29"));
    }
    SECTION("a date after publication is still that date") {
        CHECK(resolve("Elections are set for 4 December 2016.", "2016-09-23") == day("2016-12-04"));
    }
}

TEST_CASE("resolve_date takes a missing year from the publication day", "[extract][dates]") {
    SECTION("earlier in the publication year") { CHECK(resolve("on 19 September", "2016-09-25") == day("2016-09-19")); }
    SECTION("the publication day itself") { CHECK(resolve("on 19 September", "2016-09-19") == day("2016-09-19")); }
    SECTION("later in the year: the year before") { CHECK(resolve("on 19 September", "2016-09-18") == day("2015-09-19")); }
    SECTION("month first") { CHECK(resolve("Residents fled on December 30.", "2017-01-03") == day("2016-12-30")); }
    SECTION("29 February: the last leap year") { CHECK(resolve("on 29 February", "2019-03-10") == day("2016-02-29")); }
    SECTION("no publication day: no date") { CHECK_FALSE(resolve("on 19 September")); }
}

TEST_CASE("resolve_date reads a month", "[extract][dates]") {
    SECTION("a month earlier in the year") { CHECK(resolve("Clashes began in August.", "2016-09-10") == month("2016-08-01", "2016-08-31")); }
    SECTION("a later month: the year before") { CHECK(resolve("Clashes began in August.", "2016-07-10") == month("2015-08-01", "2015-08-31")); }
    SECTION("the publication month ends at publication") {
        CHECK(resolve("Clashes began in August.", "2016-08-10") == month("2016-08-01", "2016-08-10"));
    }
    SECTION("February of a leap year") { CHECK(resolve("during February", "2016-03-05") == month("2016-02-01", "2016-02-29")); }
    SECTION("last September: strictly before the publication month") {
        CHECK(resolve("Fighting flared last September.", "2016-09-20") == month("2015-09-01", "2015-09-30"));
        CHECK(resolve("Fighting flared last September.", "2016-10-02") == month("2016-09-01", "2016-09-30"));
    }
    SECTION("mid-month") { CHECK(resolve("in mid-July", "2016-09-10") == month("2016-07-01", "2016-07-31")); }
    SECTION("with a year, no publication day needed") { CHECK(resolve("The siege lasted from May 2015.") == month("2015-05-01", "2015-05-31")); }
    SECTION("no publication day and no year: no date") { CHECK_FALSE(resolve("Clashes began in August.")); }
    SECTION("a month name used as a word is no date") {
        CHECK_FALSE(resolve("May the talks succeed, he said.", "2016-09-10"));
        CHECK_FALSE(resolve("Protesters plan to march on the capital.", "2016-09-10"));
    }
}

// ---- resolve_date: relative to publication ---------------------------------------------------

TEST_CASE("resolve_date reads a weekday as the latest one not after publication", "[extract][dates]") {
    // 2016-03-01 is a Tuesday; 2016 is a leap year.
    SECTION("across the end of February") {
        CHECK(resolve("The market was shelled on Sunday.", "2016-03-01") == day("2016-02-28"));
        CHECK(resolve("on Monday", "2016-03-01") == day("2016-02-29"));
        CHECK(resolve("Wednesday", "2016-03-01") == day("2016-02-24"));
        CHECK(resolve("on Saturday night", "2016-03-01") == day("2016-02-27"));
    }
    SECTION("the publication weekday is the publication day") {
        CHECK(resolve("Troops entered the town on Tuesday.", "2016-03-01") == day("2016-03-01"));
    }
    SECTION("last: strictly before") {
        CHECK(resolve("last Tuesday", "2016-03-01") == day("2016-02-23"));
        CHECK(resolve("last Monday", "2016-03-01") == day("2016-02-29"));
    }
    SECTION("across the end of the year") { CHECK(resolve("on Saturday", "2017-01-02") == day("2016-12-31")); }
    SECTION("a coming weekday is no event date") { CHECK_FALSE(resolve("Talks resume next Friday.", "2016-03-01")); }
    SECTION("no publication day") { CHECK_FALSE(resolve("The market was shelled on Sunday.")); }
}

TEST_CASE("resolve_date reads days named relative to publication", "[extract][dates]") {
    SECTION("yesterday and last night") {
        CHECK(resolve("Two were killed yesterday.", "2016-03-01") == day("2016-02-29"));
        CHECK(resolve("Shelling resumed last night.", "2017-01-01") == day("2016-12-31"));
        CHECK(resolve("the day before yesterday", "2016-03-01") == day("2016-02-28"));
    }
    SECTION("today and this morning") {
        CHECK(resolve("A car bomb exploded today.", "2016-03-01") == day("2016-03-01"));
        CHECK(resolve("This morning the bridge was closed.", "2016-03-01") == day("2016-03-01"));
        CHECK(resolve("tonight", "2016-03-01") == day("2016-03-01"));
    }
    SECTION("no publication day") {
        CHECK_FALSE(resolve("Two were killed yesterday."));
        CHECK_FALSE(resolve("A car bomb exploded today."));
    }
}

TEST_CASE("resolve_date reads weeks", "[extract][dates]") {
    // 2016-09-23 is a Friday.
    SECTION("this week: Monday to publication") {
        CHECK(resolve("Earlier this week the road reopened.", "2016-09-23") == week("2016-09-19", "2016-09-23"));
        CHECK(resolve("this week", "2016-03-02") == week("2016-02-29", "2016-03-02"));
        CHECK(resolve("this week", "2016-09-19") == week("2016-09-19", "2016-09-19"));
    }
    SECTION("last week: the calendar week before") {
        CHECK(resolve("Raids took place last week.", "2016-09-23") == week("2016-09-12", "2016-09-18"));
        CHECK(resolve("last week", "2017-01-04") == week("2016-12-26", "2017-01-01"));
    }
    SECTION("the past week: seven days to publication") {
        CHECK(resolve("over the past week", "2016-03-02") == week("2016-02-25", "2016-03-02"));
    }
    SECTION("the weekend") { CHECK(resolve("over the weekend", "2016-09-26") == week("2016-09-24", "2016-09-25")); }
    SECTION("no publication day") { CHECK_FALSE(resolve("Raids took place last week.")); }
}

TEST_CASE("resolve_date reads months relative to publication", "[extract][dates]") {
    SECTION("last month") {
        CHECK(resolve("Prices doubled last month.", "2016-03-15") == month("2016-02-01", "2016-02-29"));
        CHECK(resolve("last month", "2017-01-10") == month("2016-12-01", "2016-12-31"));
    }
    SECTION("this month") { CHECK(resolve("earlier this month", "2016-03-15") == month("2016-03-01", "2016-03-15")); }
    SECTION("no publication day") { CHECK_FALSE(resolve("Prices doubled last month.")); }
}

TEST_CASE("resolve_date reads since as a span to publication", "[extract][dates]") {
    SECTION("since a weekday: the one before publication, precision week") {
        CHECK(resolve("Forty have died since Tuesday.", "2016-09-23") == week("2016-09-20", "2016-09-23"));
        CHECK(resolve("since Tuesday", "2016-03-01") == week("2016-02-23", "2016-03-01"));
    }
    SECTION("since yesterday") { CHECK(resolve("since yesterday", "2016-03-01") == week("2016-02-29", "2016-03-01")); }
    SECTION("since a date: longer than a week is precision month") {
        CHECK(resolve("since 1 September", "2016-09-23") == month("2016-09-01", "2016-09-23"));
        CHECK(resolve("since 20 September", "2016-09-23") == week("2016-09-20", "2016-09-23"));
    }
    SECTION("since a month") { CHECK(resolve("since August", "2016-09-23") == month("2016-08-01", "2016-09-23")); }
    SECTION("no publication day") { CHECK_FALSE(resolve("Forty have died since Tuesday.")); }
}

TEST_CASE("resolve_date picks the most precise expression of a sentence", "[extract][dates]") {
    SECTION("a day before a span") {
        CHECK(resolve("Since Tuesday the town has been shelled, and on Thursday a school was hit.", "2016-09-23") ==
              day("2016-09-22"));
    }
    SECTION("a day before a month") {
        CHECK(resolve("In August the offensive stalled, but on 3 September troops advanced.", "2016-09-23") ==
              day("2016-09-03"));
    }
    SECTION("the first of equally precise ones") {
        CHECK(resolve("A clinic was hit on Saturday and a bakery on Sunday.", "2016-09-26") == day("2016-09-24"));
    }
    SECTION("an absolute date when relative ones cannot be resolved") {
        CHECK(resolve("On Saturday, 17 September 2016, the convoy left.") == day("2016-09-17"));
    }
    SECTION("no date at all") {
        CHECK_FALSE(resolve("Fighting continued around the airport.", "2016-09-23"));
        CHECK_FALSE(resolve("", "2016-09-23"));
    }
}

#include <catch2/catch.hpp>

#include "extract/dates.hpp"

using extract::is_iso_date;

TEST_CASE("is_iso_date accepts real YYYY-MM-DD days", "[extract][dates]") {
    CHECK(is_iso_date("2016-11-20"));
    CHECK(is_iso_date("2016-01-01"));
    CHECK(is_iso_date("2016-12-31"));
    CHECK(is_iso_date("2016-04-30"));
    CHECK(is_iso_date("0000-01-01"));
    CHECK(is_iso_date("9999-12-31"));
}

TEST_CASE("is_iso_date knows the length of each month and the leap years", "[extract][dates]") {
    SECTION("February 29 only in leap years") {
        CHECK(is_iso_date("2024-02-29"));
        CHECK(is_iso_date("2000-02-29"));   // divisible by 400
        CHECK_FALSE(is_iso_date("2023-02-29"));
        CHECK_FALSE(is_iso_date("1900-02-29"));  // a century not divisible by 400
        CHECK_FALSE(is_iso_date("2024-02-30"));
    }
    SECTION("thirty-day months") {
        CHECK_FALSE(is_iso_date("2016-04-31"));
        CHECK_FALSE(is_iso_date("2016-06-31"));
        CHECK_FALSE(is_iso_date("2016-09-31"));
        CHECK_FALSE(is_iso_date("2016-11-31"));
        CHECK(is_iso_date("2016-07-31"));
        CHECK(is_iso_date("2016-08-31"));
    }
    SECTION("month and day out of range") {
        CHECK_FALSE(is_iso_date("2016-00-10"));
        CHECK_FALSE(is_iso_date("2016-13-01"));
        CHECK_FALSE(is_iso_date("2016-11-00"));
        CHECK_FALSE(is_iso_date("2016-01-32"));
    }
}

TEST_CASE("is_iso_date rejects other shapes", "[extract][dates]") {
    CHECK_FALSE(is_iso_date(""));
    CHECK_FALSE(is_iso_date("2016-1-20"));
    CHECK_FALSE(is_iso_date("16-11-20"));
    CHECK_FALSE(is_iso_date("2016/11/20"));
    CHECK_FALSE(is_iso_date("20161120"));
    CHECK_FALSE(is_iso_date("2016-11-20T08:00:00Z"));
    CHECK_FALSE(is_iso_date(" 2016-11-20"));
    CHECK_FALSE(is_iso_date("2016-11-2x"));
    CHECK_FALSE(is_iso_date("+016-11-20"));
    CHECK_FALSE(is_iso_date("2016-+1-20"));
    CHECK_FALSE(is_iso_date("November 20"));
}

#include <catch2/catch.hpp>

#include "gazetteer/geonames_row.hpp"

using gazetteer::GeonamesRow;
using gazetteer::parse_geonames_row;

namespace {
const std::string kRow =
    "1001\tDārayyā\tDarayya\tDaraya,Darayya\t33.45835\t36.23256\tP\tPPLA2\tSY\t\t08\t\t\t\t78000\t\t700\t"
    "Asia/Damascus\t2024-01-01";

std::string with_column(int index, const std::string& value) {
    std::vector<std::string> cols;
    std::string s = kRow;
    std::size_t pos = 0;
    for (;;) {
        auto tab = s.find('\t', pos);
        cols.push_back(s.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
        if (tab == std::string::npos) break;
        pos = tab + 1;
    }
    cols[static_cast<std::size_t>(index)] = value;
    std::string out;
    for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "\t" : "") + cols[i];
    return out;
}
}  // namespace

TEST_CASE("a GeoNames row parses into its fields", "[geonames]") {
    GeonamesRow row;
    REQUIRE(parse_geonames_row(kRow, row).empty());
    CHECK(row.geonameid == 1001);
    CHECK(row.name == "Dārayyā");
    CHECK(row.asciiname == "Darayya");
    CHECK(row.latitude == Approx(33.45835));
    CHECK(row.longitude == Approx(36.23256));
    CHECK(row.feature_class == "P");
    CHECK(row.feature_code == "PPLA2");
    CHECK(row.country_code == "SY");
    CHECK(row.admin1_code == "08");
    CHECK(row.population == 78000);
    CHECK(row.timezone == "Asia/Damascus");
    std::vector<std::string> alts;
    gazetteer::for_each_alternate_name(row.alternatenames, [&](std::string_view n) { alts.emplace_back(n); });
    CHECK(alts == std::vector<std::string>{"Daraya", "Darayya"});
}

TEST_CASE("an empty population is zero", "[geonames]") {
    GeonamesRow row;
    REQUIRE(parse_geonames_row(with_column(14, ""), row).empty());
    CHECK(row.population == 0);
}

TEST_CASE("malformed GeoNames rows are rejected with the column named", "[geonames]") {
    GeonamesRow row;
    SECTION("too few columns") {
        const auto error = parse_geonames_row(kRow.substr(0, kRow.rfind('\t')), row);
        CHECK_THAT(error, Catch::Contains("expected 19") && Catch::Contains("found 18"));
    }
    SECTION("too many columns") {
        CHECK_THAT(parse_geonames_row(kRow + "\textra", row), Catch::Contains("found more"));
    }
    SECTION("id") {
        CHECK_THAT(parse_geonames_row(with_column(0, "12a"), row), Catch::Contains("column 1 (geonameid)"));
        CHECK_THAT(parse_geonames_row(with_column(0, "0"), row), Catch::Contains("column 1 (geonameid)"));
    }
    SECTION("name") {
        CHECK_THAT(parse_geonames_row(with_column(1, ""), row), Catch::Contains("column 2 (name)"));
    }
    SECTION("latitude") {
        CHECK_THAT(parse_geonames_row(with_column(4, "95.1"), row), Catch::Contains("column 5 (latitude): '95.1'"));
        CHECK_THAT(parse_geonames_row(with_column(4, "north"), row), Catch::Contains("column 5 (latitude)"));
    }
    SECTION("longitude") {
        CHECK_THAT(parse_geonames_row(with_column(5, "-180.5"), row), Catch::Contains("column 6 (longitude)"));
    }
    SECTION("population") {
        CHECK_THAT(parse_geonames_row(with_column(14, "-5"), row), Catch::Contains("column 15 (population)"));
        CHECK_THAT(parse_geonames_row(with_column(14, "many"), row), Catch::Contains("column 15 (population)"));
    }
    SECTION("feature class") {
        CHECK_THAT(parse_geonames_row(with_column(6, "PP"), row), Catch::Contains("column 7 (feature class)"));
    }
}

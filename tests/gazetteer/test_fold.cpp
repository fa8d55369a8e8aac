#include <catch2/catch.hpp>

#include "gazetteer/fold.hpp"

using gazetteer::fold_name;

TEST_CASE("fold_name folds case and diacritics so spellings meet", "[fold]") {
    CHECK(fold_name("Dārayyā") == "darayya");
    CHECK(fold_name("Darayya") == "darayya");
    CHECK(fold_name("DARAYYA") == "darayya");
    CHECK(fold_name("Ḩalab") == "halab");
    CHECK(fold_name("Zürich") == "zurich");
    CHECK(fold_name("Genève") == "geneve");
}

TEST_CASE("fold_name turns hyphens and runs of space into one space", "[fold]") {
    CHECK(fold_name("Al-Kalasseh") == "al kalasseh");
    CHECK(fold_name("  New   York ") == "new york");
    CHECK(fold_name("Deir ez-Zor") == "deir ez zor");
    CHECK(fold_name("Washington, D.C.") == "washington dc");
}

TEST_CASE("fold_name drops apostrophes, transliteration marks and periods", "[fold]") {
    CHECK(fold_name("Ma'arrat al-Nu'man") == "maarrat al numan");
    CHECK(fold_name("Ma’arrat") == "maarrat");
    CHECK(fold_name("Maʿarrat") == "maarrat");
    CHECK(fold_name("U.S.") == "us");
    CHECK(fold_name("St. Louis") == "st louis");
}

TEST_CASE("fold_name spells letters without decomposition in plain Latin", "[fold]") {
    CHECK(fold_name("Straße") == "strasse");
    CHECK(fold_name("Øresund") == "oresund");
    CHECK(fold_name("Łódź") == "lodz");
    CHECK(fold_name("İstanbul") == "istanbul");
}

TEST_CASE("fold_name keeps non-Latin scripts as they are, case folded", "[fold]") {
    CHECK(fold_name("داريا") == fold_name("داريا"));
    CHECK_FALSE(fold_name("داريا").empty());
    CHECK(fold_name("МОСКВА") == "москва");
}

TEST_CASE("fold_name drops invalid UTF-8 and yields nothing for punctuation", "[fold]") {
    CHECK(fold_name("Dar\xff" "ayya") == "darayya");
    CHECK(fold_name("\xc3") == "");
    CHECK(fold_name("").empty());
    CHECK(fold_name(" - , . ").empty());
}

TEST_CASE("append_folded appends and reports whether it wrote", "[fold]") {
    std::string out = "x ";
    CHECK(gazetteer::append_folded("New-York", out));
    CHECK(out == "x new york");
    CHECK_FALSE(gazetteer::append_folded("--", out));
    CHECK(out == "x new york");
}

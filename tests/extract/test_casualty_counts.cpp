#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "extract/casualty_counts.hpp"
#include "extract/lexicon.hpp"
#include "fixtures.hpp"
#include "gazetteer/error.hpp"

using extract::CasualtyCounts;
using extract::CountKind;
using extract::CountValue;

namespace Catch {
template <>
struct StringMaker<extract::CountValue> {
    static std::string convert(const extract::CountValue& c) {
        constexpr const char* kinds[] = {"exact", "lower_bound", "upper_bound", "approximate", "range", "vague"};
        return std::to_string(c.value) + " " + kinds[static_cast<int>(c.kind)];
    }
};
template <>
struct StringMaker<std::optional<extract::CountValue>> {
    static std::string convert(const std::optional<extract::CountValue>& c) {
        return c ? StringMaker<extract::CountValue>::convert(*c) : "none";
    }
};
}  // namespace Catch

namespace {

const extract::CasualtyLexicon& lexicon() {
    static const auto lx = extract::CasualtyLexicon::load(extract::Lexicon::default_dir());
    return lx;
}

std::optional<CountValue> count(const std::string& phrase) { return extract::parse_count(phrase, lexicon()); }
CasualtyCounts casualties(const std::string& sentence) { return extract::find_casualties(sentence, lexicon()); }

CountValue exact(std::uint64_t v) { return {v, CountKind::exact}; }

}  // namespace

// ---- parse_count -----------------------------------------------------------------------------

TEST_CASE("parse_count reads digits", "[extract][casualties]") {
    SECTION("plain") {
        CHECK(count("54") == exact(54));
        CHECK(count("0") == exact(0));
        CHECK(count("  7 ") == exact(7));
    }
    SECTION("thousands separators") {
        CHECK(count("1,200") == exact(1200));
        CHECK(count("3,400,000") == exact(3400000));
    }
    SECTION("with a scale word") {
        CHECK(count("1.2 million") == exact(1200000));
        CHECK(count("2 million") == exact(2000000));
        CHECK(count("2.5 thousand") == exact(2500));
        CHECK(count("3 dozen") == exact(36));
    }
    SECTION("not counts") {
        CHECK_FALSE(count("1.5"));     // a fraction of a person
        CHECK_FALSE(count("1,20"));    // not a thousands group
        CHECK_FALSE(count("12345678901234567890"));
    }
}

TEST_CASE("parse_count reads number words", "[extract][casualties]") {
    CHECK(count("four") == exact(4));
    CHECK(count("Eleven") == exact(11));
    CHECK(count("twenty-one") == exact(21));
    CHECK(count("twenty one") == exact(21));
    CHECK(count("ninety") == exact(90));
    CHECK(count("a hundred") == exact(100));
    CHECK(count("one hundred") == exact(100));
    CHECK(count("two hundred and fifty") == exact(250));
    CHECK(count("two hundred fifty-three") == exact(253));
    CHECK(count("three thousand five hundred") == exact(3500));
    CHECK(count("a thousand") == exact(1000));
    CHECK(count("two dozen") == exact(24));
    SECTION("word sequences that are no number") {
        CHECK_FALSE(count("five six"));
        CHECK_FALSE(count("twenty twenty"));
        CHECK_FALSE(count("hundred hundred"));
        CHECK_FALSE(count("a"));
        CHECK_FALSE(count("and fifty"));
    }
}

TEST_CASE("parse_count codes vague counts by the ACLED conventions", "[extract][casualties]") {
    SECTION("plural round numbers") {
        CHECK(count("dozens") == CountValue{12, CountKind::vague});
        CHECK(count("hundreds") == CountValue{100, CountKind::vague});
        CHECK(count("thousands") == CountValue{1000, CountKind::vague});
        CHECK(count("scores") == CountValue{20, CountKind::vague});
        CHECK(count("tens") == CountValue{10, CountKind::vague});
    }
    SECTION("small indefinite numbers") {
        CHECK(count("several") == CountValue{3, CountKind::vague});
        CHECK(count("a few") == CountValue{3, CountKind::vague});
        CHECK(count("A Few") == CountValue{3, CountKind::vague});
    }
    SECTION("round figures") {
        CHECK(count("a dozen") == CountValue{12, CountKind::approximate});
        CHECK(count("half a dozen") == CountValue{6, CountKind::approximate});
    }
    SECTION("scaled") {
        CHECK(count("several hundred") == CountValue{300, CountKind::vague});
        CHECK(count("tens of thousands") == CountValue{10000, CountKind::vague});
        CHECK(count("hundreds of thousands") == CountValue{100000, CountKind::vague});
    }
    SECTION("none") { CHECK(count("no one") == exact(0)); }
}

TEST_CASE("parse_count keeps the figure of a qualified count and says how it is qualified", "[extract][casualties]") {
    SECTION("lower bounds") {
        CHECK(count("at least five") == CountValue{5, CountKind::lower_bound});
        CHECK(count("more than 600") == CountValue{600, CountKind::lower_bound});
        CHECK(count("over 100") == CountValue{100, CountKind::lower_bound});
        CHECK(count("no fewer than 9") == CountValue{9, CountKind::lower_bound});
        CHECK(count("50 or more") == CountValue{50, CountKind::lower_bound});
        CHECK(count("more than a dozen") == CountValue{12, CountKind::lower_bound});
    }
    SECTION("upper bounds") {
        CHECK(count("up to 30") == CountValue{30, CountKind::upper_bound});
        CHECK(count("as many as twelve") == CountValue{12, CountKind::upper_bound});
    }
    SECTION("approximations") {
        CHECK(count("nearly 40") == CountValue{40, CountKind::approximate});
        CHECK(count("almost 40") == CountValue{40, CountKind::approximate});
        CHECK(count("about 40") == CountValue{40, CountKind::approximate});
        CHECK(count("around forty") == CountValue{40, CountKind::approximate});
        CHECK(count("some 1,500") == CountValue{1500, CountKind::approximate});
        CHECK(count("20 or so") == CountValue{20, CountKind::approximate});
    }
    SECTION("a qualifier alone is no count") {
        CHECK_FALSE(count("at least"));
        CHECK_FALSE(count("more than"));
    }
}

TEST_CASE("parse_count keeps the low end of a range", "[extract][casualties]") {
    CHECK(count("two or three") == CountValue{2, CountKind::range});
    CHECK(count("between 30 and 40") == CountValue{30, CountKind::range});
    CHECK(count("between 40 and 30") == CountValue{30, CountKind::range});
    CHECK(count("5-10") == CountValue{5, CountKind::range});
    CHECK(count("at least 5-10") == CountValue{5, CountKind::lower_bound});
    CHECK_FALSE(count("between 30"));
}

TEST_CASE("parse_count rejects anything but a number phrase", "[extract][casualties]") {
    CHECK_FALSE(count(""));
    CHECK_FALSE(count("people"));
    CHECK_FALSE(count("five people"));
    CHECK_FALSE(count("killed five"));
}

// ---- find_casualties -------------------------------------------------------------------------

TEST_CASE("find_casualties links a count to a casualty word after it", "[extract][casualties]") {
    SECTION("across a noun phrase and auxiliaries") {
        const auto c = casualties("Medical staff reported that 31 villagers had been killed in the raid.");
        CHECK(c.killed == exact(31));
        CHECK_FALSE(c.injured);
    }
    SECTION("a qualified count") {
        CHECK(casualties("More than 600 civilians were killed during the siege of the old city.").killed ==
              CountValue{600, CountKind::lower_bound});
    }
    SECTION("a casualty noun") {
        CHECK(casualties("The clinic recorded four deaths by nightfall.").killed == exact(4));
        CHECK(casualties("Officials confirmed 1,200 fatalities.").killed == exact(1200));
    }
    SECTION("a count in words") {
        CHECK(casualties("Twenty-one fighters died near the dam.").killed == exact(21));
        CHECK(casualties("Two hundred and fifty prisoners were executed.").killed == exact(250));
    }
    SECTION("injured") {
        CHECK(casualties("The explosion left 14 injured.").injured == exact(14));
        CHECK(casualties("Dozens were wounded when the stands collapsed.").injured == CountValue{12, CountKind::vague});
        CHECK_FALSE(casualties("Dozens were wounded when the stands collapsed.").killed);
    }
    SECTION("nobody") { CHECK(casualties("No one was hurt in the fire.").injured == exact(0)); }
}

TEST_CASE("find_casualties links a count to a casualty word right before it", "[extract][casualties]") {
    SECTION("killing") {
        CHECK(casualties("A truck bomb went off near the market, killing at least 37 people.").killed ==
              CountValue{37, CountKind::lower_bound});
    }
    SECTION("wounding") { CHECK(casualties("The shell landed in a schoolyard, wounding 14.").injured == exact(14)); }
    SECTION("killed and wounded in one sentence") {
        const auto c = casualties("Gunmen killed two and wounded five at the checkpoint.");
        CHECK(c.killed == exact(2));
        CHECK(c.injured == exact(5));
    }
    SECTION("the object of the verb, not its subject") {
        const auto c = casualties("Two car bombs killed 15 people outside the ministry.");
        CHECK(c.killed == exact(15));
    }
}

TEST_CASE("find_casualties reads both outcomes of a sentence", "[extract][casualties]") {
    const auto c = casualties("Nine soldiers were killed and about 20 injured in the ambush.");
    CHECK(c.killed == exact(9));
    CHECK(c.injured == CountValue{20, CountKind::approximate});
}

TEST_CASE("find_casualties reads a death toll", "[extract][casualties]") {
    SECTION("toll of") { CHECK(casualties("The death toll of 48 is expected to rise.").killed == exact(48)); }
    SECTION("toll rose to") { CHECK(casualties("By evening the toll had risen to 73.").killed == exact(73)); }
    SECTION("from one figure to another") {
        CHECK(casualties("The death toll climbed from 30 to 45 overnight.").killed == exact(45));
    }
}

TEST_CASE("find_casualties ignores counts that name part of another group", "[extract][casualties]") {
    SECTION("including, set off by commas") {
        const auto c = casualties("Rescuers said 54 people, including at least five children, had been killed.");
        CHECK(c.killed == exact(54));
    }
    SECTION("including, without commas") {
        CHECK(casualties("The strike killed 10 people including three children.").killed == exact(10));
        CHECK(casualties("Eight people including two nurses were injured.").injured == exact(8));
    }
    SECTION("of them") {
        CHECK(casualties("Five soldiers, two of them officers, were killed.").killed == exact(5));
    }
}

TEST_CASE("find_casualties adds counts joined before one casualty word", "[extract][casualties]") {
    const auto c = casualties("Three soldiers and two police officers were killed.");
    CHECK(c.killed == exact(5));
    const auto mixed = casualties("At least three soldiers and two police officers were killed.");
    CHECK(mixed.killed == CountValue{5, CountKind::lower_bound});
}

TEST_CASE("find_casualties keeps the lowest of several figures for one outcome", "[extract][casualties]") {
    SECTION("two sources") {
        CHECK(casualties("Medics counted 60 dead, while the army reported 54 dead.").killed == exact(54));
        CHECK(casualties("The army reported 54 dead, while medics counted 60 dead.").killed == exact(54));
    }
    SECTION("a count and a toll") {
        CHECK(casualties("The ministry said 41 were killed, but activists put the toll at 58.").killed == exact(41));
    }
    SECTION("outcomes are kept apart") {
        const auto c = casualties("Officials said 3 died and 40 were wounded.");
        CHECK(c.killed == exact(3));
        CHECK(c.injured == exact(40));
    }
}

TEST_CASE("find_casualties does not read numbers of other things as people", "[extract][casualties]") {
    SECTION("distances and durations") {
        CHECK(casualties("Two shepherds were killed 5 km from the border.").killed == exact(2));
        CHECK(casualties("Fighting over 3 days killed 40 people.").killed == exact(40));
        CHECK_FALSE(casualties("A 12-year-old boy was killed.").killed);
    }
    SECTION("calendar days") { CHECK_FALSE(casualties("On 5 September militants killed a farmer.").killed); }
    SECTION("a clause boundary") {
        const auto c = casualties("Police detained 20 men after two officers were killed.");
        CHECK(c.killed == exact(2));
    }
    SECTION("a count with no casualty word") {
        const auto c = casualties("About 300 families fled the town.");
        CHECK_FALSE(c.killed);
        CHECK_FALSE(c.injured);
    }
}

TEST_CASE("find_casualties flags totals over several days", "[extract][casualties]") {
    SECTION("span phrases") {
        CHECK(casualties("At least 70 people have been killed since Tuesday.").total_over_days);
        CHECK(casualties("Over the past week, 25 people died in the clashes.").total_over_days);
        CHECK(casualties("In the past three days 18 were wounded.").total_over_days);
        CHECK(casualties("The group says 900 civilians have died this year.").total_over_days);
        CHECK(casualties("Some 400 fighters have been killed since the start of the offensive.").total_over_days);
    }
    SECTION("one event") {
        const auto c = casualties("At least 70 people were killed in the bombing.");
        CHECK(c.killed == CountValue{70, CountKind::lower_bound});
        CHECK_FALSE(c.total_over_days);
    }
    SECTION("only with a reported count: numbers and a span phrase without a casualty word") {
        const auto c = casualties("Since Tuesday, 70 lorries have crossed the bridge.");
        CHECK_FALSE(c.killed);
        CHECK_FALSE(c.total_over_days);
    }
}

TEST_CASE("find_casualties needs a casualty word or toll phrase as well as a number", "[extract][casualties]") {
    SECTION("numbers alone report nothing") {
        const auto c = casualties("Some 300 trucks carried 4,000 tonnes of flour to 12 districts.");
        CHECK_FALSE(c.killed);
        CHECK_FALSE(c.injured);
    }
    SECTION("a toll phrase alone links its count, whatever word starts it") {
        CHECK(casualties("By Sunday the toll had reached 41.").killed == CountValue{41, CountKind::exact});
        CHECK(casualties("The number of wounded rose to 12.").injured == CountValue{12, CountKind::exact});
    }
    SECTION("a casualty word alone links its count") {
        CHECK(casualties("Nine were wounded.").injured == CountValue{9, CountKind::exact});
    }
}

TEST_CASE("CasualtyLexicon::load reports the file and line of a bad row", "[extract][casualties]") {
    testing::TempDir dir;
    for (const char* name : {"number_words.txt", "vague_counts.txt", "count_qualifiers.txt", "casualty_words.txt", "casualty_cues.txt"}) {
        std::filesystem::copy_file(extract::Lexicon::default_dir() / name, dir / name);
    }
    auto expect_error = [&](const std::string& file, const std::string& content, const std::string& message) {
        testing::write_file(dir / file, content);
        try {
            (void)extract::CasualtyLexicon::load(dir.path());
            FAIL("no error for " << file);
        } catch (const gazetteer::InputError& e) {
            CHECK(e.file() == (dir / file).string());
            CHECK(e.line() == 2);
            CHECK_THAT(e.what(), Catch::Contains(message));
        }
    };
    SECTION("a vague count that is no number") { expect_error("vague_counts.txt", "# c\nheaps\tmany\tvague\n", "not a whole number"); }
    SECTION("an unknown kind") { expect_error("count_qualifiers.txt", "# c\nat least\tlowish\tbefore\n", "not a kind of count"); }
    SECTION("an unknown outcome") { expect_error("casualty_words.txt", "# c\nkilled\tdead\n", "not killed or injured"); }
    SECTION("a missing column") { expect_error("number_words.txt", "# c\nseven\t7\n", "3 tab-separated"); }
    SECTION("an unknown cue role") { expect_error("casualty_cues.txt", "# c\nsince\twhen\n", "not a cue role"); }
    SECTION("a missing file") {
        std::filesystem::remove(dir / "casualty_cues.txt");
        CHECK_THROWS_AS(extract::CasualtyLexicon::load(dir.path()), gazetteer::InputError);
    }
    SECTION("a user's addition is read") {
        testing::write_file(dir / "vague_counts.txt", "a great many\t50\tvague\n");
        const auto lx = extract::CasualtyLexicon::load(dir.path());
        CHECK(extract::parse_count("a great many", lx) == CountValue{50, CountKind::vague});
        CHECK_FALSE(extract::parse_count("dozens", lx));
    }
}

TEST_CASE("find_casualties accepts any text", "[extract][casualties]") {
    SECTION("empty") {
        const auto c = casualties("");
        CHECK_FALSE(c.killed);
        CHECK_FALSE(c.injured);
        CHECK_FALSE(c.total_over_days);
    }
    SECTION("invalid UTF-8 between a verb and a number") { CHECK_FALSE(casualties("killed \xff\xfe 5").killed); }
    SECTION("a clause that never closes does not reach far") {
        std::string text = "5 (";
        for (int i = 0; i < 5000; ++i) text += "word ";
        text += "killed";
        CHECK_FALSE(casualties(text).killed);
        CHECK(casualties("5 (word word) killed").killed == exact(5));
    }
}

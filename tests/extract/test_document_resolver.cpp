#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/document_resolver.hpp"
#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "extract/mini_geoparser.hpp"
#include "fixtures.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/mini_gazetteer.hpp"

using extract::Mention;

namespace {

// The population baseline on the shared fixture gazetteer.
const extract::Geoparser& baseline() {
    static const extract::Geoparser b(testing::mini_geoparser().gaz, testing::mini_geoparser().lexicon,
                                      {.population_baseline = true});
    return b;
}

std::vector<Mention> parse(const std::string& text, bool population_baseline = false) {
    extract::Document doc;
    doc.id = "test";
    doc.text = text;
    return (population_baseline ? baseline() : testing::mini_geoparser().geoparser).parse(doc);
}

std::string place_id(const Mention& m) { return m.place ? std::string(m.place->place_id) : std::string("(unresolved)"); }

// The place ids of every mention whose text is `name`, in text order.
std::vector<std::string> ids_of(const std::vector<Mention>& ms, const std::string& name) {
    std::vector<std::string> out;
    for (const auto& m : ms) {
        if (m.text == name) out.push_back(place_id(m));
    }
    return out;
}

void check_confidences(const std::vector<Mention>& ms) {
    for (const auto& m : ms) {
        INFO(m.text << " -> " << place_id(m));
        CHECK(m.confidence >= 0.0);
        CHECK(m.confidence <= 1.0);
        if (m.place) CHECK(m.confidence > 0.0);
        else CHECK(m.confidence == 0.0);
    }
}

}  // namespace

TEST_CASE("a level qualifier chooses the division, its absence the city", "[extract][resolver]") {
    SECTION("Idlib province") {
        const auto ms = parse("Shelling in Idlib province killed four people on Monday.");
        CHECK(ids_of(ms, "Idlib") == std::vector<std::string>{"adm1:SY.12"});
        REQUIRE(ms.size() == 1);
        CHECK(ms[0].place->feature_code == "ADM1");
    }
    SECTION("the province of Idlib") {
        CHECK(ids_of(parse("Troops entered the province of Idlib on Monday."), "Idlib") == std::vector<std::string>{"adm1:SY.12"});
    }
    SECTION("Aleppo province: the division with its GeoNames id") {
        CHECK(ids_of(parse("Shelling hit Aleppo province again on Monday."), "Aleppo") == std::vector<std::string>{"geonames:9101"});
    }
    SECTION("Idlib alone is the city") {
        const auto ms = parse("Shelling in Idlib killed four people on Monday.");
        CHECK(ids_of(ms, "Idlib") == std::vector<std::string>{"geonames:1003"});
    }
    SECTION("a compass part of a big city is the city") {
        CHECK(ids_of(parse("Jets struck eastern Aleppo overnight, residents said."), "Aleppo") ==
              std::vector<std::string>{"geonames:1002"});
    }
    SECTION("a compass part of a small city is the division") {
        CHECK(ids_of(parse("Rebels still hold northwest Idlib after the offensive."), "Idlib") ==
              std::vector<std::string>{"adm1:SY.12"});
    }
}

TEST_CASE("a container named next to a name chooses among its namesakes", "[extract][resolver]") {
    SECTION("Springfield, Illinois") {
        const auto ms = parse("Storms knocked out power in Springfield, Illinois, for most of the night.");
        CHECK(ids_of(ms, "Springfield") == std::vector<std::string>{"geonames:1023"});
        CHECK(ids_of(ms, "Illinois") == std::vector<std::string>{"adm1:US.IL"});
    }
    SECTION("Springfield, Missouri") {
        const auto ms = parse("Storms knocked out power in Springfield, Missouri, for most of the night.");
        CHECK(ids_of(ms, "Springfield") == std::vector<std::string>{"geonames:1024"});
        CHECK(ids_of(ms, "Missouri") == std::vector<std::string>{"adm1:US.MO"});
    }
    SECTION("the population baseline ignores the container") {
        // Springfield MO is the more populous of the two
        const auto ms = parse("Storms knocked out power in Springfield, Illinois, for most of the night.", true);
        CHECK(ids_of(ms, "Springfield") == std::vector<std::string>{"geonames:1024"});
    }
}

TEST_CASE("the document's country focus chooses among namesakes", "[extract][resolver]") {
    SECTION("an article about Switzerland") {
        const auto ms = parse(
            "Bankers met in Z\xC3\xBCrich on Monday. Switzerland will host the next round of talks in Geneva "
            "later this month.");
        CHECK(ids_of(ms, "Geneva") == std::vector<std::string>{"geonames:1011"});
    }
    SECTION("an article full of Illinois places") {
        const auto ms = parse(
            "Flooding closed several roads in Springfield, Illinois, on Monday. Crews from Geneva helped to clear "
            "the debris.");
        CHECK(ids_of(ms, "Geneva") == std::vector<std::string>{"geonames:1021"});
        REQUIRE(ms.back().place);
        CHECK(ms.back().place->admin1_code == "US.IL");
    }
}

TEST_CASE("with no context, a famous place wins over small namesakes", "[extract][resolver]") {
    const auto ms = parse("Talks resumed in Geneva on Tuesday after a short break.");
    REQUIRE(ms.size() == 1);
    CHECK(place_id(ms[0]) == "geonames:1011");
    CHECK(ms[0].candidates >= 3);  // Genève, Geneva IL, Geneva NY (and the canton)
    CHECK(ms[0].confidence > 0.5);
}

TEST_CASE("a name means one place throughout a document, at each level", "[extract][resolver]") {
    SECTION("the same name twice") {
        const auto ms = parse(
            "Talks were held in Geneva last week. Flooding then closed several roads in Springfield, Illinois, and "
            "crews from Geneva helped to clear the debris.");
        const auto genevas = ids_of(ms, "Geneva");
        REQUIRE(genevas.size() == 2);
        CHECK(genevas[0] == genevas[1]);
    }
    SECTION("a container's reading carries to the bare name") {
        const auto ms = parse(
            "Storms knocked out power in Springfield, Missouri, overnight. By the morning, power had returned to "
            "most homes in Springfield.");
        CHECK(ids_of(ms, "Springfield") == std::vector<std::string>{"geonames:1024", "geonames:1024"});
    }
    SECTION("a division and the city of the same name stay apart") {
        const auto ms = parse("Troops entered the province of Idlib on Monday. Idlib itself was quiet.");
        CHECK(ids_of(ms, "Idlib") == std::vector<std::string>{"adm1:SY.12", "geonames:1003"});
    }
}

TEST_CASE("a name with no good candidate stays unresolved", "[extract][resolver]") {
    SECTION("sixteen equally likely namesakes") {
        REQUIRE(testing::mini_geoparser().gaz.lookup("Fairview", {"", 0}).size() == 16);
        const auto ms = parse("A tornado touched down near Fairview on Sunday, damaging several barns.");
        REQUIRE(ms.size() == 1);
        CHECK(ms[0].text == "Fairview");
        CHECK_FALSE(ms[0].place);
        CHECK(ms[0].confidence == 0.0);
        CHECK(ms[0].candidates == 16);
    }
    SECTION("a mention without candidates gets no choice") {
        extract::RawMention raw;
        std::vector<extract::MentionEvidence> evidence(1);
        evidence[0].raw = &raw;
        evidence[0].key = "nowhere";
        const auto resolutions = extract::resolve_document(evidence, testing::mini_geoparser().gaz, false);
        REQUIRE(resolutions.size() == 1);
        CHECK_FALSE(resolutions[0].choice);
        CHECK(resolutions[0].confidence == 0.0);
    }
    SECTION("no mentions, no resolutions") {
        CHECK(extract::resolve_document({}, testing::mini_geoparser().gaz, false).empty());
    }
}

TEST_CASE("confidence is in [0, 1], 0 only when unresolved", "[extract][resolver]") {
    const auto ms = parse(
        "Shelling hit eastern Aleppo and the outskirts of Idlib on Monday. Moscow and Damascus have rejected the "
        "plan. Talks were held in Geneva, and the Syrian army said it entered Manbij. Storms hit Springfield, "
        "Missouri, on Sunday.");
    REQUIRE(ms.size() >= 8);
    check_confidences(ms);
    SECTION("unresolved") {
        check_confidences(parse("A tornado touched down near Fairview on Sunday, damaging several barns."));
    }
    SECTION("the population baseline") {
        check_confidences(parse("Talks were held in Geneva, and storms hit Springfield and eastern Aleppo on Monday.", true));
    }
}

namespace {

// A one-file gazetteer in `dir` whose only places are the rows given.
std::filesystem::path gazetteer_of(const testing::TempDir& dir, const std::string& name, const std::string& rows) {
    testing::write_file(dir / (name + ".txt"), rows);
    gazetteer::BuildOptions o;
    o.output = dir / (name + ".sqlite");
    o.geonames_files = {(dir / (name + ".txt")).string()};
    gazetteer::build_gazetteer(o);
    return o.output;
}

std::string first_place(const extract::Geoparser& geoparser, const std::string& text) {
    extract::Document doc;
    doc.id = "memo";
    doc.text = text;
    const auto ms = geoparser.parse(doc);
    return ms.empty() ? std::string("(none)") : place_id(ms.front());
}

}  // namespace

TEST_CASE("candidate lists kept between articles belong to the gazetteer they came from", "[resolver]") {
    // Two places of one name in each gazetteer, under the same postings (places 0 and 1, primary
    // names), the larger first in one and second in the other: a thread that parsed with the
    // first must not rank the second's candidates with the first's.
    testing::TempDir dir;
    const auto lexicon = extract::Lexicon::load(extract::Lexicon::default_dir());
    const std::string text = "Shelling hit Qaryatayn on Monday.";
    const std::string small = "\tQaryatayn\tQaryatayn\t\t34.23\t37.24\tP\tPPL\tSY\t\t08\t\t\t\t300\t\t400\tAsia/Damascus\t2024-01-01\n";
    const std::string large = "\tQaryatayn\tQaryatayn\t\t33.50\t36.30\tP\tPPLA\tSY\t\t08\t\t\t\t90000\t\t400\tAsia/Damascus\t2024-01-01\n";
    const auto a = gazetteer_of(dir, "a", "7001" + small + "7002" + large);
    const auto b = gazetteer_of(dir, "b", "7003" + large + "7004" + small);
    {
        const gazetteer::Gazetteer gaz(a);
        CHECK(first_place(extract::Geoparser(gaz, lexicon), text) == "geonames:7002");
    }
    {
        const gazetteer::Gazetteer gaz(b);  // may reuse the first one's memory
        CHECK(first_place(extract::Geoparser(gaz, lexicon), text) == "geonames:7003");
    }
    const gazetteer::Gazetteer ga(a);
    const gazetteer::Gazetteer gb(b);
    const extract::Geoparser pa(ga, lexicon);
    const extract::Geoparser pb(gb, lexicon);
    for (int round = 0; round < 3; ++round) {  // alternating, each answer its own gazetteer's
        CHECK(first_place(pa, text) == "geonames:7002");
        CHECK(first_place(pb, text) == "geonames:7003");
    }
}

TEST_CASE("a place named near another place of the article wins over a larger namesake far away", "[resolver]") {
    // Two Maraqils in one province: the larger far south, the smaller a few kilometres from Sabkhat
    // Dira, named in the same sentence.
    testing::TempDir dir;
    const auto lexicon = extract::Lexicon::load(extract::Lexicon::default_dir());
    const auto row = [](const char* id, const char* name, const char* lat, const char* lon, const char* population) {
        return std::string(id) + "\t" + name + "\t" + name + "\t\t" + lat + "\t" + lon + "\tP\tPPL\tSY\t\t08\t\t\t\t" +
               population + "\t\t400\tAsia/Damascus\t2024-01-01\n";
    };
    const auto path = gazetteer_of(dir, "near", row("7101", "Maraqil", "32.70", "36.10", "6000") +
                                                   row("7102", "Maraqil", "35.50", "38.00", "2000") +
                                                   row("7103", "Sabkhat Dira", "35.55", "38.05", "900"));
    const gazetteer::Gazetteer gaz(path);
    const extract::Geoparser geoparser(gaz, lexicon);
    extract::Document doc;
    doc.id = "near";
    doc.text = "Shelling hit Sabkhat Dira and Maraqil on Monday.";
    const auto ms = geoparser.parse(doc);
    CHECK(ids_of(ms, "Sabkhat Dira") == std::vector<std::string>{"geonames:7103"});
    CHECK(ids_of(ms, "Maraqil") == std::vector<std::string>{"geonames:7102"});
    // alone, the larger one
    doc.text = "Shelling hit Maraqil on Monday.";
    CHECK(ids_of(geoparser.parse(doc), "Maraqil") == std::vector<std::string>{"geonames:7101"});
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/geoparse_scores.hpp"
#include "cli/cli_fixture.hpp"
#include "fixtures.hpp"
#include "geo/distance.hpp"

namespace {

std::string q(const std::filesystem::path& p) { return testing::shell_quote(p); }
std::string geoevents() { return testing::geoevents_with_fixture_gazetteer(); }

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

const nlohmann::json& line_with(const std::vector<nlohmann::json>& lines, const std::string& doc_id, const std::string& text) {
    for (const auto& j : lines) {
        if (j.at("doc_id") == doc_id && j.at("text") == text) return j;
    }
    FAIL("no mention '" << text << "' of " << doc_id);
    throw;  // not reached
}

// Three articles: a plain text file with a non-ASCII letter before the name, and a JSON Lines
// file of two.
void write_articles(const testing::TempDir& dir) {
    testing::write_file(dir / "cafe.txt", "Caf\xC3\xA9 owners in Aleppo reopened their doors after the long winter.\n");
    testing::write_file(dir / "news.jsonl",
                        "{\"id\": \"n1\", \"text\": \"Rockets fell overnight on the town of D\\u0101rayy\\u0101 near "
                        "Damascus, residents said.\", \"published\": \"2024-03-01\"}\n"
                        "{\"text\": \"Talks resumed in Geneva on Tuesday after a short break.\"}\n");
}

}  // namespace

TEST_CASE("places writes one JSON line per mention with the documented fields", "[cli][places]") {
    testing::TempDir dir;
    write_articles(dir);
    const auto r = testing::run_command(geoevents() + " places " + q(dir / "cafe.txt") + " " + q(dir / "news.jsonl"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("3 articles"));
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 4);
    for (const auto& j : lines) {
        for (const char* field : {"doc_id", "start", "end", "text", "kind", "qualifier", "place_id", "name", "feature_code",
                                  "country_code", "admin1", "latitude", "longitude", "confidence"}) {
            INFO(j.dump() << " lacks " << field);
            CHECK(j.contains(field));
        }
        CHECK(j.at("confidence").get<double>() >= 0.0);
        CHECK(j.at("confidence").get<double>() <= 1.0);
    }
    SECTION("a plain text file: id from the file name, offsets in code points") {
        const auto& aleppo = line_with(lines, "cafe", "Aleppo");
        CHECK(aleppo.at("start") == 15);  // "Café" is 4 code points, 5 bytes
        CHECK(aleppo.at("end") == 21);
        CHECK(aleppo.at("kind") == "literal");
        CHECK(aleppo.at("qualifier").is_null());
        CHECK(aleppo.at("place_id") == "geonames:1002");
        CHECK(aleppo.at("name") == "Aleppo");
        CHECK(aleppo.at("feature_code") == "PPLA");
        CHECK(aleppo.at("country_code") == "SY");
        CHECK(aleppo.at("admin1") == "Aleppo");
        CHECK(aleppo.at("latitude").get<double>() == Approx(36.20124));
        CHECK(aleppo.at("longitude").get<double>() == Approx(37.16117));
    }
    SECTION("JSON Lines: the id field, else file:line") {
        const auto& darayya = line_with(lines, "n1", "D\xC4\x81rayy\xC4\x81");
        CHECK(darayya.at("start") == 38);
        CHECK(darayya.at("end") == 45);  // 7 code points, 9 bytes
        CHECK(darayya.at("place_id") == "geonames:1001");
        const auto& damascus = line_with(lines, "n1", "Damascus");
        CHECK(damascus.at("start") == 51);
        CHECK(damascus.at("qualifier") == "near");
        const auto& geneva = line_with(lines, "news:2", "Geneva");
        CHECK(geneva.at("start") == 17);
        CHECK(geneva.at("name") == "Gen\xC3\xA8ve");
    }
}

TEST_CASE("places marks an unresolved mention with nulls and confidence 0", "[cli][places]") {
    testing::TempDir dir;
    testing::write_file(dir / "storm.txt", "A tornado touched down near Fairview on Sunday, damaging several barns.");
    const auto r = testing::run_command(geoevents() + " -q places " + q(dir / "storm.txt"));
    REQUIRE(r.status == 0);
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].at("text") == "Fairview");
    for (const char* field : {"place_id", "name", "feature_code", "country_code", "admin1", "latitude", "longitude"}) {
        INFO(field);
        CHECK(lines[0].at(field).is_null());
    }
    CHECK(lines[0].at("confidence") == 0.0);
}

TEST_CASE("places -o writes the file and nothing to stdout", "[cli][places]") {
    testing::TempDir dir;
    write_articles(dir);
    const auto inputs = " " + q(dir / "cafe.txt") + " " + q(dir / "news.jsonl");
    const auto to_stdout = testing::run_command(geoevents() + " -q places" + inputs);
    REQUIRE(to_stdout.status == 0);
    const auto out_dir = dir / "out";
    std::filesystem::create_directory(out_dir);
    const auto r = testing::run_command(geoevents() + " places -o " + q(out_dir / "mentions.jsonl") + inputs);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    REQUIRE(std::filesystem::exists(out_dir / "mentions.jsonl"));
    CHECK(testing::read_file(out_dir / "mentions.jsonl") == to_stdout.out);
    SECTION("no temporary file is left beside it") {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(out_dir)) names.push_back(e.path().filename().string());
        CHECK(names == std::vector<std::string>{"mentions.jsonl"});
    }
    SECTION("a run that fails leaves an earlier output untouched") {
        const auto failed = testing::run_command(geoevents() + " places -o " + q(out_dir / "mentions.jsonl") + " " +
                                                 q(dir / "no-such-article.txt"));
        CHECK(failed.status == 1);
        CHECK_THAT(failed.err, Catch::Contains("no-such-article.txt"));
        CHECK(testing::read_file(out_dir / "mentions.jsonl") == to_stdout.out);
    }
    SECTION("a run that fails creates no file") {
        const auto failed = testing::run_command(geoevents() + " places -o " + q(out_dir / "other.jsonl") + " " +
                                                 q(dir / "no-such-article.txt"));
        CHECK(failed.status == 1);
        CHECK_FALSE(std::filesystem::exists(out_dir / "other.jsonl"));
    }
}

TEST_CASE("places --published takes only a real date", "[cli][places]") {
    testing::TempDir dir;
    write_articles(dir);
    SECTION("a bad date is a usage error") {
        for (const char* date : {"bad-date", "2024-13-01", "2023-02-29", "1.3.2024"}) {
            INFO(date);
            const auto r = testing::run_command(geoevents() + " places --published " + date + " " + q(dir / "cafe.txt"));
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK_THAT(r.err, Catch::Contains("--published") && Catch::Contains(date));
        }
    }
    SECTION("a good one is accepted") {
        const auto r = testing::run_command(geoevents() + " -q places --published 2024-02-29 " + q(dir / "cafe.txt"));
        CHECK(r.status == 0);
        CHECK(json_lines(r.out).size() == 1);
    }
}

TEST_CASE("places skips inputs it cannot read and goes on with the others", "[cli][places]") {
    testing::TempDir dir;
    write_articles(dir);
    testing::write_file(dir / "photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR Aleppo", 23));
    const auto r = testing::run_command(geoevents() + " places " + q(dir / "photo.txt") + " " + q(dir / "missing.txt") +
                                        " " + q(dir / "cafe.txt"));
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("photo.txt") && Catch::Contains("not a text file"));
    CHECK_THAT(r.err, Catch::Contains("missing.txt"));
    CHECK_THAT(r.err, Catch::Contains("(skipped)"));
    CHECK_THAT(r.err, Catch::Contains("1 articles") && Catch::Contains("2 inputs skipped"));
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].at("doc_id") == "cafe");
    SECTION("nothing readable at all is an error") {
        const auto none = testing::run_command(geoevents() + " places " + q(dir / "photo.txt"));
        CHECK(none.status == 1);
        CHECK(none.out.empty());
        CHECK_THAT(none.err, Catch::Contains("no article"));
    }
}

TEST_CASE("places -j 2 writes what -j 1 writes, in the same order", "[cli][places]") {
    testing::TempDir dir;
    const char* sentences[] = {
        "Shelling hit eastern Aleppo again on Monday, residents said.",
        "Troops entered the province of Idlib after a week of fighting.",
        "Storms knocked out power in Springfield, Missouri, for most of the night.",
        "Moscow and Damascus have rejected the proposal for a ceasefire.",
        "Talks resumed in Geneva on Tuesday after a short break.",
        "A tornado touched down near Fairview on Sunday, damaging several barns.",
    };
    std::string jsonl;
    std::string inputs;
    for (int i = 0; i < 6; ++i) {
        const auto name = "a" + std::to_string(i) + ".txt";
        testing::write_file(dir / name, sentences[i]);
        inputs += " " + q(dir / name);
    }
    for (int k = 0; k < 40; ++k) jsonl += nlohmann::json{{"id", k}, {"text", sentences[k % 6]}}.dump() + "\n";
    testing::write_file(dir / "many.jsonl", jsonl);
    inputs += " " + q(dir / "many.jsonl");
    const auto one = testing::run_command(geoevents() + " -q places -j 1" + inputs);
    const auto two = testing::run_command(geoevents() + " -q places -j 2" + inputs);
    REQUIRE(one.status == 0);
    REQUIRE(two.status == 0);
    CHECK(json_lines(one.out).size() > 46);
    CHECK(two.out == one.out);
}

namespace {

nlohmann::json eval_json(const std::string& corpus, const std::string& extra = "") {
    const auto r = testing::run_command(geoevents() + " eval " + q(testing::fixture_path("corpora/" + corpus)) + " --json" + extra);
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    return nlohmann::json::parse(r.out);
}

void check_score_fields(const nlohmann::json& s) {
    for (const char* field : {"gold", "predicted", "precision", "recall", "f1", "geocoded", "accuracy_161km", "auc",
                              "mean_error_km", "median_error_km"}) {
        INFO(field);
        REQUIRE(s.contains(field));
    }
    for (const char* field : {"precision", "recall", "f1", "accuracy_161km", "auc"}) {
        INFO(field);
        CHECK(s.at(field).get<double>() >= 0.0);
        CHECK(s.at(field).get<double>() <= 1.0);
    }
}

}  // namespace

// mini_lgl.xml with the mini gazetteer: of the 7 gold toponyms only Rennes and Nantes are in the
// gazetteer (with the gold coordinates); nothing else in the three articles names a place.
TEST_CASE("eval --json scores the LGL corpus as counted by hand", "[cli][eval]") {
    const auto j = eval_json("mini_lgl.xml");
    CHECK(j.at("articles") == 3);
    CHECK_THAT(j.at("corpus").get<std::string>(), Catch::EndsWith("mini_lgl.xml"));
    CHECK(j.at("seconds").get<double>() >= 0.0);
    const auto& s = j.at("geoevents");
    check_score_fields(s);
    CHECK(s.at("gold") == 7);
    CHECK(s.at("predicted") == 2);
    CHECK(s.at("precision").get<double>() == Approx(1.0));
    CHECK(s.at("recall").get<double>() == Approx(2.0 / 7.0));
    CHECK(s.at("f1").get<double>() == Approx(4.0 / 9.0));
    CHECK(s.at("geocoded") == 2);
    CHECK(s.at("accuracy_161km").get<double>() == Approx(1.0));
    CHECK(s.at("mean_error_km").get<double>() == Approx(0.0).margin(1e-6));
    CHECK(s.at("auc").get<double>() == Approx(0.0).margin(1e-6));
    SECTION("the baseline differs only in resolution: same recognition") {
        const auto& b = j.at("population_baseline");
        check_score_fields(b);
        CHECK(b.at("predicted") == s.at("predicted"));
        CHECK(b.at("recall") == s.at("recall"));
    }
    SECTION("--no-baseline leaves it out") {
        CHECK_FALSE(eval_json("mini_lgl.xml", " --no-baseline").contains("population_baseline"));
    }
}

// mini_geovirus.xml: 4 gold toponyms (Mérida, Progreso; Yucatán, Campeche). The gazetteer has
// Mérida in Yucatán and only a Progreso in Uruguay: both recognised, one placed far off.
TEST_CASE("eval --json scores the GeoVirus corpus as counted by hand", "[cli][eval]") {
    testing::TempDir dir;
    const auto j = eval_json("mini_geovirus.xml", " --details " + q(dir / "details.tsv"));
    CHECK(j.at("articles") == 2);
    const auto& s = j.at("geoevents");
    check_score_fields(s);
    CHECK(s.at("gold") == 4);
    CHECK(s.at("predicted") == 2);
    CHECK(s.at("precision").get<double>() == Approx(1.0));
    CHECK(s.at("recall").get<double>() == Approx(0.5));
    CHECK(s.at("f1").get<double>() == Approx(2.0 / 3.0));
    CHECK(s.at("geocoded") == 2);
    CHECK(s.at("accuracy_161km").get<double>() == Approx(0.5));
    const double merida = geo::distance_km({20.97, -89.62}, {20.97537, -89.61696});
    const double progreso = geo::distance_km({21.28, -89.66}, {-34.66, -56.22});
    CHECK(merida < 161.0);
    CHECK(progreso > 161.0);
    CHECK(s.at("mean_error_km").get<double>() == Approx((merida + progreso) / 2));
    CHECK(s.at("median_error_km").get<double>() == Approx((merida + progreso) / 2));
    const auto y = [](double e) { return std::log(e + 1) / std::log(extract::kMaxErrorKm + 1); };
    CHECK(s.at("auc").get<double>() == Approx((y(merida) + y(progreso)) / 2));
    SECTION("--details lists the far-off and missed toponyms") {
        const auto details = testing::read_file(dir / "details.tsv");
        CHECK_THAT(details, Catch::StartsWith("kind\tarticle\ttext\terror_km\tpredicted\tcontext\n"));
        CHECK_THAT(details, Catch::Contains("far\t1\tProgreso\t") && Catch::Contains("geonames:3013"));
        CHECK_THAT(details, Catch::Contains("missed\t2\tYucat\xC3\xA1n\t") && Catch::Contains("missed\t2\tCampeche\t"));
        CHECK_THAT(details, !Catch::Contains("M\xC3\xA9rida\t"));
        CHECK(std::count(details.begin(), details.end(), '\n') == 4);
    }
}

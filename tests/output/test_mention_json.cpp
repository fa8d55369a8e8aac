#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "output/mention_json.hpp"

namespace {

gazetteer::PlaceView place(std::uint32_t index, std::string_view id, std::string_view name, double lat, double lon) {
    gazetteer::PlaceView p;
    p.index = index;
    p.place_id = id;
    p.name = name;
    p.feature_code = "PPL";
    p.country_code = "XQ";
    p.admin1_name = "Lower \"Vale\"";
    p.latitude = lat;
    p.longitude = lon;
    return p;
}

extract::Mention mention(std::size_t start, std::string text, std::optional<gazetteer::PlaceView> p) {
    extract::Mention m;
    m.start = start;
    m.end = start + text.size();
    m.text = std::move(text);
    m.place = p;
    m.confidence = p ? 0.8765 : 0.0;
    return m;
}

}  // namespace

TEST_CASE("A mention is one JSON line with code point offsets, escaped strings and shortest numbers",
          "[output][mention_json]") {
    extract::Document doc;
    doc.id = "n\u00e9-1";
    doc.text = "\u00c9t\u00e9 in Brindlemoor and Quarrow.";
    const extract::CodepointIndex index(doc.text);
    const auto brindle = place(7, "test:7", "Brindlemoor", 51.5, -2.0);
    std::string out;
    auto m = mention(doc.text.find("Brindlemoor"), "Brindlemoor", brindle);
    m.qualifier.compass = extract::Compass::east;
    output::append_mention_json(out, doc, index, m);
    CHECK(out ==
          "{\"doc_id\":\"n\u00e9-1\",\"start\":7,\"end\":18,\"text\":\"Brindlemoor\",\"kind\":\"literal\","
          "\"qualifier\":\"east\",\"place_id\":\"test:7\",\"name\":\"Brindlemoor\",\"feature_code\":\"PPL\","
          "\"country_code\":\"XQ\",\"admin1\":\"Lower \\\"Vale\\\"\",\"latitude\":51.5,\"longitude\":-2.0,"
          "\"confidence\":0.877}\n");
    out.clear();
    output::append_mention_json(out, doc, index, mention(doc.text.find("Quarrow"), "Quarrow", std::nullopt));
    CHECK(out ==
          "{\"doc_id\":\"n\u00e9-1\",\"start\":23,\"end\":30,\"text\":\"Quarrow\",\"kind\":\"literal\",\"qualifier\":null,"
          "\"place_id\":null,\"name\":null,\"feature_code\":null,\"country_code\":null,\"admin1\":null,"
          "\"latitude\":null,\"longitude\":null,\"confidence\":0.0}\n");
}

TEST_CASE("MentionJsonWriter writes what append_mention_json writes, per gazetteer", "[output][mention_json]") {
    extract::Document doc;
    doc.id = "d1";
    doc.text = "Brindlemoor, Quarrow and Brindlemoor again.";
    const extract::CodepointIndex index(doc.text);
    const auto brindle = place(3, "test:3", "Brindlemoor", 51.25, 0.125);
    const auto quarrow = place(4, "test:4", "Quarrow", -33.1, 151.0);

    output::MentionJsonWriter writer;
    writer.use_gazetteer(1);
    std::string cached, plain;
    for (const auto& m : {mention(0, "Brindlemoor", brindle), mention(13, "Quarrow", quarrow),
                          mention(25, "Brindlemoor", brindle), mention(13, "Quarrow", std::nullopt)}) {
        writer.append(cached, doc, index, m);
        output::append_mention_json(plain, doc, index, m);
    }
    CHECK(cached == plain);

    SECTION("another gazetteer: the same place number is another place") {
        const auto other = place(3, "other:3", "Fenwick Hollow", 10.0, 20.0);
        writer.use_gazetteer(2);
        std::string a, b;
        writer.append(a, doc, index, mention(0, "Brindlemoor", other));
        output::append_mention_json(b, doc, index, mention(0, "Brindlemoor", other));
        CHECK(a == b);
        CHECK(a.find("Fenwick Hollow") != std::string::npos);
    }
    SECTION("more places than it keeps: emptied, still the same lines") {
        std::string a, b;
        for (std::uint32_t i = 0; i < 70000; ++i) {
            const auto p = place(100 + i, "test:many", "Place", i * 0.001, -(i * 0.002));
            const auto m = mention(0, "Brindlemoor", p);
            writer.append(a, doc, index, m);
            output::append_mention_json(b, doc, index, m);
        }
        // places met before the cache was emptied come back right too
        writer.append(a, doc, index, mention(0, "Brindlemoor", brindle));
        output::append_mention_json(b, doc, index, mention(0, "Brindlemoor", brindle));
        CHECK(a == b);
    }
}

TEST_CASE("A confidence is written in thousandths, as the shortest form of the rounded number", "[output][mention_json]") {
    extract::Document doc;
    doc.id = "c";
    doc.text = "Brindlemoor.";
    const extract::CodepointIndex index(doc.text);
    const auto brindle = place(7, "test:7", "Brindlemoor", 51.5, -2.0);
    // the number after "confidence": in a mention line
    const auto confidence_of = [&](double c) {
        auto m = mention(0, "Brindlemoor", brindle);
        m.confidence = c;
        std::string line;
        output::append_mention_json(line, doc, index, m);
        const auto at = line.find("\"confidence\":") + 13;
        return line.substr(at, line.find('}', at) - at);
    };
    // what a JSON library writes for round(c * 1000) / 1000: the shortest form, ".0" if integral
    const auto shortest = [](double v) {
        std::string s = fmt::format("{}", v);
        if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
        return s;
    };
    for (int k = 0; k <= 1000; ++k) {
        INFO("k = " << k);
        CHECK(confidence_of(k / 1000.0) == shortest(k / 1000.0));
        CHECK(confidence_of(k / 1000.0 + 0.0004) == shortest(k / 1000.0));  // rounds down to k
    }
    CHECK(confidence_of(0.5) == "0.5");
    CHECK(confidence_of(0.05) == "0.05");
    CHECK(confidence_of(0.9995) == "1.0");
    CHECK(confidence_of(0.0) == "0.0");
    // outside 0..1: still the rounded number, not thousandths of a wrong range
    CHECK(confidence_of(1.25) == "1.25");
    CHECK(confidence_of(-0.25) == "-0.25");
    CHECK(confidence_of(-0.0001) == "-0.0");
    CHECK(confidence_of(std::nan("")) == "null");
}

TEST_CASE("Strings in a mention line escape quotes, backslashes and control characters only", "[output][mention_json]") {
    extract::Document doc;
    doc.id = std::string("a\"b\\c\nd\te\x01" "f\x1f" "g\u00e9h/", 17);
    doc.text = "Brindlemoor.";
    const extract::CodepointIndex index(doc.text);
    std::string line;
    output::append_mention_json(line, doc, index, mention(0, "Brindlemoor", std::nullopt));
    CHECK(line.substr(0, line.find(",\"start\"")) == "{\"doc_id\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001fg\u00e9h/\"");
}

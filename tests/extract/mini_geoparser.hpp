#pragma once
// The geoparser on the fixture gazetteer (tests/fixtures/geonames) and the project's lexicon,
// built once per test program and shared by the extract tests.
#include <string>
#include <vector>

#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"

namespace testing {

struct MiniGeoparser {
    MiniGeoparser();
    TempDir dir;
    gazetteer::Gazetteer gaz;
    extract::Lexicon lexicon;
    extract::Geoparser geoparser;

    /// The mentions of `text` as an article with id `id`.
    std::vector<extract::Mention> parse(const std::string& text, const std::string& id = "test") const;
};

const MiniGeoparser& mini_geoparser();

}  // namespace testing

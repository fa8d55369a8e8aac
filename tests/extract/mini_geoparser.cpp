#include "extract/mini_geoparser.hpp"

#include "gazetteer/mini_gazetteer.hpp"

namespace testing {
namespace {
std::filesystem::path built(const TempDir& dir) {
    build_mini_gazetteer(dir / "mini.sqlite");
    return dir / "mini.sqlite";
}
}  // namespace

MiniGeoparser::MiniGeoparser()
    : gaz(built(dir)), lexicon(extract::Lexicon::load(extract::Lexicon::default_dir())), geoparser(gaz, lexicon) {}

std::vector<extract::Mention> MiniGeoparser::parse(const std::string& text, const std::string& id) const {
    extract::Document doc;
    doc.id = id;
    doc.text = text;
    return geoparser.parse(doc);
}

const MiniGeoparser& mini_geoparser() {
    static const MiniGeoparser shared;
    return shared;
}

}  // namespace testing

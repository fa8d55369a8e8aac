#pragma once
// Reads the public geoparsing corpora, in their own XML formats, into articles with gold
// toponyms for `geoevents eval`.
//
// LGL and TR-News: <articles><article docid="…"><title>…</title><text>…</text>
//   <toponyms><toponym><start/><end/><phrase/><gaztag geonameid="…"><lat/><lon/>…</gaztag>
//   </toponym>…</toponyms></article>…</articles>
//   Offsets are 0-based code points into <text>. A toponym without a gaztag (or without
//   lat/lon in it) is kept for recognition, with has_coordinates false.
// GeoVirus: <articles><article><source>…</source><text>…</text><locations><location><name/>
//   <start/><end/><lat/><lon/><page/></location>…</locations></article>…</articles>
//   No ids: an article's id is its 1-based position. GeoVirus offsets are one more than
//   0-based code-point offsets (so on all 2,170 locations of GeoVirus.xml); the reader
//   subtracts one. One GeoVirus article nests <location>s inside another: every <location>
//   below <locations> counts, in document order.
//
// After reading, every GoldToponym's [start, end) is in 0-based code points of its article's
// text, whatever the corpus. The phrase is kept as the corpus gives it and is not compared
// with the text.
#include <cstddef>
#include <string>
#include <vector>

namespace extract {

struct GoldToponym {
    std::size_t start = 0;  ///< code points into CorpusArticle::text
    std::size_t end = 0;    ///< exclusive; start <= end <= length of the text
    std::string phrase;     ///< LGL <phrase>, GeoVirus <name>
    bool has_coordinates = false;
    double latitude = 0;    ///< degrees; meaningful only when has_coordinates
    double longitude = 0;
    std::string geonameid;  ///< LGL gaztag's geonameid; empty for GeoVirus and untagged toponyms
};

struct CorpusArticle {
    std::string id;     ///< LGL docid, or the 1-based position when there is none (GeoVirus)
    std::string title;  ///< trimmed; empty for GeoVirus
    std::string text;   ///< valid UTF-8, entities decoded, exactly as the offsets count it
    std::vector<GoldToponym> gold;
};

enum class CorpusFormat { lgl, geovirus };  ///< lgl also covers TR-News

/// Reads a corpus file, detecting its format from the first article that tells: a docid,
/// <title> or <toponyms> means LGL; <source> or <locations> means GeoVirus.
/// Throws gazetteer::InputError(path, line, message) when the file is missing or unreadable,
/// is not well-formed XML (the message gives the byte offset), has no <articles> root or no
/// <article>, has no article that tells its format, or when an article lacks <text> or has
/// text that is not UTF-8, or a toponym lacks start, end or phrase, has a start or end that is
/// not a non-negative integer, start > end, end beyond the text, or a lat/lon that is not a
/// number in range (or only one of them). Messages name the article id, the toponym's
/// 1-based position and the field; the line is that of the offending element.
std::vector<CorpusArticle> read_corpus(const std::string& path);

/// The same, and sets `format` to the detected format.
std::vector<CorpusArticle> read_corpus(const std::string& path, CorpusFormat& format);

}  // namespace extract

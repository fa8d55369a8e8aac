#pragma once
// An event: something that happened at a place on a day, in ACLED's vocabulary, with where the
// report of it came from. Produced by extract/event_extractor.hpp, written by output/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/dates.hpp"
#include "extract/mention.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {

struct EventSource {
    std::string doc_id;
    std::string url;
    std::string title;
    std::string source;
    std::string evidence_text;         ///< the sentence that reports the event
    std::size_t evidence_start = 0;    ///< code points into the article text
    std::size_t evidence_end = 0;
};

struct Event {
    std::string event_id;         ///< stable across runs: derived from type, place and date
    std::optional<EventDate> date;  ///< nullopt: no date (no publication date and no absolute date)
    std::string event_type;       ///< ACLED event type ("Explosions/Remote violence")
    std::string sub_event_type;   ///< ACLED sub-event type ("Air/drone strike")
    std::string actor1;
    std::string actor2;
    gazetteer::PlaceView place;   ///< where: always a literal mention's place
    Qualifier qualifier;          ///< "east" for "eastern Aleppo"
    std::string location_mention; ///< the surface form, with its qualifier words
    int geo_precision = 1;        ///< ACLED: 1 the place itself, 2 part of or near it, 3 a larger region
    int where_prec = 1;           ///< UCDP GED where_prec, 1 to 7
    std::optional<std::int64_t> fatalities;
    std::optional<std::int64_t> injured;
    bool fatalities_total_over_days = false;  ///< a total over several days, not one day's count
    std::vector<EventSource> sources;  ///< one per article that reports it (merged events have several)
    /// The region an earlier run assigned (an events layer read back: output/event_reader.hpp);
    /// empty for a new event, whose region is derived when its layer is written.
    std::string region;
    std::string region_code;
    std::string notes;
    double confidence = 0.0;      ///< [0, 1]
};

}  // namespace extract

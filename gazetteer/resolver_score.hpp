#pragma once
// The resolver's scoring: how well a candidate place fits what the document says around its
// mention. The document-level resolver (extract/) gathers the evidence; this turns it into a
// score, so that the weights live in one place.
#include <vector>

#include "gazetteer/match_kind.hpp"
#include "gazetteer/name_index.hpp"

namespace gazetteer {

/// The administrative level a mention asks for ("Aleppo province" -> admin1).
enum class WantedLevel { none, admin1, admin2, city };

struct CandidateEvidence {
    double country_focus = 0.0;      ///< share of the document's place evidence in this candidate's country, [0, 1]
    WantedLevel level = WantedLevel::none;
    bool in_container_admin1 = false;   ///< inside the admin1 division named next to it ("Springfield, Illinois")
    bool in_container_country = false;  ///< inside the country named next to it
    bool is_container = false;          ///< the mention itself names a container of the one before
    double nearest_km = -1.0;           ///< distance to the nearest other place of the document; -1: none
                                        ///< (any value beyond kProximityReachKm scores the same)
    double admin1_focus = 0.0;          ///< share of the document's places inside this candidate's admin1, [0, 1]
    bool namesake_place_inside = false; ///< a division with a same-named candidate city inside it
    bool compass_part = false;          ///< the mention names a part ("northwest Idlib")
    bool statement_subject = false;     ///< "Washington announced": governments speak through capitals
};

/// How far the nearest other place of the document may be and still add to the score.
inline constexpr double kProximityReachKm = 800.0;

/// What the score asks of a place's feature class and code: worked out once per candidate, since
/// comparing the codes costs more than the rest of the score.
struct PlaceFacts {
    bool country = false;    ///< PCL* or TERR
    bool admin1 = false;     ///< ADM1
    bool admin2 = false;     ///< ADM2 or ADMD
    bool populated = false;  ///< feature class P
    bool capital = false;    ///< PPLC
};
PlaceFacts place_facts(const PlaceView& place) noexcept;

/// Higher is better; comparable between candidates of one mention. `facts` is place_facts() of
/// the candidate and `prior` candidate_score(place, match) (gazetteer/rank.hpp), both computed
/// once per candidate by the caller.
double resolver_score(const PlaceFacts& facts, double prior, const CandidateEvidence& evidence) noexcept;

/// Confidence of the best of `scores` (softmax share), in [0, 1].
double confidence_of_best(const std::vector<double>& scores) noexcept;

}  // namespace gazetteer

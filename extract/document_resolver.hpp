#pragma once
// Resolution: chooses, for every recognised name of one document, the place it means, from
// the names' candidates and the document's evidence: its country focus, names that contain
// others ("Springfield, Illinois", "Daraya in Rif Dimashq"), the level a qualifier asks for,
// and the places already resolved nearby.
#include <cstddef>
#include <vector>

#include "extract/mention.hpp"
#include "extract/recognizer.hpp"
#include "gazetteer/gazetteer.hpp"

namespace extract {

inline constexpr std::size_t kNoMention = static_cast<std::size_t>(-1);

struct MentionEvidence {
    const RawMention* raw = nullptr;
    std::string_view key;          ///< folded surface form
    Qualifier qualifier;
    std::size_t container = kNoMention;  ///< the mention naming a place that contains this one
    bool is_container = false;
    bool statement_subject = false;  ///< followed by a statement verb: a government speaking?
};

struct Resolution {
    std::optional<gazetteer::Posting> choice;  ///< nullopt: no good candidate
    double confidence = 0.0;
};

/// One resolution per mention, in the same order.
std::vector<Resolution> resolve_document(const std::vector<MentionEvidence>& mentions, const gazetteer::Gazetteer& gazetteer,
                                         bool population_baseline);

}  // namespace extract

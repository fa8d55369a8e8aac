#pragma once
// The events of a stream of articles, merged as they come (merge_events), so that memory grows
// with the distinct events, not with the articles: a corpus that reports the same events again
// and again takes the memory of those events. Of each event's sources only the first (by
// article id, the one whose sentence the layers show) keeps its evidence text and title; the
// others keep their article id, URL and publisher.
#include <cstddef>
#include <vector>

#include "extract/event.hpp"

namespace extract {

class EventAccumulator {
public:
    /// Adds events (moved from); merges when the unmerged ones outnumber the merged.
    void add(std::vector<Event>& events);
    /// Every event added, merged by event_id, in order of first report.
    std::vector<Event> take();
    std::size_t size() const noexcept { return merged_ + pending_; }  ///< events held (some maybe not merged yet)

private:
    void merge();

    std::vector<Event> events_;  // the first merged_ are merged, the rest pending
    std::size_t merged_ = 0;
    std::size_t pending_ = 0;
};

}  // namespace extract

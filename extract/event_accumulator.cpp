#include "extract/event_accumulator.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "extract/event_extractor.hpp"

namespace extract {

void EventAccumulator::add(std::vector<Event>& events) {
    events_.insert(events_.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    pending_ += events.size();
    events.clear();
    if (pending_ > std::max<std::size_t>(merged_, 4096)) merge();
}

void EventAccumulator::merge() {
    events_ = merge_events(std::move(events_));
    for (auto& e : events_) {
        for (std::size_t i = 1; i < e.sources.size(); ++i) {
            e.sources[i].evidence_text = std::string();
            e.sources[i].title = std::string();
        }
    }
    merged_ = events_.size();
    pending_ = 0;
}

std::vector<Event> EventAccumulator::take() {
    merge();
    merged_ = 0;
    return std::exchange(events_, {});
}

}  // namespace extract

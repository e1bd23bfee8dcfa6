#pragma once
// How an office calls its residents, set once for the office by an administrator (kept in the
// case book, so every window and the hall's screen follow the same order): the call order and how
// long a number that was not answered stays out of the queue.
#include "core/queue/queue_order.hpp"

namespace madoguchi {

struct CallSettings {
    QueueOrder order = QueueOrder::BookedFirst;
    int absentMinutes = 10; // "not here": the number is called again no sooner than this
};

inline constexpr int kMaxAbsentMinutes = 240;

// ValidationError naming the field when a value is out of range (absent minutes 0–240).
void validate(const CallSettings& s);

} // namespace madoguchi

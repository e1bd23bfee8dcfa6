#pragma once
// The warnings a clerk must see for computed deadlines (internal to the deadline engine).
#include "core/rules/deadlines.hpp"

#include <vector>

namespace madoguchi::rules {

// How close a move-in deadline must be to be called near: a month leaves time for an appointment.
inline constexpr int kMoveInNearDays = 30;

std::vector<Warning> deadlineWarnings(const DeadlineInput& in, const Deadlines& d, const date& certIssued);

} // namespace madoguchi::rules

#pragma once
// The warnings a clerk must see for computed deadlines, and the move-in lapse they report
// (internal to the deadline engine).
#include "core/rules/deadlines.hpp"

#include <vector>

namespace madoguchi::rules {

// How close a move-in deadline must be to be called near: a month leaves time for an appointment.
inline constexpr int kMoveInNearDays = 30;

// Why a card lapsed after moving in (rules move-in-lapse-*, move-in-90-days).
struct MoveInLapse {
    enum class Reason { None, LateFiling, LongAfterMoveOut, MovedAgain, NinetyDaysPassed };
    bool lapsed = false;
    Reason reason = Reason::None;
};

MoveInLapse moveInLapse(const DeadlineInput& in, const Deadlines& d);

// What the engine worked out on the way that the warnings need.
struct WarningContext {
    date certIssued;
    date signIssued;
    MoveInLapse lapse;
    bool appliedWouldMatter = false; // --applied unknown, and it could change the card's expiry
};

std::vector<Warning> deadlineWarnings(const DeadlineInput& in, const Deadlines& d, const WarningContext& context);

} // namespace madoguchi::rules

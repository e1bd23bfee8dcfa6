#pragma once
// The hall's board as the page and /board.json receive it (the keys are listed in
// docs/admin-guide.md, "The waiting-hall display"): reception numbers, windows, counts, minutes
// and procedure names — nothing of a resident.
#include "core/queue/hall_board.hpp"

#include <nlohmann/json.hpp>

namespace madoguchi::display {

nlohmann::json boardJson(const HallBoard& board);
// One call as the page's `call` event carries it: seq, number, window, kind, at.
nlohmann::json callJson(const HallCall& call);

} // namespace madoguchi::display

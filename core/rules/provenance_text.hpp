#pragma once
// One line saying where a line of an answer comes from, worded once for `rules explain`, the
// window's "source of this line" and the printed rule book:
//   procedures.json · pin-reset-own-id（2016-01-01〜）: 国立市; 菊池市
#include "core/rules/requirements.hpp"

#include <string>

namespace madoguchi::rules {

std::string provenanceText(const Provenance& p);

} // namespace madoguchi::rules

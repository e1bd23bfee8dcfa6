#pragma once
// PC/SC-Lite's return codes as CardErrors, in one table: the rest of the program never sees a
// SCARD_ constant.
#include "core/card/card_error.hpp"

#include <cstdint>
#include <string>

namespace madoguchi::pcsc {

enum class Step { Context, ListReaders, Status, Connect, Transmit };

// `rv` is a PC/SC LONG; `step` tells e.g. "no card" at Connect from "card removed" at Transmit.
card::CardError errorFromPcsc(long rv, Step step);

} // namespace madoguchi::pcsc

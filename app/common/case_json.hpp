#pragma once
// Cases as JSON, the shape promised by the madoguchi-cli contract (docs/cli.md): at least id,
// reception_number, procedure, status, name, kana, birth, created_at. A case is a visit:
// `procedure` is its first procedure and `status` the visit's; `procedures` lists every line with
// its own status; each history entry names its `procedure` (null: the whole visit), `kind` and
// `window` (a call's; null otherwise); `call` is the visit's standing call (null: never called).
// `booking_id` and `booked_start` name the booking a visit was checked in from (null: a walk-in).
// A line that went the two-visit route (照会書回答待ち) has `mailed_on`, the inquiry letter's
// mailing day (a full case only: list rows leave it out).
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

nlohmann::json toJson(const Case& c);
nlohmann::json toJson(const db::CaseSummary& s);
nlohmann::json toJson(const HistoryEntry& h);
nlohmann::json toJson(const ProcedureLine& l);
nlohmann::json toJson(const std::vector<ProcedureLine>& lines);
nlohmann::json toJson(const std::optional<CallState>& call); // {state, window, called_at, back_at} or null

} // namespace madoguchi::app

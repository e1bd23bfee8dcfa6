#pragma once
// Cases as JSON, the shape promised by the madoguchi-cli contract (docs/cli.md): at least
// id, reception_number, procedure, status, name, kana, birth, created_at.
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

nlohmann::json toJson(const Case& c);
nlohmann::json toJson(const db::CaseSummary& s);
nlohmann::json toJson(const HistoryEntry& h);

} // namespace madoguchi::app

#pragma once
// The procedure picker's search: a clerk types 再交付, さいこうふ, サイコウフ, reissue or a part of
// any of them, and the list narrows to what matches.
#include "core/cases/case.hpp"
#include "core/cases/case_status.hpp"
#include "core/cases/procedure.hpp"

#include <string>
#include <vector>

namespace madoguchi::gui {

// All fourteen, in the order of core/cases/procedure.hpp, when `query` is blank.
std::vector<Procedure> matchProcedures(const std::string& query);

// The name in the window's language.
std::string procedureName(Procedure p);
// A visit's procedures as a list row or a title reads them: 「暗証番号の再設定 + 電子証明書の更新・発行」.
std::string procedureNames(const std::vector<ProcedureLine>& lines);
std::string statusName(CaseStatus s);

} // namespace madoguchi::gui

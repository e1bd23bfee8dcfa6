#pragma once
// The procedure picker's search: a clerk types 再交付, さいこうふ, サイコウフ, reissue or a part of
// any of them, and the list narrows to what matches.
#include "core/cases/case_status.hpp"
#include "core/cases/procedure.hpp"

#include <string>
#include <vector>

namespace madoguchi::gui {

// All fourteen, in the order of core/cases/procedure.hpp, when `query` is blank.
std::vector<Procedure> matchProcedures(const std::string& query);

// The name in the window's language.
std::string procedureName(Procedure p);
std::string statusName(CaseStatus s);

} // namespace madoguchi::gui

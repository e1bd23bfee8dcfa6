#pragma once
// What a case row stores beside the draft's own fields: the names as kept (trimmed) and as
// searched (folded), and the dates as ISO text. Pure work on the resident, the same for both
// backends, and what a bulk import prepares ahead of the write (prepared_ahead.hpp).
#include "core/cases/case.hpp"
#include "core/cases/resident.hpp"

#include <optional>
#include <string>

namespace madoguchi::db {

struct CaseRowTexts {
    std::string name, kana;             // trimmed
    std::string nameFolded, kanaFolded; // search_fold.hpp
    std::string birth;
    std::optional<std::string> stayUntil, movedIn;
};

CaseRowTexts caseRowTexts(const Resident& resident);

std::optional<std::string> isoOrNone(const std::optional<boost::gregorian::date>& d);

// A list row carries its visit's lines as one text, "0:pin-reset:received 1:cert-renewal:done"
// (position:procedure:status, each backend's SQL builds it from case_procedures): one query for
// the list, not one more per row. Back to lines, in position order (none for an empty text);
// StorageError when a piece is not of that form.
std::vector<ProcedureLine> linesFromListText(const std::string& text);

} // namespace madoguchi::db

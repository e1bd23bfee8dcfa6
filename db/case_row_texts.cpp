#include "db/case_row_texts.hpp"

#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"

namespace madoguchi::db {

CaseRowTexts caseRowTexts(const Resident& r)
{
    return {trimmed(r.name), trimmed(r.kana),        foldForSearch(r.name), foldForSearch(r.kana),
            toIso(r.birth),  isoOrNone(r.stayUntil), isoOrNone(r.movedIn)};
}

std::optional<std::string> isoOrNone(const std::optional<boost::gregorian::date>& d)
{
    if (d)
        return toIso(*d);
    return std::nullopt;
}

} // namespace madoguchi::db

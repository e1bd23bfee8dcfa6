#include "db/case_row_texts.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

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

std::vector<ProcedureLine> linesFromListText(const std::string& text)
{
    std::vector<std::pair<long, ProcedureLine>> lines;
    std::istringstream in(text);
    std::string piece;
    while (in >> piece) {
        auto a = piece.find(':');
        auto b = piece.find(':', a == std::string::npos ? a : a + 1);
        auto procedure = b == std::string::npos ? std::nullopt : procedureFromId(piece.substr(a + 1, b - a - 1));
        auto status = b == std::string::npos ? std::nullopt : statusFromId(piece.substr(b + 1));
        long position = -1;
        if (procedure && status)
            std::from_chars(piece.data(), piece.data() + a, position);
        if (position < 0)
            throw StorageError(StorageError::Kind::Corrupt, "a procedure line reads \"" + piece + "\"");
        lines.push_back({position, {*procedure, *status}});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<ProcedureLine> out;
    for (auto& l : lines)
        out.push_back(l.second);
    return out;
}

} // namespace madoguchi::db

#include "db/case_row_texts.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

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
    // Split by hand: a day's list reads this for every visit of several procedures.
    std::vector<std::pair<long, ProcedureLine>> lines;
    std::string_view rest = text;
    while (!rest.empty()) {
        auto end = rest.find(' ');
        std::string_view piece = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        if (piece.empty())
            continue;
        auto a = piece.find(':');
        auto b = a == std::string_view::npos ? a : piece.find(':', a + 1);
        long position = -1;
        std::optional<Procedure> procedure;
        std::optional<CaseStatus> status;
        if (b != std::string_view::npos) {
            std::from_chars(piece.data(), piece.data() + a, position);
            procedure = procedureFromId(piece.substr(a + 1, b - a - 1));
            status = statusFromId(piece.substr(b + 1));
        }
        if (position < 0 || !procedure || !status)
            throw StorageError(StorageError::Kind::Corrupt, "a procedure line reads \"" + std::string(piece) + "\"");
        lines.push_back({position, {*procedure, *status}});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<ProcedureLine> out;
    out.reserve(lines.size());
    for (auto& l : lines)
        out.push_back(l.second);
    return out;
}

} // namespace madoguchi::db

#include "app/gui/presenters/case_list_presenter.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/cases/reception_number.hpp"
#include "core/text/search_fold.hpp"

#include <boost/date_time/posix_time/posix_time.hpp>

namespace madoguchi::gui {

db::CaseQuery buildQuery(const CaseFilter& f, const boost::gregorian::date& today)
{
    db::CaseQuery q;
    q.status = f.status;
    q.procedure = f.procedure;
    if (std::string w = trimmed(f.window); !w.empty())
        q.window = w;
    std::string t = trimmed(f.text);
    if (!t.empty())
        q.text = t;
    // A reception number is what the resident holds in hand today: A-012 means today's A-012
    // (every day has one; the book-wide lookup also scans, 0.3-2 s on a million cases).
    if (t.empty() || parseReceptionNumber(t))
        q.day = today;
    // A day's list is complete (a busy office takes ~1,400 cases a day); a search shows the newest.
    if (t.empty())
        q.limit = kDayListLimit;
    return q;
}

std::optional<long> minutesBetween(const std::string& fromIso, const std::string& toIso)
{
    // 2026-11-29T10:05:00+09:00: the local part, then the offset to reach UTC.
    auto utc = [](const std::string& iso) -> std::optional<boost::posix_time::ptime> {
        if (iso.size() < 19)
            return std::nullopt;
        try {
            std::string local = iso.substr(0, 19);
            local[10] = ' ';
            auto t = boost::posix_time::time_from_string(local);
            if (iso.size() >= 25 && (iso[19] == '+' || iso[19] == '-')) {
                int sign = iso[19] == '+' ? 1 : -1;
                auto offset = boost::posix_time::hours(std::stoi(iso.substr(20, 2))) +
                              boost::posix_time::minutes(std::stoi(iso.substr(23, 2)));
                t -= sign > 0 ? offset : -offset;
            }
            return t;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    auto a = utc(fromIso), b = utc(toIso);
    if (!a || !b)
        return std::nullopt;
    return (*b - *a).total_seconds() / 60;
}

CaseRow toRow(const db::CaseSummary& s, const RowContext& ctx)
{
    CaseRow r;
    r.id = s.id;
    r.receptionNumber = s.receptionNumber;
    bool today = s.createdAt.substr(0, 10) == ctx.nowIso.substr(0, 10);
    // Today's rows need only the time; a row found in the case book needs its day too.
    if (s.createdAt.size() >= 16)
        r.time = today ? s.createdAt.substr(11, 5) : s.createdAt.substr(0, 10) + " " + s.createdAt.substr(11, 5);
    // A visit of several procedures shows them all: 「暗証番号の再設定 + 電子証明書の更新・発行」.
    r.procedure = s.procedures.empty() ? procedureName(s.procedure) : procedureNames(s.procedures);
    r.resident = ctx.privacyLocked ? std::string("＊＊＊") : s.name;
    r.status = statusName(s.status);
    r.window = s.window;
    r.clerk = s.clerk;
    if (!isClosed(s.status)) {
        if (!today) {
            r.warning = RowWarning::OpenFromEarlierDay;
            r.warningText = tr("Still open from an earlier day");
        } else if (auto m = minutesBetween(s.createdAt, ctx.nowIso);
                   m && *m >= ctx.waitWarningMinutes && s.status == CaseStatus::Received) {
            r.warning = RowWarning::WaitingLong;
            r.warningText = fill(tr("Waiting for %1 min"), {std::to_string(*m)});
        }
    }
    return r;
}

std::string listSummary(const CaseFilter& f, std::size_t count, std::size_t limit)
{
    std::string n = std::to_string(count);
    if (trimmed(f.text).empty())
        return fill(tr("%1 cases today"), {n});
    if (count >= limit)
        return fill(tr("The first %1 matches in the case book; type more to narrow"), {n});
    return fill(tr("%1 found in the case book"), {n});
}

} // namespace madoguchi::gui

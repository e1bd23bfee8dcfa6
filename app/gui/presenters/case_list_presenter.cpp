#include "app/gui/presenters/case_list_presenter.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/cases/reception_number.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"

namespace madoguchi::gui {

db::CaseQuery buildQuery(const CaseFilter& f, const boost::gregorian::date& today)
{
    db::CaseQuery q;
    q.status = f.status;
    q.procedure = f.procedure;
    // 照会書回答待ち: the visits waiting on an inquiry letter were received on earlier days — the
    // second visit looks them up in the whole book (by reception number, name, kana or birth),
    // any line at that status (another line of the visit may be done).
    const bool awaiting = f.status == CaseStatus::AwaitingAnswer;
    if (awaiting && !q.procedure) {
        q.status.reset();
        q.lineStatus = CaseStatus::AwaitingAnswer;
    }
    if (std::string w = trimmed(f.window); !w.empty())
        q.window = w;
    std::string t = trimmed(f.text);
    if (!t.empty())
        q.text = t;
    // A reception number is what the resident holds in hand today: A-012 means today's A-012
    // (every day has one; the book-wide lookup also scans, 0.3-2 s on a million cases).
    if ((t.empty() || parseReceptionNumber(t)) && !awaiting)
        q.day = today;
    // A day's list is complete (a busy office takes ~1,400 cases a day); a search shows the newest.
    if (t.empty())
        q.limit = kDayListLimit;
    return q;
}

CaseRow toRow(const db::CaseSummary& s, const RowContext& ctx)
{
    CaseRow r;
    r.id = s.id;
    r.receptionNumber = s.receptionNumber;
    auto created = readTimestamp(s.createdAt);
    auto shownAt = readTimestamp(ctx.nowIso);
    bool today = created && shownAt && created->localDay == shownAt->localDay;
    // Today's rows need only the time; a row found in the case book needs its day too.
    if (created)
        r.time = today ? created->clock() : created->dayAndClock();
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

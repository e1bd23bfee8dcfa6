#include "db/call_rules.hpp"

#include "core/cases/reception_number.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"
#include "core/text/text_field.hpp"

#include <cctype>

namespace madoguchi::db {

namespace {

constexpr std::size_t kMaxWindowLength = 16;
constexpr const char* kOrderKey = "call.order";
constexpr const char* kAbsentKey = "call.absent_minutes";

std::optional<std::int64_t> epochOf(const std::optional<std::string>& iso)
{
    if (!iso || iso->empty())
        return std::nullopt;
    return epochSeconds(*iso);
}

bool calledNow(const StoredCall& v)
{
    return v.call && v.call->kind == CallState::Kind::Called;
}

void requireToday(const StoredCall& v, const Timestamp& at)
{
    if (v.day != toIso(at.localDay))
        throw RuleViolation(v.receptionNumber + " was received on " + v.day +
                            ", not today: only today's numbers are called");
}

void requireOpen(const StoredCall& v)
{
    if (isClosed(v.status))
        throw RuleViolation(v.receptionNumber + " is closed (" + std::string(statusId(v.status)) +
                            "): a closed visit is not called");
}

HistoryEntry callEntry(const StoredCall& v, HistoryKind kind, const std::string& window, const Actor& actor,
                       const Timestamp& at)
{
    HistoryEntry e{at.iso, actor.user, std::nullopt, v.status, "", std::nullopt, kind};
    e.window = window;
    return e;
}

} // namespace

std::string checkCallWindow(const std::string& window)
{
    std::string w = trimmed(window);
    if (w.empty())
        throw ValidationError("window: name the window (窓口) that calls, e.g. 3");
    if (w.size() > kMaxWindowLength)
        throw ValidationError("window: \"" + w + "\" is longer than " + std::to_string(kMaxWindowLength) + " bytes");
    // UTF-8, no control or bidirectional characters: the window is shown in the waiting hall.
    checkTextField("window", w);
    return w;
}

QueueEntry queueEntryOf(CaseId id, const std::string& receptionNumber, const std::string& receivedAt,
                        const std::optional<std::string>& bookedAt, const std::optional<std::string>& backAt,
                        const std::vector<ProcedureLine>& lines)
{
    QueueEntry e;
    e.id = id;
    e.receptionNumber = receptionNumber;
    e.receivedAt = epochSeconds(receivedAt).value_or(0);
    e.bookedAt = epochOf(bookedAt);
    e.backAt = epochOf(backAt);
    for (const auto& l : lines)
        if (!isClosed(l.status))
            e.procedures.push_back(l.procedure);
    return e;
}

std::optional<CallState> callStateOf(const std::optional<std::string>& calledAt,
                                     const std::optional<std::string>& window, const std::optional<std::string>& backAt)
{
    if (!calledAt)
        return std::nullopt;
    CallState s;
    s.calledAt = *calledAt;
    s.window = window.value_or("");
    if (backAt) {
        s.kind = CallState::Kind::SentBack;
        s.backAt = *backAt;
    }
    return s;
}

CallChange planCall(const StoredCall& v, const std::string& window, const Actor& actor, const Timestamp& at)
{
    requireToday(v, at);
    requireOpen(v);
    if (calledNow(v) && v.call->window != window)
        throw RuleViolation(v.receptionNumber + " is called to window " + v.call->window + " now: window " +
                            v.call->window + " sends it back first (not here)");
    CallChange c;
    c.state = {CallState::Kind::Called, window, at.iso, ""};
    c.window = window;
    c.entry = callEntry(v, HistoryKind::Called, window, actor, at);
    c.auditDetail = std::string(historyKindId(HistoryKind::Called)) + " " + window;
    return c;
}

CallChange planCallAgain(const StoredCall& v, const Actor& actor, const Timestamp& at)
{
    requireToday(v, at);
    requireOpen(v);
    if (!calledNow(v))
        throw RuleViolation(v.receptionNumber + " is not called now: call it first");
    CallChange c;
    c.state = *v.call;
    c.window = v.call->window;
    c.entry = callEntry(v, HistoryKind::CalledAgain, v.call->window, actor, at);
    c.auditDetail = std::string(historyKindId(HistoryKind::CalledAgain)) + " " + v.call->window;
    return c;
}

CallChange planAbsent(const StoredCall& v, const CallSettings& settings, const Actor& actor, const Timestamp& at)
{
    requireToday(v, at);
    requireOpen(v);
    if (!calledNow(v))
        throw RuleViolation(v.receptionNumber + " is not called now: only a called number is sent back");
    if (v.status != CaseStatus::Received)
        throw RuleViolation(v.receptionNumber + " is being served (" + std::string(statusId(v.status)) +
                            "): the resident came, so the number is not sent back");
    CallChange c;
    std::string back =
        timestampAt(at.epoch + static_cast<std::int64_t>(settings.absentMinutes) * 60, offsetMinutesOf(at.iso));
    c.state = {CallState::Kind::SentBack, v.call->window, v.call->calledAt, back};
    c.window = v.call->window;
    c.entry = callEntry(v, HistoryKind::Absent, v.call->window, actor, at);
    c.auditDetail = std::string(historyKindId(HistoryKind::Absent)) + " " + v.call->window + " back " +
                    readTimestamp(back)->clock(); // written just above
    return c;
}

CallSettings callSettingsFrom(const std::map<std::string, std::string>& rows)
{
    CallSettings s;
    if (auto it = rows.find(kOrderKey); it != rows.end())
        if (auto o = queueOrderFromId(it->second))
            s.order = *o; // an unknown id (a newer program's) keeps the default
    if (auto it = rows.find(kAbsentKey); it != rows.end()) {
        try {
            int m = std::stoi(it->second);
            if (m >= 0 && m <= kMaxAbsentMinutes)
                s.absentMinutes = m;
        } catch (const std::exception&) {
        }
    }
    return s;
}

std::map<std::string, std::string> callSettingsRows(const CallSettings& s)
{
    return {{kOrderKey, std::string(queueOrderId(s.order))}, {kAbsentKey, std::to_string(s.absentMinutes)}};
}

std::string callSettingsDetail(const CallSettings& s)
{
    std::string detail;
    for (const auto& [key, value] : callSettingsRows(s))
        detail += (detail.empty() ? "" : " ") + key + "=" + value;
    return detail;
}

void throwNoSuchNumber(const std::string& receptionNumber, const std::string& day)
{
    throw NotFound("no visit " + receptionNumber + " on " + day + " at this office");
}

std::string normalizedReceptionNumber(const std::string& typed)
{
    auto n = parseReceptionNumber(typed);
    if (!n)
        throw ValidationError("reception number \"" + typed + "\" is not of the form A-012");
    return formatReceptionNumber(n->series, n->sequence);
}

} // namespace madoguchi::db

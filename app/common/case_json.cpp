#include "app/common/case_json.hpp"

#include "core/common/clock.hpp"

namespace madoguchi::app {

namespace {
nlohmann::json optionalDate(const std::optional<boost::gregorian::date>& d)
{
    return d ? nlohmann::json(toIso(*d)) : nlohmann::json(nullptr);
}

// booking_id and booked_start: the booking a visit was checked in from (null for a walk-in).
void addBooking(nlohmann::json& j, const std::optional<CaseBooking>& b)
{
    j["booking_id"] = b ? nlohmann::json(b->id) : nlohmann::json(nullptr);
    j["booked_start"] = b ? nlohmann::json(b->start) : nlohmann::json(nullptr);
}
} // namespace

nlohmann::json toJson(const HistoryEntry& h)
{
    return {{"at", h.at},
            {"actor", h.actor},
            {"kind", std::string(historyKindId(h.kind))},
            {"procedure", h.procedure ? nlohmann::json(std::string(info(*h.procedure).id)) : nlohmann::json(nullptr)},
            {"from", h.from ? nlohmann::json(std::string(statusId(*h.from))) : nlohmann::json(nullptr)},
            {"to", std::string(statusId(h.to))},
            {"reason", h.reason},
            {"window", h.window.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.window)}};
}

nlohmann::json toJson(const std::optional<CallState>& call)
{
    if (!call)
        return nullptr;
    bool sentBack = call->kind == CallState::Kind::SentBack;
    return {{"state", sentBack ? "absent" : "called"},
            {"window", call->window},
            {"called_at", call->calledAt},
            {"back_at", sentBack ? nlohmann::json(call->backAt) : nlohmann::json(nullptr)}};
}

nlohmann::json toJson(const ProcedureLine& l)
{
    const auto& p = info(l.procedure);
    nlohmann::json out{{"procedure", std::string(p.id)},
                       {"procedure_name", std::string(p.nameJa)},
                       {"procedure_name_en", std::string(p.nameEn)},
                       {"status", std::string(statusId(l.status))},
                       {"status_name", std::string(statusNameJa(l.status))},
                       {"status_name_en", std::string(statusNameEn(l.status))}};
    // The inquiry letter's mailing day, on a line that went the two-visit route (a case as
    // stored; a list row's lines do not carry it).
    if (l.mailedOn)
        out["mailed_on"] = toIso(*l.mailedOn);
    return out;
}

nlohmann::json toJson(const std::vector<ProcedureLine>& lines)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : lines)
        out.push_back(toJson(l));
    return out;
}

nlohmann::json toJson(const Case& c)
{
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& d : c.documents)
        documents.push_back({{"document", d.document}, {"checked", d.checked}});
    nlohmann::json history = nlohmann::json::array();
    for (const auto& h : c.history)
        history.push_back(toJson(h));
    nlohmann::json j = {
        {"id", c.id},
        {"reception_number", c.receptionNumber},
        {"procedure", std::string(info(c.procedure).id)},
        {"procedure_name", std::string(info(c.procedure).nameJa)},
        {"procedures", toJson(c.procedures)},
        {"status", std::string(statusId(c.status))},
        {"status_name", std::string(statusNameJa(c.status))},
        {"name", c.resident.name},
        {"kana", c.resident.kana},
        {"birth", toIso(c.resident.birth)},
        {"sex", std::string(sexId(c.resident.sex))},
        {"address", c.resident.address},
        {"foreign_resident", c.resident.foreignResident},
        {"stay_until", optionalDate(c.resident.stayUntil)},
        {"moved_in", optionalDate(c.resident.movedIn)},
        {"applicant", std::string(applicantId(c.applicant.type))},
        {"proxy_name", c.applicant.proxyName},
        {"proxy_relation", c.applicant.proxyRelation},
        {"window", c.window},
        {"clerk", c.clerk},
        {"documents", documents},
        {"fee_yen", c.feeYen},
        {"notes", c.notes},
        {"created_at", c.createdAt},
        {"updated_at", c.updatedAt},
        {"version", c.version},
        {"history", history},
        {"call", toJson(c.call)},
    };
    addBooking(j, c.booking);
    return j;
}

nlohmann::json toJson(const db::CaseSummary& s)
{
    nlohmann::json j = {
        {"id", s.id},
        {"reception_number", s.receptionNumber},
        {"procedure", std::string(info(s.procedure).id)},
        {"procedures", toJson(s.procedures)},
        {"status", std::string(statusId(s.status))},
        {"name", s.name},
        {"kana", s.kana},
        {"birth", toIso(s.birth)},
        {"window", s.window},
        {"clerk", s.clerk},
        {"created_at", s.createdAt},
        {"updated_at", s.updatedAt},
        {"version", s.version},
    };
    addBooking(j, s.booking);
    return j;
}

} // namespace madoguchi::app

#include "app/common/booking_json.hpp"

#include "core/common/clock.hpp"

namespace madoguchi::app {

using namespace bookings;

nlohmann::json toJson(const Booking& b, const Standing& standing)
{
    nlohmann::json procedures = nlohmann::json::array();
    for (Procedure p : b.procedures)
        procedures.push_back(std::string(info(p).id));
    auto optional = [](bool has, auto value) { return has ? nlohmann::json(value) : nlohmann::json(nullptr); };
    StartTime end{b.start.day, b.endMinute()};
    return {
        {"id", b.id},
        {"booking_number", b.number},
        {"start", toIsoWithOffset(b.start)},
        {"end", toIsoWithOffset(end)},
        {"minutes", b.minutes},
        {"procedure", std::string(info(b.procedures.front()).id)},
        {"procedure_name", std::string(info(b.procedures.front()).nameJa)},
        {"procedures", procedures},
        {"kind", b.kind},
        {"state", std::string(bookingStateId(standing.state))},
        {"stored_state", std::string(bookingStateId(b.state))},
        {"late", standing.late},
        {"minutes_late", standing.minutesLate},
        {"applicant", std::string(applicantId(b.applicant))},
        {"name", b.name},
        {"kana", b.kana},
        {"birth", optional(b.birth.has_value(), b.birth ? toIso(*b.birth) : std::string())},
        {"phone", b.phone},
        {"lang", std::string(bookingLanguageId(b.language))},
        {"notes", b.notes},
        {"source", std::string(bookingSourceId(b.source))},
        {"external_id", optional(!b.externalId.empty(), b.externalId)},
        {"cancel_reason", b.cancelReason},
        {"case_id", optional(b.caseId.has_value(), b.caseId.value_or(0))},
        {"arrived_at", optional(!b.arrivedAt.empty(), b.arrivedAt)},
        {"created_at", b.createdAt},
        {"updated_at", b.updatedAt},
        {"version", b.version},
    };
}

nlohmann::json toJson(const FreeSlot& s)
{
    return {{"start", toIsoWithOffset(s.start)}, {"free", s.free}};
}

nlohmann::json toJson(const db::BookingImportResult& r)
{
    nlohmann::json refused = nlohmann::json::array();
    for (const auto& x : r.refused)
        refused.push_back({{"line", x.line}, {"reason", x.reason}, {"kind", x.kind}});
    return {{"added", r.added}, {"unchanged", r.unchanged}, {"refused", refused}};
}

} // namespace madoguchi::app

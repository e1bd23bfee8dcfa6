// The booking book of the PostgreSQL case book (db/booking_store.hpp), with the same meaning as
// sqlite_booking_store.cpp. Many windows write at once here: a change locks the office's day it
// puts a booking on (a transaction-scoped advisory lock) before it reads that day's bookings, so
// of two clerks booking the last slot at once one commits and the other, reading after it, is
// told the slot is full. A booking changed is locked by its row (FOR UPDATE).
#include "core/bookings/booking_rules.hpp"
#include "core/bookings/booking_texts.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "core/text/search_fold.hpp"
#include "db/booking_writes.hpp"
#include "db/postgresql/postgres_booking_rows.hpp"
#include "db/postgresql/postgres_case_store.hpp"

#include <set>

namespace madoguchi::db {

using namespace bookings;
using boost::gregorian::date;

namespace {

// Held until the transaction ends; the key names the office and day (other offices' days and
// every other kind of lock are left alone).
void lockDay(pqxx::work& tx, const std::string& office, const date& day)
{
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                   "madoguchi.bookings/" + office + "/" + toIso(day));
}

std::vector<Appointment> readAppointments(pqxx::work& tx, const std::string& office, const date& day)
{
    std::vector<Appointment> out;
    for (const auto& r : tx.exec_params("SELECT id, kind, start_minute, minutes FROM bookings"
                                        " WHERE office = $1 AND day = $2::date AND state IN ('booked', 'arrived')",
                                        office, toIso(day)))
        out.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<int>(), r[3].as<int>()});
    return out;
}

const char* nullableText(const std::string& s, bool isNull)
{
    return isNull ? nullptr : s.c_str();
}

BookingId insertBooking(pqxx::work& tx, const std::string& office, const BookingRow& row, const Actor& actor,
                        const std::string& at, const char* auditAction)
{
    std::int64_t seq = tx.exec_params1("INSERT INTO booking_counters (office, last_seq) VALUES ($1, 1)"
                                       " ON CONFLICT (office) DO UPDATE SET last_seq = booking_counters.last_seq + 1"
                                       " RETURNING last_seq",
                                       office)[0]
                           .as<std::int64_t>();
    const BookingDraft& d = row.draft;
    std::string birth = d.birth ? toIso(*d.birth) : "";
    auto r = tx.exec_params1(
        "INSERT INTO bookings (office, seq, booking_number, day, start_minute, minutes, kind, procedures, procedure,"
        " applicant, name, kana, name_folded, kana_folded, birth, phone, phone_digits, language, notes, source,"
        " external_id, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::date, $16, $17, $18, $19, "
        "$20,"
        " $21, $22, $22) RETURNING id",
        office, seq, formatBookingNumber(seq), toIso(d.start.day), d.start.minute, row.minutes, row.kind,
        procedureIds(d.procedures), std::string(info(d.procedures.front()).id), std::string(applicantId(d.applicant)),
        d.name, d.kana, row.nameFolded, row.kanaFolded, nullableText(birth, !d.birth), d.phone, row.phoneDigits,
        std::string(bookingLanguageId(d.language)), d.notes, std::string(bookingSourceId(d.source)),
        nullableText(d.externalId, d.externalId.empty()), at);
    BookingId id = r[0].as<BookingId>();
    appendAudit(tx, actor, auditAction, std::nullopt, bookingAuditDetail(id, toIsoMinute(d.start)), at);
    return id;
}

std::optional<Booking> selectBooking(pqxx::work& tx, const std::string& office, const std::string& where,
                                     const std::string& value, bool forUpdate = false)
{
    auto r = tx.exec_params(std::string("SELECT ") + kPgBookingColumns + " FROM bookings WHERE office = $1 AND " +
                                where + (forUpdate ? " FOR UPDATE" : ""),
                            office, value);
    if (r.empty())
        return std::nullopt;
    return bookingFromPgRow(r[0]);
}

} // namespace

Booking bookingFromPgRow(const pqxx::row& r)
{
    Booking b;
    b.id = r[0].as<BookingId>();
    b.number = r[1].as<std::string>();
    b.start.day = parseIsoDate(r[2].as<std::string>(), "booking day");
    b.start.minute = r[3].as<int>();
    b.minutes = r[4].as<int>();
    b.kind = r[5].as<std::string>();
    b.procedures = parseProcedureIds(r[6].as<std::string>());
    b.applicant = parseApplicant(r[7].as<std::string>());
    b.name = r[8].as<std::string>();
    b.kana = r[9].as<std::string>();
    if (!r[10].is_null())
        b.birth = parseIsoDate(r[10].as<std::string>(), "booking birth");
    b.phone = r[11].as<std::string>();
    b.language = parseBookingLanguage(r[12].as<std::string>());
    b.notes = r[13].as<std::string>();
    b.source = parseBookingSource(r[14].as<std::string>());
    if (!r[15].is_null())
        b.externalId = r[15].as<std::string>();
    b.state = parseBookingState(r[16].as<std::string>());
    b.cancelReason = r[17].as<std::string>();
    if (!r[18].is_null())
        b.caseId = r[18].as<std::int64_t>();
    b.arrivedAt = r[19].as<std::string>();
    b.createdAt = r[20].as<std::string>();
    b.updatedAt = r[21].as<std::string>();
    b.version = r[22].as<std::int64_t>();
    return b;
}

Booking PostgresCaseStore::lockBooking(pqxx::work& tx, BookingId id)
{
    auto b = selectBooking(tx, options_.office, "id = $2::bigint", std::to_string(id), true);
    if (!b)
        throw NotFound("no booking with id " + std::to_string(id));
    return *b;
}

void PostgresCaseStore::markArrived(pqxx::work& tx, BookingId id, CaseId caseId, const std::string& at)
{
    tx.exec_params0("UPDATE bookings SET state = 'arrived', case_id = $1, arrived_at = $2, updated_at = $2,"
                    " version = version + 1 WHERE id = $3",
                    caseId, at, id);
}

Booking PostgresCaseStore::addBooking(const BookingDraft& draft, const OfficeCalendar& calendar, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    validateDraft(draft, current.day);
    BookingRow row = bookingRow(draft, calendar);
    BookingId id = session_.transact("saving the booking", [&](pqxx::work& tx) {
        lockDay(tx, options_.office, draft.start.day);
        requireRoom(calendar, draft.start, draft.procedures, readAppointments(tx, options_.office, draft.start.day),
                    current);
        return insertBooking(tx, options_.office, row, actor, now().iso, audit_actions::kBookingCreate);
    });
    return getBooking(id);
}

std::optional<Booking> PostgresCaseStore::findBooking(BookingId id)
{
    return session_.transact("reading booking " + std::to_string(id), [&](pqxx::work& tx) {
        return selectBooking(tx, options_.office, "id = $2::bigint", std::to_string(id));
    });
}

std::optional<Booking> PostgresCaseStore::findBookingByNumber(const std::string& number)
{
    auto seq = parseBookingNumber(number);
    if (!seq)
        throw ValidationError("booking number \"" + number + "\" is not of the form Y-000123");
    return session_.transact("reading booking " + number, [&](pqxx::work& tx) {
        return selectBooking(tx, options_.office, "seq = $2::bigint", std::to_string(*seq));
    });
}

std::vector<Booking> PostgresCaseStore::searchBookings(const BookingQuery& q)
{
    std::vector<std::string> params{options_.office};
    auto param = [&](std::string v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql = std::string("SELECT ") + kPgBookingColumns + " FROM bookings WHERE office = $1";
    if (q.day)
        sql += " AND day = " + param(toIso(*q.day)) + "::date";
    if (q.from)
        sql += " AND day >= " + param(toIso(*q.from)) + "::date";
    if (q.to)
        sql += " AND day <= " + param(toIso(*q.to)) + "::date";
    if (q.state)
        sql += " AND state = " + param(std::string(bookingStateId(*q.state)));
    if (q.externalId)
        sql += " AND external_id = " + param(*q.externalId);
    if (q.text && !trimmed(*q.text).empty()) {
        BookingSearchText t = bookingSearchText(*q.text);
        if (t.numberSeq) {
            sql += " AND seq = " + param(std::to_string(*t.numberSeq)) + "::bigint";
        } else if (!t.phoneDigits.empty()) {
            sql += " AND phone_digits LIKE " + param("%" + likeEscaped(t.phoneDigits) + "%");
        } else {
            std::string p = param("%" + likeEscaped(t.folded) + "%");
            sql += " AND (name_folded LIKE " + p + " OR kana_folded LIKE " + p + ")";
        }
    }
    if (!q.ids.empty()) {
        std::string ids = "{";
        for (std::size_t i = 0; i < q.ids.size(); ++i)
            ids += (i ? "," : "") + std::to_string(q.ids[i]);
        sql += " AND id = ANY(" + param(ids + "}") + "::bigint[])";
    }
    sql += " ORDER BY day, start_minute, seq LIMIT " + param(std::to_string(q.limit)) + "::bigint";
    return session_.transact("searching the bookings", [&](pqxx::work& tx) {
        std::vector<Booking> out;
        for (const auto& row : tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params)))
            out.push_back(bookingFromPgRow(row));
        return out;
    });
}

std::vector<Appointment> PostgresCaseStore::appointmentsOn(const date& day)
{
    return session_.transact("reading the bookings of " + toIso(day),
                             [&](pqxx::work& tx) { return readAppointments(tx, options_.office, day); });
}

std::map<date, std::vector<Appointment>> PostgresCaseStore::appointmentsBetween(const date& from, const date& to)
{
    return session_.transact("reading the bookings from " + toIso(from) + " to " + toIso(to), [&](pqxx::work& tx) {
        std::map<date, std::vector<Appointment>> out;
        for (const auto& r : tx.exec_params("SELECT day::text, id, kind, start_minute, minutes FROM bookings"
                                            " WHERE office = $1 AND day BETWEEN $2::date AND $3::date"
                                            " AND state IN ('booked', 'arrived') ORDER BY day",
                                            options_.office, toIso(from), toIso(to)))
            out[parseIsoDate(r[0].as<std::string>(), "booking day")].push_back(
                {r[1].as<std::int64_t>(), r[2].as<std::string>(), r[3].as<int>(), r[4].as<int>()});
        return out;
    });
}

Booking PostgresCaseStore::moveBooking(BookingId id, const StartTime& to, const OfficeCalendar& calendar,
                                       const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    session_.transact("moving booking " + std::to_string(id), [&](pqxx::work& tx) {
        Booking b = lockBooking(tx, id);
        requireMayMove(b);
        lockDay(tx, options_.office, to.day);
        requireRoom(calendar, to, b.procedures, readAppointments(tx, options_.office, to.day), current, id);
        BookingDraft moved = b;
        moved.start = to;
        BookingRow row = bookingRow(moved, calendar);
        std::string at = now().iso;
        tx.exec_params0("UPDATE bookings SET day = $1::date, start_minute = $2, minutes = $3, kind = $4,"
                        " updated_at = $5, version = version + 1 WHERE id = $6",
                        toIso(to.day), to.minute, row.minutes, row.kind, at, id);
        appendAudit(tx, actor, audit_actions::kBookingMove, std::nullopt,
                    bookingAuditDetail(id, toIsoMinute(b.start) + " → " + toIsoMinute(to)), at);
    });
    return getBooking(id);
}

Booking PostgresCaseStore::cancelBooking(BookingId id, const std::string& reason, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    checkCancelReason(reason);
    session_.transact("cancelling booking " + std::to_string(id), [&](pqxx::work& tx) {
        Booking b = lockBooking(tx, id);
        requireMayCancel(b);
        std::string at = now().iso;
        tx.exec_params0("UPDATE bookings SET state = 'cancelled', cancel_reason = $1, updated_at = $2,"
                        " version = version + 1 WHERE id = $3",
                        trimmed(reason), at, id);
        // The reason stays with the booking: free text may name people. The audit holds the id.
        appendAudit(tx, actor, audit_actions::kBookingCancel, std::nullopt, bookingAuditDetail(id), at);
    });
    return getBooking(id);
}

BookingImportResult PostgresCaseStore::importBookings(const std::vector<ImportedBooking>& lines,
                                                      const OfficeCalendar& calendar, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    for (const auto& l : lines)
        validateDraft(l.draft, current.day);
    return session_.transact("importing bookings", [&](pqxx::work& tx) {
        std::set<date> days;
        for (const auto& l : lines)
            days.insert(l.draft.start.day);
        // In day order, as every writer takes them: no two imports wait on each other.
        for (const date& d : days)
            lockDay(tx, options_.office, d);
        std::map<std::string, Booking> existing;
        for (const auto& l : lines)
            if (auto b = selectBooking(tx, options_.office, "external_id = $2", l.draft.externalId))
                existing.emplace(l.draft.externalId, std::move(*b));
        std::map<date, std::vector<Appointment>> onDays;
        for (const date& d : days)
            onDays[d] = readAppointments(tx, options_.office, d);
        ImportPlan plan = planImport(lines, existing, onDays, calendar, current);
        std::string at = now().iso;
        for (const auto& row : plan.add)
            insertBooking(tx, options_.office, row, actor, at, audit_actions::kBookingImport);
        return plan.result;
    });
}

void PostgresCaseStore::recordBookingAccess(const Actor& actor, const std::string& action,
                                            const std::vector<BookingId>& ids, const std::string& detail)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    std::string at = now().iso, role(roleId(actor.role));
    std::vector<AuditEntry> entries;
    for (BookingId id : ids)
        entries.push_back({0, at, actor.user, role, action, std::nullopt, bookingAuditDetail(id, detail), "", ""});
    if (ids.empty())
        entries.push_back({0, at, actor.user, role, action, std::nullopt, detail, "", ""});
    session_.transact("writing the audit trail", [&](pqxx::work& tx) { appendAudit(tx, entries); });
}

} // namespace madoguchi::db

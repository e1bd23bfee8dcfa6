// The booking book of the SQLite case book (db/booking_store.hpp). Every change runs in an
// IMMEDIATE transaction: the write lock is taken before the day's bookings are read, so the room
// checked is the room there is when the booking is written.
#include "core/bookings/booking_rules.hpp"
#include "core/bookings/booking_texts.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "core/text/search_fold.hpp"
#include "db/booking_writes.hpp"
#include "db/case_rules.hpp"
#include "db/sqlite/sqlite_booking_statements.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/sqlite/sqlite_statement_reset.hpp"

#include <SQLiteCpp/Transaction.h>
#include <set>

namespace madoguchi::db {

using namespace bookings;
using boost::gregorian::date;

namespace {

Booking bookingFromRow(SQLite::Statement& r)
{
    Booking b;
    b.id = r.getColumn(0).getInt64();
    b.number = r.getColumn(1).getString();
    b.start.day = parseIsoDate(r.getColumn(2).getString(), "booking day");
    b.start.minute = r.getColumn(3).getInt();
    b.minutes = r.getColumn(4).getInt();
    b.kind = r.getColumn(5).getString();
    b.procedures = parseProcedureIds(r.getColumn(6).getString());
    b.applicant = parseApplicant(r.getColumn(7).getString());
    b.name = r.getColumn(8).getString();
    b.kana = r.getColumn(9).getString();
    if (!r.getColumn(10).isNull())
        b.birth = parseIsoDate(r.getColumn(10).getString(), "booking birth");
    b.phone = r.getColumn(11).getString();
    b.language = parseBookingLanguage(r.getColumn(12).getString());
    b.notes = r.getColumn(13).getString();
    b.source = parseBookingSource(r.getColumn(14).getString());
    if (!r.getColumn(15).isNull())
        b.externalId = r.getColumn(15).getString();
    b.state = parseBookingState(r.getColumn(16).getString());
    b.cancelReason = r.getColumn(17).getString();
    if (!r.getColumn(18).isNull())
        b.caseId = r.getColumn(18).getInt64();
    b.arrivedAt = r.getColumn(19).getString();
    b.createdAt = r.getColumn(20).getString();
    b.updatedAt = r.getColumn(21).getString();
    b.version = r.getColumn(22).getInt64();
    return b;
}

} // namespace

SqliteCaseStore::BookingStatements& SqliteCaseStore::bookingStatements()
{
    if (!bookingSt_)
        bookingSt_ = std::make_unique<BookingStatements>(*db_);
    return *bookingSt_;
}

std::optional<Booking> SqliteCaseStore::readBooking(const std::string& where,
                                                    const std::function<void(SQLite::Statement&)>& bind)
{
    SQLite::Statement q(*db_,
                        std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE office = ? AND " + where);
    q.bind(1, options_.office);
    bind(q);
    if (!q.executeStep())
        return std::nullopt;
    return bookingFromRow(q);
}

std::vector<Appointment> SqliteCaseStore::readAppointments(const std::string& day)
{
    auto& st = bookingStatements().appointments;
    StatementReset r{st};
    st.bind(1, options_.office);
    st.bind(2, day);
    std::vector<Appointment> out;
    while (st.executeStep())
        out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getInt(),
                       st.getColumn(3).getInt()});
    return out;
}

BookingId SqliteCaseStore::insertBooking(const BookingRow& row, const Actor& actor, const std::string& at,
                                         const char* auditAction)
{
    auto& st = bookingStatements();
    std::int64_t n = 0;
    {
        StatementReset r{st.nextSeq};
        st.nextSeq.bind(1, options_.office);
        st.nextSeq.executeStep();
        n = st.nextSeq.getColumn(0).getInt64();
    }
    const BookingDraft& d = row.draft;
    auto& ins = st.insert;
    StatementReset r{ins};
    int i = 0;
    ins.bind(++i, options_.office);
    ins.bind(++i, n);
    ins.bind(++i, formatBookingNumber(n));
    ins.bind(++i, toIso(d.start.day));
    ins.bind(++i, d.start.minute);
    ins.bind(++i, row.minutes);
    ins.bind(++i, row.kind);
    ins.bind(++i, procedureIds(d.procedures));
    ins.bind(++i, std::string(info(d.procedures.front()).id));
    ins.bind(++i, std::string(applicantId(d.applicant)));
    ins.bind(++i, d.name);
    ins.bind(++i, d.kana);
    ins.bind(++i, row.nameFolded);
    ins.bind(++i, row.kanaFolded);
    if (d.birth)
        ins.bind(++i, toIso(*d.birth));
    else
        ins.bind(++i);
    ins.bind(++i, d.phone);
    ins.bind(++i, row.phoneDigits);
    ins.bind(++i, std::string(bookingLanguageId(d.language)));
    ins.bind(++i, d.notes);
    ins.bind(++i, std::string(bookingSourceId(d.source)));
    if (d.externalId.empty())
        ins.bind(++i);
    else
        ins.bind(++i, d.externalId);
    ins.bind(++i, at);
    ins.exec();
    BookingId id = db_->getLastInsertRowid();
    appendAudit(actor, auditAction, std::nullopt, bookingAuditDetail(id, toIsoMinute(d.start)), at);
    return id;
}

Booking SqliteCaseStore::addBooking(const BookingDraft& draft, const OfficeCalendar& calendar, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    validateDraft(draft, current.day);
    BookingRow row = bookingRow(draft, calendar);
    BookingId id;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        requireRoom(calendar, draft.start, draft.procedures, readAppointments(toIso(draft.start.day)), current);
        id = insertBooking(row, actor, now().iso, audit_actions::kBookingCreate);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "saving the booking");
    }
    return getBooking(id);
}

std::optional<Booking> SqliteCaseStore::findBooking(BookingId id)
{
    try {
        return readBooking("id = ?", [id](SQLite::Statement& q) { q.bind(2, id); });
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading booking " + std::to_string(id));
    }
}

std::optional<Booking> SqliteCaseStore::findBookingByNumber(const std::string& number)
{
    auto seq = parseBookingNumber(number);
    if (!seq)
        throw ValidationError("booking number \"" + number + "\" is not of the form Y-000123");
    try {
        return readBooking("seq = ?", [&](SQLite::Statement& q) { q.bind(2, *seq); });
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading booking " + number);
    }
}

std::vector<Booking> SqliteCaseStore::searchBookings(const BookingQuery& q)
{
    // Put together from fixed fragments; every value is bound.
    std::string sql = std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE office = ?";
    std::vector<std::function<void(SQLite::Statement&, int&)>> binds;
    auto bindText = [&](std::string v) {
        binds.push_back([v = std::move(v)](SQLite::Statement& st, int& i) { st.bind(++i, v); });
    };
    bindText(options_.office);
    if (q.day) {
        sql += " AND day = ?";
        bindText(toIso(*q.day));
    }
    if (q.from) {
        sql += " AND day >= ?";
        bindText(toIso(*q.from));
    }
    if (q.to) {
        sql += " AND day <= ?";
        bindText(toIso(*q.to));
    }
    if (q.state) {
        sql += " AND state = ?";
        bindText(std::string(bookingStateId(*q.state)));
    }
    if (q.externalId) {
        sql += " AND external_id = ?";
        bindText(*q.externalId);
    }
    if (q.text && !trimmed(*q.text).empty()) {
        BookingSearchText t = bookingSearchText(*q.text);
        if (t.numberSeq) {
            sql += " AND seq = ?";
            binds.push_back([n = *t.numberSeq](SQLite::Statement& st, int& i) { st.bind(++i, n); });
        } else if (!t.phoneDigits.empty()) {
            sql += " AND phone_digits LIKE ? ESCAPE '\\'";
            bindText("%" + likeEscaped(t.phoneDigits) + "%");
        } else {
            sql += " AND (name_folded LIKE ? ESCAPE '\\' OR kana_folded LIKE ? ESCAPE '\\')";
            std::string pattern = "%" + likeEscaped(t.folded) + "%";
            bindText(pattern);
            bindText(pattern);
        }
    }
    if (!q.ids.empty()) {
        sql += " AND id IN (";
        for (std::size_t i = 0; i < q.ids.size(); ++i) {
            sql += i ? ",?" : "?";
            binds.push_back([id = q.ids[i]](SQLite::Statement& st, int& n) { st.bind(++n, id); });
        }
        sql += ")";
    }
    sql += " ORDER BY day, start_minute, seq LIMIT ?";
    std::vector<Booking> out;
    try {
        SQLite::Statement st(*db_, sql);
        int index = 0;
        for (auto& b : binds)
            b(st, index);
        st.bind(++index, static_cast<std::int64_t>(q.limit));
        while (st.executeStep())
            out.push_back(bookingFromRow(st));
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "searching the bookings");
    }
    return out;
}

std::vector<Appointment> SqliteCaseStore::appointmentsOn(const date& day)
{
    try {
        return readAppointments(toIso(day));
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the bookings of " + toIso(day));
    }
}

std::map<date, std::vector<Appointment>> SqliteCaseStore::appointmentsBetween(const date& from, const date& to)
{
    std::map<date, std::vector<Appointment>> out;
    try {
        auto& st = bookingStatements().between;
        StatementReset r{st};
        st.bind(1, options_.office);
        st.bind(2, toIso(from));
        st.bind(3, toIso(to));
        std::string lastDay;
        std::vector<Appointment>* day = nullptr;
        while (st.executeStep()) {
            std::string d = st.getColumn(0).getString();
            if (!day || d != lastDay) {
                day = &out[parseIsoDate(d, "booking day")];
                lastDay = d;
            }
            day->push_back({st.getColumn(1).getInt64(), st.getColumn(2).getString(), st.getColumn(3).getInt(),
                            st.getColumn(4).getInt()});
        }
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the bookings from " + toIso(from) + " to " + toIso(to));
    }
    return out;
}

Booking SqliteCaseStore::moveBooking(BookingId id, const StartTime& to, const OfficeCalendar& calendar,
                                     const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Booking b = getBooking(id);
        requireMayMove(b);
        requireRoom(calendar, to, b.procedures, readAppointments(toIso(to.day)), current, id);
        BookingDraft moved = b;
        moved.start = to;
        BookingRow row = bookingRow(moved, calendar);
        SQLite::Statement up(*db_, "UPDATE bookings SET day = ?, start_minute = ?, minutes = ?, kind = ?,"
                                   " updated_at = ?, version = version + 1 WHERE id = ?");
        std::string at = now().iso;
        up.bind(1, toIso(to.day));
        up.bind(2, to.minute);
        up.bind(3, row.minutes);
        up.bind(4, row.kind);
        up.bind(5, at);
        up.bind(6, id);
        up.exec();
        appendAudit(actor, audit_actions::kBookingMove, std::nullopt,
                    bookingAuditDetail(id, toIsoMinute(b.start) + " → " + toIsoMinute(to)), at);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "moving booking " + std::to_string(id));
    }
    return getBooking(id);
}

Booking SqliteCaseStore::cancelBooking(BookingId id, const std::string& reason, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    checkCancelReason(reason);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Booking b = getBooking(id);
        requireMayCancel(b);
        SQLite::Statement up(*db_, "UPDATE bookings SET state = 'cancelled', cancel_reason = ?, updated_at = ?,"
                                   " version = version + 1 WHERE id = ?");
        std::string at = now().iso;
        up.bind(1, trimmed(reason));
        up.bind(2, at);
        up.bind(3, id);
        up.exec();
        // The reason stays with the booking: free text may name people. The audit holds the id.
        appendAudit(actor, audit_actions::kBookingCancel, std::nullopt, bookingAuditDetail(id), at);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "cancelling booking " + std::to_string(id));
    }
    return getBooking(id);
}

BookingImportResult SqliteCaseStore::importBookings(const std::vector<ImportedBooking>& lines,
                                                    const OfficeCalendar& calendar, const Actor& actor)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    StartTime current = nowAtOffice();
    for (const auto& l : lines)
        validateDraft(l.draft, current.day); // the caller refused a bad file; a line here is checked all the same
    ImportPlan plan;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::map<std::string, Booking> existing;
        std::set<date> days;
        auto& byExternalId = bookingStatements().byExternalId;
        for (const auto& l : lines) {
            days.insert(l.draft.start.day);
            StatementReset r{byExternalId};
            byExternalId.bind(1, options_.office);
            byExternalId.bind(2, l.draft.externalId);
            if (byExternalId.executeStep())
                existing.emplace(l.draft.externalId, bookingFromRow(byExternalId));
        }
        std::map<date, std::vector<Appointment>> onDays;
        for (const date& d : days)
            onDays[d] = readAppointments(toIso(d));
        plan = planImport(lines, existing, onDays, calendar, current);
        std::string at = now().iso;
        for (const auto& row : plan.add)
            insertBooking(row, actor, at, audit_actions::kBookingImport);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "importing bookings");
    }
    return plan.result;
}

void SqliteCaseStore::recordBookingAccess(const Actor& actor, const std::string& action,
                                          const std::vector<BookingId>& ids, const std::string& detail)
{
    requirePermission(actor.user, actor.role, Permission::WorkOnCases);
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::string at = now().iso;
        for (BookingId id : ids)
            appendAudit(actor, action, std::nullopt, bookingAuditDetail(id, detail), at);
        if (ids.empty())
            appendAudit(actor, action, std::nullopt, detail, at);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "writing the audit trail");
    }
}

} // namespace madoguchi::db

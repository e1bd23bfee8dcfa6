#pragma once
// Mapping between rows of `cases` and the domain types; one column list for every SELECT.
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace madoguchi::db {

inline constexpr const char* kCaseColumns =
    "id, reception_number, procedure, status, window, clerk, created_at, updated_at, version, name, kana, birth, sex,"
    " address, foreign_resident, stay_until, moved_in, applicant, proxy_name, proxy_relation, fee_yen, notes,"
    " called_at, call_window, back_at, booking_id, booked_start";
// The columns a list row needs, prefixed with the table alias `c`.
inline constexpr const char* kSummaryColumns =
    "c.id, c.reception_number, c.procedure, c.status, c.name, c.kana, c.birth, c.window, c.clerk, c.created_at,"
    " c.updated_at, c.version, CASE WHEN c.procedure_count > 1 THEN (SELECT group_concat(p.position || ':' ||"
    " p.procedure || ':' || p.status, ' ') FROM case_procedures p WHERE p.case_id = c.id) END,"
    " c.booking_id, c.booked_start";
// Column 12: the lines of a visit of several procedures (case_row_texts.hpp: linesFromListText),
// NULL for a visit of one, whose line is its procedure at its status. Columns 13-14: its booking.

Case caseFromRow(SQLite::Statement& row);
CaseSummary summaryFromRow(SQLite::Statement& row);

} // namespace madoguchi::db

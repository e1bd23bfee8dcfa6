#pragma once
// Mapping between rows of `cases` and the domain types on PostgreSQL; one column list for every
// SELECT (dates as ISO text, so that both backends hand the domain the same strings).
#include "core/cases/case.hpp"
#include "db/case_store.hpp"

#include <pqxx/row>
#include <string>

namespace madoguchi::db {

inline constexpr const char* kPgCaseColumns =
    "id, reception_number, procedure, status, \"window\", clerk, created_at, updated_at, version, name, kana,"
    " birth::text, sex, address, foreign_resident, stay_until::text, moved_in::text, applicant, proxy_name,"
    " proxy_relation, fee_yen, notes, called_at, call_window, back_at, booking_id, booked_start";
// A visit's lines as one text (case_row_texts.hpp: linesFromListText), for the alias `c`.
inline constexpr const char* kPgAllLinesColumn =
    "array_to_string(ARRAY(SELECT p.position || ':' || p.procedure || ':' || p.status FROM case_procedures p"
    " WHERE p.case_id = c.id ORDER BY p.position), ' ')";
// The same for a list row: NULL for a visit of one procedure, whose line is its procedure at its status.
inline const std::string kPgLinesColumn =
    std::string("CASE WHEN c.procedure_count > 1 THEN ") + kPgAllLinesColumn + " END";
// Followed by kPgLinesColumn in a list's SELECT.
inline constexpr const char* kPgSummaryColumns =
    "c.id, c.reception_number, c.procedure, c.status, c.name, c.kana, c.birth::text, c.\"window\", c.clerk,"
    " c.created_at, c.updated_at, c.version";

// Follows kPgLinesColumn in a list's SELECT: the booking a visit was checked in from.
inline constexpr const char* kPgCaseBookingColumns = "c.booking_id, c.booked_start";

Case caseFromPgRow(const pqxx::row& row);
CaseSummary summaryFromPgRow(const pqxx::row& row);

} // namespace madoguchi::db

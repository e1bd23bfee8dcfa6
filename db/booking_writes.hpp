#pragma once
// What the two booking books write, decided once: the row a draft becomes (its length, kind of
// work and search texts), and which lines of an import are added, unchanged or refused. Both
// stores read what these need under their write lock and write what they say; neither spells a
// rule out itself (the rules are core/bookings').
#include "core/bookings/booking_rules.hpp"
#include "db/booking_store.hpp"

#include <map>
#include <string>
#include <vector>

namespace madoguchi::db {

// A draft ready to be written: the length and kind of work the calendar gives it now, and the
// texts search reads.
struct BookingRow {
    bookings::BookingDraft draft;
    int minutes = 0;
    std::string kind;
    std::string nameFolded, kanaFolded, phoneDigits;
};
BookingRow bookingRow(const bookings::BookingDraft& draft, const bookings::OfficeCalendar& calendar);

// The search texts of a query: a booking number's sequence, else the phone's digits (three or
// more, nothing but digits, hyphens, spaces and parentheses typed), else the folded text.
struct BookingSearchText {
    std::optional<std::int64_t> numberSeq;
    std::string phoneDigits;
    std::string folded;
};
BookingSearchText bookingSearchText(const std::string& typed);

// `text` with % _ and \ escaped for LIKE … ESCAPE '\'.
std::string likeEscaped(const std::string& text);

// The same booking as the service sent it before (an import read again).
bool sameDetails(const bookings::BookingDraft& line, const bookings::Booking& stored);

// The refusal kind a JSON report names ("full", "closed", "outside-hours", "past").
std::string refusalKind(bookings::BookingRefused::Why why);

struct ImportPlan {
    std::vector<BookingRow> add; // in file order
    BookingImportResult result;  // added = add.size()
};
// `existing`: the bookings already in the book for the lines' external ids; `onDays`: the
// appointments of every day a line is for (lines taken are added to it, so a line is checked
// against the lines before it too).
ImportPlan planImport(const std::vector<ImportedBooking>& lines,
                      const std::map<std::string, bookings::Booking>& existing,
                      std::map<boost::gregorian::date, std::vector<bookings::Appointment>>& onDays,
                      const bookings::OfficeCalendar& calendar, const bookings::StartTime& now);

} // namespace madoguchi::db

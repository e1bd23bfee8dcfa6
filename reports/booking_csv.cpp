// The day's bookings as CSV (booking_csv.hpp).
#include "reports/booking_csv.hpp"

#include "core/bookings/booking_csv.hpp"
#include "core/common/clock.hpp"
#include "reports/csv_field.hpp"

namespace madoguchi::reports {

using namespace bookings;

std::string bookingsCsv(const std::vector<ExportedBooking>& rows)
{
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark
    std::vector<std::string> headers;
    for (BookingColumn c :
         {BookingColumn::ExternalId, BookingColumn::Date, BookingColumn::Time, BookingColumn::Procedure,
          BookingColumn::Name, BookingColumn::Kana, BookingColumn::Birth, BookingColumn::Phone,
          BookingColumn::Applicant, BookingColumn::Language, BookingColumn::Notes})
        headers.emplace_back(standardHeader(c));
    for (const char* h :
         {"予約番号", "終了時刻", "手続きID", "状態", "状態ID", "遅れ（分）", "ケースID", "取消理由", "予約経路"})
        headers.emplace_back(h);
    for (std::size_t i = 0; i < headers.size(); ++i)
        out += (i ? "," : "") + headers[i];
    out += "\r\n";
    for (const auto& [b, s] : rows) {
        std::string names;
        for (Procedure p : b.procedures)
            names += (names.empty() ? "" : "+") + std::string(info(p).nameJa);
        std::vector<std::string> cells{csvField(b.externalId, true),
                                       toIso(b.start.day),
                                       clockText(b.start.minute),
                                       csvField(names),
                                       csvField(b.name, true),
                                       csvField(b.kana, true),
                                       b.birth ? toIso(*b.birth) : "",
                                       csvField(b.phone, true),
                                       std::string(applicantNameJa(b.applicant)),
                                       std::string(bookingLanguageId(b.language)),
                                       csvField(b.notes, true),
                                       b.number,
                                       clockText(b.endMinute()),
                                       csvField(procedureIds(b.procedures)),
                                       std::string(info(s.state).nameJa),
                                       std::string(bookingStateId(s.state)),
                                       s.late ? std::to_string(s.minutesLate) : "",
                                       b.caseId ? std::to_string(*b.caseId) : "",
                                       csvField(b.cancelReason, true),
                                       std::string(bookingSourceId(b.source))};
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + cells[i];
        out += "\r\n";
    }
    return out;
}

} // namespace madoguchi::reports

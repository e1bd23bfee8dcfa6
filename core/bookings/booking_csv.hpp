#pragma once
// The booking service's daily file, read into booking drafts. One documented format with Japanese
// headers (docs/cli.md, "The booking file"):
//   予約ID,予約日,開始時刻,手続き,氏名,フリガナ,生年月日,電話番号,申請者,言語,備考
// in UTF-8 (with or without a byte-order mark) or Shift_JIS/CP932 as a Japanese spreadsheet saves
// it, told apart and converted by ICU (core/text/japanese_encoding.hpp). Columns are found by
// their header, in any order; other columns are passed over (an export's extra columns too). A
// service with other headers or words is read through a column-mapping file (JSON) naming its
// headers, its words for procedures and applicants, and optionally its encoding.
//
// Reading checks every line (its fields and everything validateDraft checks) and reports each bad
// one with its line number; whether the bookings fit is for the store to say.
#include "core/bookings/booking.hpp"
#include "core/text/japanese_encoding.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::bookings {

// What a column holds.
enum class BookingColumn {
    ExternalId,
    Date,
    Time,
    Start,
    Procedure,
    Name,
    Kana,
    Birth,
    Phone,
    Applicant,
    Language,
    Notes
};

struct ColumnMapping {
    std::string name = "standard";        // the service's name, for messages
    std::optional<TextEncoding> encoding; // none: told apart by reading
    std::map<BookingColumn, std::string> headers;
    // The service's words for a procedure or applicant, besides the ids and Madoguchi's own names.
    std::map<std::string, Procedure> procedureWords;
    std::map<std::string, ApplicantType> applicantWords;
};

// The documented format's headers (予約ID, 予約日, …; 予約日時 for a date and time in one column).
const ColumnMapping& standardMapping();
// The standard header of a column, as an export writes it.
std::string_view standardHeader(BookingColumn c);

// A mapping file: {"format": 1, "service": "…", "encoding": "utf-8"|"shift_jis" (optional),
//   "columns": {"external_id": "受付番号", "date": "来庁日", "time": "時間", "procedure": "用件", …},
//   "procedures": {"カード受取": "card-receipt", …}, "applicants": {"ご本人": "principal", …}}.
// Column keys: external_id, date, time, start, procedure, name, kana, birth, phone, applicant,
// language, notes; a column not named keeps its standard header. ValidationError naming the
// file and key.
ColumnMapping readColumnMapping(const std::filesystem::path& file);

struct CsvLine {
    int line = 0; // the line of the file the record starts on (1: the header)
    BookingDraft draft;
};

struct CsvFault {
    int line = 0;
    std::string reason;
};

struct BookingFile {
    TextEncoding encoding = TextEncoding::Utf8;
    std::vector<CsvLine> bookings;
    std::vector<CsvFault> faults; // bad lines; a file with any is imported not at all
};

// Reads the file's bytes. `today` for the birth-date check. Each draft has source Import.
BookingFile readBookingFile(std::string_view bytes, const ColumnMapping& mapping, const boost::gregorian::date& today);

// RFC 4180 records from decoded lines: fields split at commas outside quotes, "" inside quotes
// a quote, a quoted field may run over several lines. Each record with the line it starts on;
// an unclosed quote is a fault of the record's first line.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};
std::vector<CsvRecord> splitCsvRecords(const std::vector<DecodedLine>& lines, std::vector<CsvFault>& faults);

} // namespace madoguchi::bookings

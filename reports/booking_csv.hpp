#pragma once
// A day's bookings as CSV for the office's own lists and spreadsheets: the import format's
// columns first (予約ID, 予約日, 開始時刻, 手続き, 氏名, フリガナ, 生年月日, 電話番号, 申請者, 言語, 備考;
// core/bookings/booking_csv.hpp), then 予約番号, 終了時刻, 手続きID, 状態, 状態ID, 遅れ（分）,
// ケースID, 取消理由, 予約経路. UTF-8 with a byte-order mark (a Japanese Excel reads the file as
// Shift_JIS otherwise), CRLF, RFC 4180 quoting, free text guarded against formulas.
#include "core/bookings/booking_rules.hpp"

#include <string>
#include <vector>

namespace madoguchi::reports {

struct ExportedBooking {
    bookings::Booking booking;
    bookings::Standing standing; // what it stands for when exported
};

std::string bookingsCsv(const std::vector<ExportedBooking>& rows);

} // namespace madoguchi::reports

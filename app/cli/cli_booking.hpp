#pragma once
// What the booking commands share (cli_booking.cpp and the files of its later actions: the slip,
// the import and export): the booking book, the office calendar from --office, a booking named by
// its id or its number.
#include "app/cli/cli_context.hpp"
#include "core/bookings/office_calendar.hpp"
#include "db/booking_store.hpp"

#include <filesystem>

namespace madoguchi::cli {

db::BookingStore& bookingStore(CliContext& ctx);
void addOfficeOption(boost::program_options::options_description& o);
std::filesystem::path officeFileOf(const boost::program_options::variables_map& vm);
bookings::OfficeCalendar calendarOf(const boost::program_options::variables_map& vm);
// "42" or "Y-000042"; NotFound, or ValidationError for a word that is neither.
bookings::Booking findBookingByWord(db::BookingStore& book, const std::string& word);

} // namespace madoguchi::cli

#pragma once
// The booking slip (予約票, reports/booking_slip.hpp) from the window: written as a PDF into the
// user's private cache folder and opened with the system's viewer, from which it is printed —
// as the handout is (handout_printer.hpp).
#include "app/gui/desk_context.hpp"
#include "core/bookings/booking.hpp"
#include "core/bookings/office_calendar.hpp"

#include <filesystem>
#include <optional>

class wxWindow;

namespace madoguchi::gui {

// In the language the resident asked for; returns the path, or none after telling the clerk why
// not (error dialog).
std::optional<std::filesystem::path> printBookingSlip(wxWindow* parent, const DeskContext& desk,
                                                      const bookings::Booking& b,
                                                      const bookings::OfficeCalendar& calendar);

} // namespace madoguchi::gui

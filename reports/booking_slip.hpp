#pragma once
// The booking slip (予約票) a resident takes home or is sent: the booking number, the day and time
// in 西暦 and 和暦, the place (the office's name and address, and where to go inside it), what to
// bring for the booking's procedures and applicant from the rule book (each paper once for a
// visit of several procedures), what to do if late or prevented, and the loss hotline. Japanese
// or English, laid out like the handout (flow_layout.hpp) and printed from the window and the
// console with the same call.
#include "core/bookings/booking.hpp"
#include "core/bookings/office_calendar.hpp"
#include "core/rules/requirements.hpp"
#include "reports/language.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <filesystem>

namespace madoguchi::rules {
class RuleBook;
}

namespace madoguchi::reports {

// What the rule book says for the booking's visit on its day: its procedures' answers merged
// (core/rules/visit_requirements.hpp), for its applicant and birth date (age-free answers when the
// booking has none).
struct SlipRules {
    rules::Requirements requirements;
    std::vector<std::vector<Procedure>> documentFor; // per document: the procedures that ask for it
};
SlipRules slipRulesFor(const bookings::Booking& b, const rules::RuleBook& book);

Language slipLanguage(const bookings::Booking& b); // the language the resident asked for

RenderedDocument renderBookingSlip(const bookings::Booking& b, Language lang, const OfficeInfo& office,
                                   const SlipRules& rules, const bookings::OfficeCalendar& calendar,
                                   const boost::gregorian::date& printedOn);

} // namespace madoguchi::reports

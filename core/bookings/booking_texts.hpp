#pragma once
// Every text a booking carries, checked before a store writes it: the one text check of
// core/text/text_field.hpp (valid UTF-8, no control characters, a length a person types), as a
// case's texts are (core/cases/case_texts.hpp), and no My Number — a booking holds none (issue
// #15 §1), so a clerk typing one into the notes is stopped rather than trusted. A field added to
// BookingDraft is added here.
#include "core/bookings/booking.hpp"

#include <string>

namespace madoguchi::bookings {

// ValidationError naming the first bad field ("name", "kana", "phone", "notes", "external-id").
void checkBookingTexts(const BookingDraft& draft);

// The reason a booking is cancelled (free text kept with the booking): not empty, checked as a
// case's reasons are, no My Number.
void checkCancelReason(const std::string& reason);

} // namespace madoguchi::bookings

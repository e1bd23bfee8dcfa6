// A booking's texts through the one text check, and no My Number in any of them (booking_texts.hpp).
#include "core/bookings/booking_texts.hpp"

#include "core/common/errors.hpp"
#include "core/mynumber/my_number.hpp"
#include "core/text/search_fold.hpp"
#include "core/text/text_field.hpp"

#include <cctype>

namespace madoguchi::bookings {

namespace {

// Runs of digits, spaces and hyphens (full width folded): twelve digits with a right check digit
// are a My Number (docs/rules.md Part II).
void refuseMyNumber(const std::string& field, const std::string& value)
{
    std::string digits;
    auto flush = [&] {
        if (digits.size() == 12 && mynumber::isValid(digits))
            throw ValidationError(field + ": holds what looks like a My Number (12 digits); a booking keeps none");
        digits.clear();
    };
    for (char c : normalizeWidth(value)) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c != ' ' && c != '-')
            flush();
    }
    flush();
}

void checkBookingText(const std::string& field, const std::string& value, TextShape shape)
{
    checkTextField(field, value, shape);
    refuseMyNumber(field, value);
}

} // namespace

void checkBookingTexts(const BookingDraft& d)
{
    checkBookingText("name", d.name, TextShape::Line);
    checkBookingText("kana", d.kana, TextShape::Line);
    // The phone is not searched for a My Number: an international number (+81 90 1234 5678) has
    // twelve digits too, and validateDraft lets it hold digits only.
    checkTextField("phone", d.phone, TextShape::Line);
    checkBookingText("notes", d.notes, TextShape::Lines);
    checkBookingText("external-id", d.externalId, TextShape::Line);
}

void checkCancelReason(const std::string& reason)
{
    checkBookingText("reason", reason, TextShape::Lines);
    if (trimmed(reason).empty())
        throw ValidationError("reason: a cancelled booking needs a reason");
}

} // namespace madoguchi::bookings

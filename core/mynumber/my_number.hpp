#pragma once
// The individual number (個人番号): check digit, validation and the one masking function for
// screens and papers. The number itself is never stored or logged in plain text.
#include <string>
#include <string_view>

namespace madoguchi::mynumber {

// The check digit for the first 11 digits (formula: docs/rules.md, Part II, from the
// 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条 / 総務省令).
// Throws ValidationError when `first11` is not 11 ASCII digits.
int checkDigit(std::string_view first11);

// Digits only: removes spaces and hyphens, turns full-width digits into ASCII. Other characters
// are kept so that validate() can name them.
std::string normalize(std::string_view typed);

// Throws ValidationError with a clear message (Japanese / English): wrong length, non-digits,
// wrong check digit. Accepts what normalize() accepts.
void validate(std::string_view typed);
bool isValid(std::string_view typed) noexcept;

// "**** **** 9018": only the last 4 digits; anything that is not a 12-digit number is fully masked.
std::string mask(std::string_view typed);

} // namespace madoguchi::mynumber

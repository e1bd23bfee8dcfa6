#pragma once
// Reception numbers (受付番号) are what the resident hears called: a series letter and the day's
// sequence, e.g. A-012. Unique per office and day; the store allocates the sequence.
#include <optional>
#include <string>

namespace madoguchi {

std::string formatReceptionNumber(const std::string& series, int sequence);

struct ReceptionNumber {
    std::string series;
    int sequence;
};
// Accepts A-012, a-12, Ａ－０１２ (full width); none when the text is not a reception number.
std::optional<ReceptionNumber> parseReceptionNumber(const std::string& text);

// The office a program takes reception numbers for (several offices share one PostgreSQL case
// book, each numbering its own day from 1): 1-32 ASCII letters, digits, '-' or '_', as typed in a
// setting or an option and written in every case. Returns it trimmed; ValidationError otherwise.
std::string checkOfficeCode(const std::string& code);

} // namespace madoguchi

#pragma once
// The renewal forecast (issue #18): for each month and week ahead, how many cards and certificates
// of the register enter their renewal window and expire, how many stay-bound cards end, and how
// many reach the end of the health-insurance grace — every date from the deadline engine
// (core/rules/deadlines.hpp, docs/rules.md §9), never computed here — against the counter's
// capacity when it is known.
#include "core/register/issued_card.hpp"
#include "core/rules/readings.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi {

// The counter's capacity: booking slots per week for the two kinds of work the renewal wave
// brings (from the booking book).
struct WeeklyCapacity {
    int cardReceipt = 0; // カードの受け取り (a renewed card is received at the counter)
    int certRenewal = 0; // 電子証明書の更新
};

struct ForecastCounts {
    int cardRenewals = 0;        // cards whose renewal window opens (counted in the month it opens)
    int certRenewals = 0;        // certificates whose renewal window opens
    int cardExpiries = 0;        // cards whose validity ends (有効期限)
    int certExpiries = 0;        // user-authentication certificates that expire
    int stayEnds = 0;            // stay-bound cards that end with the period of stay
    int healthInsuranceEnds = 0; // cards whose マイナ保険証 grace ends
};

// Capacity of a period, and by how much demand goes over it (0 when it fits).
struct PeriodCapacity {
    int cardReceipt = 0;
    int certRenewal = 0;
};

struct ForecastPeriod {
    std::string label;                  // "2027-03" for a month, "2027-W10" (ISO week) for a week
    boost::gregorian::date first, last; // inclusive, clipped to the forecast's span
    ForecastCounts counts;
    std::optional<PeriodCapacity> capacity; // none when the capacity is not known
    std::optional<PeriodCapacity> over;     // renewals above capacity, per kind
    bool overCapacity() const { return over && (over->cardReceipt > 0 || over->certRenewal > 0); }
};

struct Forecast {
    boost::gregorian::date first, last; // the span: first day of the first month to the last of the last
    std::vector<ForecastPeriod> months;
    std::vector<ForecastPeriod> weeks; // Monday to Sunday; the first and last clipped to the span
    std::size_t cards = 0;             // records read
};

// `firstMonth`: any day of the first month. `months` 1–120. A month's capacity is the weekly one
// times its days / 7 (rounded to the nearest slot); a clipped week's likewise.
Forecast computeForecast(const std::vector<IssuedCard>& cards, const boost::gregorian::date& firstMonth, int months,
                         const std::optional<WeeklyCapacity>& capacity, const rules::Readings& readings = {});

// Which of the counts a field of the forecast is: the JSON/CSV column names, in their order.
struct ForecastField {
    const char* key; // "card_renewals"
    int ForecastCounts::*count;
};
const std::vector<ForecastField>& forecastFields();

} // namespace madoguchi

// Writes the forecast's rows (forecast_csv.hpp): the same fields, in the same order, as the JSON of
// `madoguchi-cli forecast --json`.
#include "reports/forecast_csv.hpp"

#include "core/common/clock.hpp"

namespace madoguchi::reports {

namespace {

std::string optionalNumber(const std::optional<PeriodCapacity>& c, int PeriodCapacity::*field)
{
    return c ? std::to_string((*c).*field) : std::string();
}

void appendRow(std::string& out, const char* kind, const ForecastPeriod& p)
{
    out += kind;
    out += ',' + p.label + ',' + toIso(p.first) + ',' + toIso(p.last);
    for (const auto& f : forecastFields())
        out += ',' + std::to_string(p.counts.*(f.count));
    out += ',' + optionalNumber(p.capacity, &PeriodCapacity::cardReceipt);
    out += ',' + optionalNumber(p.capacity, &PeriodCapacity::certRenewal);
    out += ',' + optionalNumber(p.over, &PeriodCapacity::cardReceipt);
    out += ',' + optionalNumber(p.over, &PeriodCapacity::certRenewal);
    out += "\r\n";
}

} // namespace

std::string forecastCsv(const Forecast& forecast)
{
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: spreadsheets read the file as UTF-8
    out += "period,label,first,last";
    for (const auto& f : forecastFields())
        out += std::string(",") + f.key;
    out += ",capacity_card_receipt,capacity_cert_renewal,over_card_receipt,over_cert_renewal\r\n";
    for (const auto& m : forecast.months)
        appendRow(out, "month", m);
    for (const auto& w : forecast.weeks)
        appendRow(out, "week", w);
    return out;
}

} // namespace madoguchi::reports

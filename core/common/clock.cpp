#include "core/common/clock.hpp"

#include "core/common/errors.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace madoguchi {

Timestamp now()
{
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string iso(buf);
    // strftime gives +0900; ISO 8601 extended form wants +09:00.
    if (iso.size() >= 5)
        iso.insert(iso.size() - 2, ":");
    return {iso, boost::gregorian::date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)};
}

boost::gregorian::date parseIsoDate(const std::string& text, const std::string& what)
{
    auto bad = [&](const std::string& why) { return ValidationError(what + ": \"" + text + "\" " + why); };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        throw bad("is not a date of the form YYYY-MM-DD");
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            throw bad("is not a date of the form YYYY-MM-DD");
    int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2)), d = std::stoi(text.substr(8, 2));
    if (y < 1400 || y > 9999)
        throw bad("has a year out of range");
    if (m < 1 || m > 12)
        throw bad("has no such month");
    if (d < 1 || d > boost::gregorian::gregorian_calendar::end_of_month_day(y, m))
        throw bad("does not exist (no such day in that month)");
    return boost::gregorian::date(y, m, d);
}

std::string toIso(const boost::gregorian::date& d)
{
    if (d.is_special()) // not-a-date-time and the infinities keep Boost's spelling
        return boost::gregorian::to_iso_extended_string(d);
    // Boost formats through a locale-aware stream: a bulk import formats millions of dates.
    auto ymd = d.year_month_day();
    char buf[32]; // room for any int, as the compiler's format check wants
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    return buf;
}

} // namespace madoguchi

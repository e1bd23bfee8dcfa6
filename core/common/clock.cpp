#include "core/common/clock.hpp"

#include "core/common/errors.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace madoguchi {

namespace {

// Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

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
    return {iso, boost::gregorian::date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
            static_cast<std::int64_t>(t)};
}

std::optional<std::int64_t> epochSeconds(const std::string& iso)
{
    int y, mo, d, h, mi, s;
    char sign = 'Z';
    int oh = 0, om = 0;
    if (iso.size() < 19 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
        return std::nullopt;
    std::size_t p = 19;
    if (p < iso.size() && iso[p] == '.')
        while (p < iso.size() && iso[p] != '+' && iso[p] != '-' && iso[p] != 'Z')
            ++p; // fractions of a second do not matter here
    if (p < iso.size() && (iso[p] == '+' || iso[p] == '-')) {
        sign = iso[p];
        if (std::sscanf(iso.c_str() + p + 1, "%2d:%2d", &oh, &om) != 2)
            return std::nullopt;
    }
    std::int64_t t =
        daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s;
    std::int64_t off = (oh * 60 + om) * 60;
    return sign == '-' ? t + off : t - off;
}

std::string isoAt(std::int64_t epoch, int offsetMinutes)
{
    std::int64_t local = epoch + offsetMinutes * 60;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t secs = local - days * 86400;
    auto d = boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(days);
    char buf[40];
    int off = std::abs(offsetMinutes);
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", toIso(d).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), offsetMinutes < 0 ? '-' : '+',
                  off / 60, off % 60);
    return buf;
}

int offsetMinutesOf(const std::string& iso)
{
    if (iso.size() >= 25 && (iso[19] == '+' || iso[19] == '-'))
        return (iso[19] == '-' ? -1 : 1) * (std::stoi(iso.substr(20, 2)) * 60 + std::stoi(iso.substr(23, 2)));
    return 9 * 60; // the office's zone when a timestamp has none (JST)
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

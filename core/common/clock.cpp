#include "core/common/clock.hpp"

#include "core/common/errors.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
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
    return {iso, boost::gregorian::date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
            static_cast<std::int64_t>(t)};
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

// Reads `width` digits at `at`; false unless they are all digits.
bool digits(std::string_view s, std::size_t at, std::size_t width, int& value)
{
    if (at + width > s.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

std::string twoDigits(int v)
{
    return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

} // namespace

std::string TimestampParts::clock() const
{
    return twoDigits(hour) + ":" + twoDigits(minute);
}

std::string TimestampParts::clockWithSeconds() const
{
    return clock() + ":" + twoDigits(second);
}

std::string TimestampParts::dayAndClock() const
{
    return toIso(localDay) + " " + clock();
}

std::optional<TimestampParts> readTimestamp(std::string_view iso)
{
    // YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]
    int y, mo, d, h, mi, sec;
    if (!digits(iso, 0, 4, y) || iso.size() < 19 || iso[4] != '-' || !digits(iso, 5, 2, mo) || iso[7] != '-' ||
        !digits(iso, 8, 2, d) || (iso[10] != 'T' && iso[10] != ' ') || !digits(iso, 11, 2, h) || iso[13] != ':' ||
        !digits(iso, 14, 2, mi) || iso[16] != ':' || !digits(iso, 17, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > boost::gregorian::gregorian_calendar::end_of_month_day(y, mo) || h > 23 ||
        mi > 59 || sec > 60)
        return std::nullopt;
    std::size_t p = 19;
    if (p < iso.size() && iso[p] == '.')
        for (++p; p < iso.size() && iso[p] >= '0' && iso[p] <= '9';)
            ++p; // fractions of a second do not matter here
    int offset = 0;
    if (p < iso.size() && (iso[p] == '+' || iso[p] == '-')) {
        int oh, om;
        if (!digits(iso, p + 1, 2, oh) || p + 3 >= iso.size() || iso[p + 3] != ':' || !digits(iso, p + 4, 2, om))
            return std::nullopt;
        offset = (iso[p] == '-' ? -1 : 1) * (oh * 60 + om);
        p += 6;
    } else if (p < iso.size() && iso[p] == 'Z') {
        ++p;
    }
    if (p != iso.size())
        return std::nullopt;
    TimestampParts t;
    t.localDay = boost::gregorian::date(y, mo, d);
    t.hour = h;
    t.minute = mi;
    t.second = sec;
    t.offsetMinutes = offset;
    t.epoch = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + sec -
              static_cast<std::int64_t>(offset) * 60;
    return t;
}

std::optional<std::int64_t> epochSeconds(std::string_view iso)
{
    if (auto t = readTimestamp(iso))
        return t->epoch;
    return std::nullopt;
}

std::optional<long> minutesBetween(std::string_view fromIso, std::string_view toIso)
{
    auto a = epochSeconds(fromIso), b = epochSeconds(toIso);
    if (!a || !b)
        return std::nullopt;
    return static_cast<long>((*b - *a) / 60);
}

std::string timestampAt(std::int64_t epoch, int offsetMinutes)
{
    std::int64_t local = epoch + static_cast<std::int64_t>(offsetMinutes) * 60;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t secs = local - days * 86400;
    auto d = boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(days);
    char buf[48];
    int off = std::abs(offsetMinutes);
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", toIso(d).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), offsetMinutes < 0 ? '-' : '+',
                  off / 60, off % 60);
    return buf;
}

int offsetMinutesOf(std::string_view iso)
{
    auto t = readTimestamp(iso);
    return t ? t->offsetMinutes : 9 * 60;
}

std::int64_t startOfDay(const boost::gregorian::date& day, int offsetMinutes)
{
    return daysFromCivil(day.year(), day.month(), day.day()) * 86400 - static_cast<std::int64_t>(offsetMinutes) * 60;
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

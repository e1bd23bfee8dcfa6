// The ids and words of a booking's states, sources and languages (one table each), its times and
// its number.
#include "core/bookings/booking.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace madoguchi::bookings {

namespace {

constexpr std::array<BookingStateInfo, 4> kStates{{
    {BookingState::Booked, "booked", "予約中", "Booked"},
    {BookingState::Arrived, "arrived", "来庁済み", "Arrived"},
    {BookingState::Missed, "missed", "不来庁", "Missed"},
    {BookingState::Cancelled, "cancelled", "取消し", "Cancelled"},
}};

constexpr std::array<std::string_view, 3> kSources{"counter", "phone", "import"};
constexpr std::array<std::string_view, 2> kLanguages{"ja", "en"};

template <typename Ids> std::string idList(const Ids& ids)
{
    std::string out;
    for (auto id : ids)
        out += (out.empty() ? "" : ", ") + std::string(id);
    return out;
}

bool allDigits(const std::string& s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

} // namespace

std::span<const BookingStateInfo> allBookingStates()
{
    return kStates;
}

const BookingStateInfo& info(BookingState s)
{
    return kStates[static_cast<std::size_t>(s)];
}

std::string_view bookingStateId(BookingState s)
{
    return info(s).id;
}

BookingState parseBookingState(std::string_view id)
{
    for (const auto& s : kStates)
        if (s.id == id)
            return s.state;
    std::string ids;
    for (const auto& s : kStates)
        ids += (ids.empty() ? "" : ", ") + std::string(s.id);
    throw ValidationError("unknown booking state \"" + std::string(id) + "\" (one of: " + ids + ")");
}

std::string_view bookingSourceId(BookingSource s)
{
    return kSources[static_cast<std::size_t>(s)];
}

BookingSource parseBookingSource(std::string_view id)
{
    for (std::size_t i = 0; i < kSources.size(); ++i)
        if (kSources[i] == id)
            return static_cast<BookingSource>(i);
    throw ValidationError("unknown booking source \"" + std::string(id) + "\" (one of: " + idList(kSources) + ")");
}

std::string_view bookingLanguageId(BookingLanguage l)
{
    return kLanguages[static_cast<std::size_t>(l)];
}

BookingLanguage parseBookingLanguage(std::string_view id)
{
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (kLanguages[i] == id)
            return static_cast<BookingLanguage>(i);
    throw ValidationError("unknown language \"" + std::string(id) + "\" (one of: " + idList(kLanguages) + ")");
}

int parseClock(const std::string& text, const std::string& what)
{
    std::string t = normalizeWidth(trimmed(text));
    auto colon = t.find(':');
    std::string h = colon == std::string::npos ? "" : t.substr(0, colon);
    std::string m = colon == std::string::npos ? "" : t.substr(colon + 1);
    if (h.empty() || h.size() > 2 || m.size() != 2 || !allDigits(h) || !allDigits(m))
        throw ValidationError(what + ": \"" + text + "\" is not a time of the form HH:MM");
    int hours = std::stoi(h), minutes = std::stoi(m);
    if (hours > 23 || minutes > 59)
        throw ValidationError(what + ": \"" + text + "\" is not a time of day");
    return hours * 60 + minutes;
}

StartTime parseStartTime(const std::string& text, const std::string& what)
{
    std::string t = trimmed(text);
    if (t.size() < 16 || (t[10] != 'T' && t[10] != ' '))
        throw ValidationError(what + ": \"" + text + "\" is not a time of the form YYYY-MM-DDTHH:MM");
    StartTime s;
    s.day = parseIsoDate(t.substr(0, 10), what);
    s.minute = parseClock(t.substr(11, 5), what);
    // Seconds and an offset may follow (the form the JSON prints); anything else may not.
    std::string rest = t.substr(16);
    if (rest.rfind(":00", 0) == 0)
        rest = rest.substr(3);
    bool offset = rest.empty() || rest == "Z" ||
                  (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
                   allDigits(rest.substr(1, 2)) && allDigits(rest.substr(4, 2)));
    if (!offset)
        throw ValidationError(what + ": \"" + text + "\" is not a time of the form YYYY-MM-DDTHH:MM");
    return s;
}

boost::gregorian::date parseListDate(const std::string& text, const std::string& what)
{
    std::string t = normalizeWidth(trimmed(text));
    char sep = t.find('/') != std::string::npos ? '/' : '-';
    auto a = t.find(sep);
    auto b = a == std::string::npos ? a : t.find(sep, a + 1);
    if (b == std::string::npos || a != 4)
        throw ValidationError(what + ": \"" + text + "\" is not a date (2026-12-03 or 2026/12/3)");
    auto pad = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    try {
        return parseIsoDate(t.substr(0, 4) + "-" + pad(t.substr(5, b - 5)) + "-" + pad(t.substr(b + 1)), what);
    } catch (const ValidationError&) {
        throw ValidationError(what + ": \"" + text + "\" is not a date (2026-12-03 or 2026/12/3)");
    }
}

std::string clockText(int minute)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

std::string toIsoMinute(const StartTime& t)
{
    return toIso(t.day) + "T" + clockText(t.minute);
}

std::string toIsoWithOffset(const StartTime& t)
{
    // The offset the office's clock has at that moment (mktime knows the time zone's rules).
    auto ymd = t.day.year_month_day();
    std::tm local{};
    local.tm_year = ymd.year - 1900;
    local.tm_mon = ymd.month - 1;
    local.tm_mday = ymd.day;
    local.tm_hour = t.minute / 60;
    local.tm_min = t.minute % 60;
    local.tm_isdst = -1;
    std::mktime(&local);
    char offset[8];
    std::strftime(offset, sizeof offset, "%z", &local);
    std::string z(offset);
    if (z.size() == 5)
        z.insert(3, ":");
    return toIsoMinute(t) + ":00" + z;
}

std::string formatBookingNumber(std::int64_t sequence)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "Y-%06lld", static_cast<long long>(sequence));
    return buf;
}

std::optional<std::int64_t> parseBookingNumber(const std::string& text)
{
    std::string t = normalizeWidth(trimmed(text));
    if (t.empty() || (t[0] != 'Y' && t[0] != 'y'))
        return std::nullopt;
    std::string digits = t.substr(t.size() > 1 && t[1] == '-' ? 2 : 1);
    if (!allDigits(digits) || digits.size() > 12)
        return std::nullopt;
    return std::stoll(digits);
}

std::string procedureIds(std::span<const Procedure> procedures)
{
    std::string out;
    for (Procedure p : procedures)
        out += (out.empty() ? "" : ",") + std::string(info(p).id);
    return out;
}

std::vector<Procedure> parseProcedureIds(const std::string& text)
{
    std::vector<Procedure> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        auto comma = text.find(',', from);
        std::string id = text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!id.empty())
            out.push_back(parseProcedure(id));
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return out;
}

} // namespace madoguchi::bookings

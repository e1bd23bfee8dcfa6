// Whether a booking fits and which slots are free (capacity.hpp).
#include "core/bookings/capacity.hpp"

#include <algorithm>

namespace madoguchi::bookings {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

const OpeningHours* stretchHolding(const std::vector<OpeningHours>& hours, int from, int to)
{
    for (const auto& h : hours)
        if (h.open <= from && to <= h.close)
            return &h;
    return nullptr;
}

} // namespace

DayLoad::DayLoad(std::span<const Appointment> onDay, const std::string& kind, std::optional<BookingId> leaveOut)
    : busy_(kMinutesPerDay + 1, 0)
{
    // A difference array: +1 where an appointment starts, -1 where it ends, summed once.
    for (const auto& a : onDay) {
        if (a.kind != kind || (leaveOut && a.id == *leaveOut))
            continue;
        int from = std::clamp(a.start, 0, kMinutesPerDay), to = std::clamp(a.start + a.minutes, 0, kMinutesPerDay);
        if (from >= to)
            continue;
        ++busy_[static_cast<std::size_t>(from)];
        --busy_[static_cast<std::size_t>(to)];
    }
    for (std::size_t m = 1; m < busy_.size(); ++m)
        busy_[m] += busy_[m - 1];
}

int DayLoad::busiest(int from, int to) const
{
    from = std::clamp(from, 0, kMinutesPerDay);
    to = std::clamp(to, 0, kMinutesPerDay);
    if (from >= to)
        return 0;
    return *std::max_element(busy_.begin() + from, busy_.begin() + to);
}

Fit fitAt(const OfficeCalendar& calendar, const StartTime& start, const KindOfWork& kind, int minutes,
          std::span<const Appointment> onDay, std::optional<BookingId> leaveOut)
{
    Fit fit;
    fit.hours = calendar.hoursOn(start.day);
    if (fit.hours.empty()) {
        fit.misfit = Misfit::Closed;
        fit.closed = calendar.closedOn(start.day);
        return fit;
    }
    if (!stretchHolding(fit.hours, start.minute, start.minute + minutes)) {
        fit.misfit = Misfit::OutsideHours;
        return fit;
    }
    DayLoad load(onDay, kind.id, leaveOut);
    fit.free = kind.windows - load.busiest(start.minute, start.minute + minutes);
    if (fit.free <= 0) {
        fit.free = 0;
        fit.misfit = Misfit::Full;
    }
    return fit;
}

std::vector<FreeSlot> slotsOn(const OfficeCalendar& calendar, const boost::gregorian::date& day, const KindOfWork& kind,
                              int minutes, std::span<const Appointment> onDay, int notBefore, bool withFull)
{
    std::vector<FreeSlot> out;
    auto hours = calendar.hoursOn(day);
    if (hours.empty())
        return out;
    DayLoad load(onDay, kind.id);
    const int step = calendar.slotMinutes();
    for (const auto& h : hours)
        for (int t = h.open; t + minutes <= h.close; t += step) {
            if (t < notBefore)
                continue;
            int free = std::max(0, kind.windows - load.busiest(t, t + minutes));
            if (free > 0 || withFull)
                out.push_back({{day, t}, free});
        }
    return out;
}

DayFill fillOf(const OfficeCalendar& calendar, const boost::gregorian::date& day, std::span<const Appointment> onDay)
{
    DayFill f;
    f.day = day;
    auto hours = calendar.hoursOn(day);
    f.open = !hours.empty();
    int open = 0;
    for (const auto& h : hours)
        open += h.close - h.open;
    for (const auto& k : calendar.kinds())
        f.capacityMinutes += k.windows * open;
    for (const auto& a : onDay) {
        ++f.bookings;
        // Only what lies inside the hours counts against them (a booking kept from before the
        // hours changed may reach outside).
        for (const auto& h : hours)
            f.bookedMinutes += std::max(0, std::min(a.start + a.minutes, h.close) - std::max(a.start, h.open));
    }
    return f;
}

} // namespace madoguchi::bookings

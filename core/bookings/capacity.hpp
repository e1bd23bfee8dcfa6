#pragma once
// Capacity: the one place that decides whether a booking fits and which slots are free. A booking
// takes one window of its kind of work from its start for its length; at no minute may a kind
// have more bookings than windows. Both case books ask this with the day's bookings they read
// under their write lock, so they cannot differ in what "full" means.
#include "core/bookings/booking.hpp"
#include "core/bookings/office_calendar.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace madoguchi::bookings {

// A booking as capacity counts it (booked or arrived; a cancelled one frees its window).
struct Appointment {
    BookingId id = 0;
    std::string kind;
    int start = 0;   // minutes after midnight
    int minutes = 0; // length
};

struct FreeSlot {
    StartTime start;
    int free = 0; // windows of the kind still free for the whole appointment
};

// How busy one kind's windows are through a day, minute by minute.
class DayLoad {
public:
    // `leaveOut`: the booking being moved, which must not stand in its own way.
    DayLoad(std::span<const Appointment> onDay, const std::string& kind, std::optional<BookingId> leaveOut = {});
    // The most windows busy at any minute of [from, to).
    int busiest(int from, int to) const;

private:
    std::vector<int> busy_; // per minute of the day
};

// Why a booking cannot be taken at a time (none: it can).
enum class Misfit { Closed, OutsideHours, Full };

struct Fit {
    std::optional<Misfit> misfit;
    int free = 0;                    // windows free for the whole appointment when it fits
    std::optional<Closed> closed;    // why the day is closed
    std::vector<OpeningHours> hours; // the day's hours (for the message)
};

// Whether `minutes` of `kind` fit at `start`: an open day, inside one stretch of its hours (the
// appointment ends by closing time), and a window of the kind free for every minute of it. Any
// minute may start an appointment (an imported booking keeps its service's time); the slot grid
// is what is offered.
Fit fitAt(const OfficeCalendar& calendar, const StartTime& start, const KindOfWork& kind, int minutes,
          std::span<const Appointment> onDay, std::optional<BookingId> leaveOut = {});

// The grid's start times on `day` (every slot_minutes from each stretch's opening) at which
// `minutes` of `kind` fit, from `notBefore` (a minute of that day) on, with the windows free at
// each. `withFull`: the full ones too, with free 0 (the fill rate counts them).
std::vector<FreeSlot> slotsOn(const OfficeCalendar& calendar, const boost::gregorian::date& day, const KindOfWork& kind,
                              int minutes, std::span<const Appointment> onDay, int notBefore = 0,
                              bool withFull = false);

// How much of a day's capacity is booked: booked window-minutes over open window-minutes, for
// every kind together (0 when the office is closed: then `open` is false).
struct DayFill {
    boost::gregorian::date day;
    bool open = false;
    int capacityMinutes = 0; // windows × opening minutes, every kind
    int bookedMinutes = 0;   // the bookings' lengths (inside the hours)
    int bookings = 0;
    double rate() const { return capacityMinutes ? static_cast<double>(bookedMinutes) / capacityMinutes : 0; }
};
DayFill fillOf(const OfficeCalendar& calendar, const boost::gregorian::date& day, std::span<const Appointment> onDay);

} // namespace madoguchi::bookings

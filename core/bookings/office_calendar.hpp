#pragma once
// When and how much an office can book: its opening hours per weekday, the days it is closed
// (national holidays from the Cabinet Office's list, the year-end holidays 12/29–1/3, its own
// closures) and opened (a Saturday morning), the slot grid, the kinds of work with the number of
// windows serving each, the length of each procedure's appointment, and when a resident who has
// not come is late and then missed. Office data, not code: the defaults are
// data/bookings/appointments.json, and an office's own file overrides them key by key in its
// "appointments" section (format: data/bookings/README.md).
//
// The office file's one reader (core/rules/office_file.hpp) hands this loader the section, inline
// or as the name of a file beside the office file; the section's keys are read and checked here.
#include "core/bookings/booking.hpp"
#include "core/bookings/holiday_list.hpp"
#include "core/rules/office_file.hpp"
#include "core/rules/requirements.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::bookings {

// One stretch of opening hours, in minutes after midnight: [open, close).
struct OpeningHours {
    int open = 0, close = 0;
    auto operator<=>(const OpeningHours&) const = default;
};

struct DatedClosure {
    boost::gregorian::date from, until; // inclusive
    rules::Text reason;
};

// A day the office opens although its weekday's hours or a holiday would keep it closed.
struct DatedOpening {
    boost::gregorian::date day;
    std::vector<OpeningHours> hours;
    rules::Text note;
};

// Windows serving the same procedures: a booking takes one of this kind's windows for its length.
struct KindOfWork {
    std::string id;
    rules::Text name;
    int windows = 1;
    std::vector<Procedure> procedures; // empty: every procedure no other kind names
};

// Why a day takes no bookings.
struct Closed {
    enum class Why { NotOpenThatWeekday, NationalHoliday, YearEnd, OfficeClosure } why;
    rules::Text text; // 「国民の祝日（元日）」, 「年末年始（12月29日〜1月3日）」, the office's reason
};

class OfficeCalendar {
public:
    // The shipped defaults (data/bookings/appointments.json), read once: 8:30–17:15 on weekdays
    // that are not national holidays or in 12/29–1/3, two windows for every procedure.
    static const OfficeCalendar& defaults();
    // The defaults with the office file's "appointments" section over them; the defaults alone
    // when the file does not exist or has no such section. ValidationError naming the file and
    // key for a section that is wrong.
    static OfficeCalendar forOfficeFile(const std::filesystem::path& officeFile);
    // The same for an office file already read (the rule book's office(), readOfficeFile); a
    // section given as a file name is looked for in `officeDir`.
    static OfficeCalendar forOffice(const rules::OfficeFile& office, const std::filesystem::path& officeDir);
    // Reads a section over `base`: each key given replaces the base's (appointment_minutes per
    // procedure). `fileName` for messages; `baseDir` for a section given as a file name.
    static OfficeCalendar read(const nlohmann::json& section, const std::string& fileName, const OfficeCalendar& base);
    // A section in a file of its own.
    static OfficeCalendar readFile(const std::filesystem::path& file, const OfficeCalendar& base);

    // A weekday's usual hours (0 = Sunday … 6 = Saturday), closures and openings aside.
    const std::vector<OpeningHours>& weekdayHours(int weekday) const { return weekly_.at(weekday); }
    // The day's hours for appointments; empty when the office is closed that day.
    std::vector<OpeningHours> hoursOn(const boost::gregorian::date& day) const;
    std::optional<Closed> closedOn(const boost::gregorian::date& day) const;

    // The kind of work whose windows a booking of these procedures takes: its first procedure's
    // (the visit is done at one window).
    const KindOfWork& kindFor(Procedure p) const;
    const KindOfWork* kindById(const std::string& id) const;
    const std::vector<KindOfWork>& kinds() const { return kinds_; }
    // The appointment's length: the procedures' lengths together.
    int minutesFor(std::span<const Procedure> procedures) const;
    int minutesFor(Procedure p) const;

    int slotMinutes() const { return slotMinutes_; }
    int lateAfterMinutes() const { return lateAfter_; }
    int missedAfterMinutes() const { return missedAfter_; }
    // Where the data came from: the public page(s), and the files read.
    const std::string& source() const { return source_; }
    const std::string& files() const { return files_; }

    void setHolidays(const HolidayList& list) { holidays_ = &list; }

private:
    OfficeCalendar() = default;
    std::vector<std::vector<OpeningHours>> weekly_ = std::vector<std::vector<OpeningHours>>(7); // 0 = Sunday
    std::vector<DatedClosure> closures_;
    std::vector<DatedOpening> openings_;
    bool nationalHolidays_ = true, yearEnd_ = true;
    int slotMinutes_ = 15, lateAfter_ = 10, missedAfter_ = 30;
    std::vector<KindOfWork> kinds_;
    std::vector<int> minutes_ = std::vector<int>(allProcedures().size(), 0);
    std::string source_, files_;
    const HolidayList* holidays_ = nullptr;
};

} // namespace madoguchi::bookings

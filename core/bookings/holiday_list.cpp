// Reading the Cabinet Office's holiday list (holiday_list.hpp).
#include "core/bookings/holiday_list.hpp"

#include "core/bookings/booking.hpp"
#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/open_days.hpp"
#include "core/text/japanese_encoding.hpp"
#include "core/text/search_fold.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace madoguchi::bookings {

HolidayList HolidayList::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ValidationError("holiday list: cannot read " + file.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    DecodedText text = decodeJapaneseText(bytes.str());
    const std::string name = file.filename().string();
    if (!text.faults.empty())
        throw ValidationError("holiday list " + name + ": " + text.faults.front().second);
    HolidayList list;
    std::set<int> years;
    for (const auto& line : text.lines) {
        if (line.number == 1 || trimmed(line.text).empty())
            continue; // the header: 国民の祝日・休日月日,国民の祝日・休日名称
        auto comma = line.text.find(',');
        std::optional<boost::gregorian::date> day;
        try {
            if (comma != std::string::npos)
                day = parseListDate(line.text.substr(0, comma), "date");
        } catch (const ValidationError&) {
        }
        if (!day)
            throw ValidationError("holiday list " + name + ", line " + std::to_string(line.number) +
                                  ": expected a date and a name (2026/1/1,元日), got \"" + line.text + "\"");
        list.days_[*day] = trimmed(line.text.substr(comma + 1));
        years.insert(day->year());
    }
    if (!years.empty()) {
        list.firstYear_ = *years.begin();
        list.lastYear_ = *years.rbegin();
        // Every year in between has at least its 元日: a year missing means a cut file.
        for (int y = list.firstYear_; y <= list.lastYear_; ++y)
            if (!years.count(y))
                throw ValidationError("holiday list " + name + ": the year " + std::to_string(y) +
                                      " is missing between " + std::to_string(list.firstYear_) + " and " +
                                      std::to_string(list.lastYear_));
    }
    return list;
}

const HolidayList& HolidayList::shipped()
{
    static const HolidayList list = [] {
        auto file = dataDirectory() / "calendar" / "syukujitsu.csv";
        std::error_code ec;
        return std::filesystem::exists(file, ec) ? load(file) : HolidayList{};
    }();
    return list;
}

std::optional<std::string> HolidayList::nameOf(const boost::gregorian::date& day) const
{
    if (auto it = days_.find(day); it != days_.end())
        return it->second;
    return std::nullopt;
}

bool HolidayList::isHoliday(const boost::gregorian::date& day) const
{
    if (covers(day.year()))
        return days_.count(day) > 0;
    return rules::isNationalHoliday(day);
}

} // namespace madoguchi::bookings

#pragma once
// The national holidays as the Cabinet Office publishes them: 内閣府「国民の祝日について」,
// https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html, its file syukujitsu.csv (every 国民の祝日,
// 振替休日 and 国民の休日 by date, published each February for the year after). Madoguchi ships the
// years from 2016 as data (data/calendar/syukujitsu.csv, README beside it); an administrator
// drops in the newly published file as downloaded (Shift_JIS) or converted (UTF-8).
//
// For a year the list does not cover, the law's own rules decide (core/rules/open_days: 国民の祝日に
// 関する法律 with 振替休日 and 国民の休日); the tests hold the two equal for every year the list has.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace madoguchi::bookings {

class HolidayList {
public:
    // Reads a file of the Cabinet Office's form: a header line, then "2026/1/1,元日" (also
    // 2026-01-01), in UTF-8 or CP932. ValidationError naming the file and line for anything else,
    // and for a year the list has only in part.
    static HolidayList load(const std::filesystem::path& file);
    // data/calendar/syukujitsu.csv of the data directory, read once. An empty list (every year
    // left to the law's rules) when the file is missing.
    static const HolidayList& shipped();

    bool covers(int year) const { return !days_.empty() && year >= firstYear_ && year <= lastYear_; }
    int firstYear() const { return firstYear_; }
    int lastYear() const { return lastYear_; }
    std::size_t size() const { return days_.size(); }
    // The holiday's name as the list gives it (元日, 休日), for a day of a year the list covers.
    std::optional<std::string> nameOf(const boost::gregorian::date& day) const;
    // A holiday by the list for the years it covers, by the law's rules for the others.
    bool isHoliday(const boost::gregorian::date& day) const;
    const std::map<boost::gregorian::date, std::string>& days() const { return days_; }

private:
    std::map<boost::gregorian::date, std::string> days_;
    int firstYear_ = 0, lastYear_ = 0;
};

} // namespace madoguchi::bookings

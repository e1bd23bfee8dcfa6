// Reading and answering the office's booking calendar (office_calendar.hpp).
#include "core/bookings/office_calendar.hpp"

#include "core/common/clock.hpp"
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"
#include "core/rules/rule_book.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>

namespace madoguchi::bookings {

using boost::gregorian::date;
using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

const std::set<std::string> kKeys{
    "format",   "source",   "hours", "slot_minutes",        "closed_on_national_holidays", "closed_at_year_end",
    "closures", "openings", "kinds", "appointment_minutes", "late_after_minutes",          "missed_after_minutes"};

// Says which file and which key went wrong.
struct Where {
    std::string file;
    [[noreturn]] void fail(const std::string& key, const std::string& what) const
    {
        throw ValidationError("office calendar " + file + ": \"" + key + "\": " + what);
    }
};

void onlyKeys(const Where& w, const json& j, const std::set<std::string>& keys, const std::string& what)
{
    if (!j.is_object())
        w.fail(what, "must be an object");
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!keys.count(it.key())) {
            std::string known;
            for (const auto& k : keys)
                known += (known.empty() ? "" : ", ") + k;
            w.fail(what + "." + it.key(), "unknown key (known: " + known + ")");
        }
}

std::string stringOf(const Where& w, const json& j, const std::string& key)
{
    if (!j.is_string())
        w.fail(key, "must be a string");
    return j.get<std::string>();
}

int intOf(const Where& w, const json& j, const std::string& key, int min, int max)
{
    if (!j.is_number_integer())
        w.fail(key, "must be a whole number");
    long long v = j.get<long long>();
    if (v < min || v > max)
        w.fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return static_cast<int>(v);
}

rules::Text textOf(const Where& w, const json& j, const std::string& key)
{
    onlyKeys(w, j, {"ja", "en"}, key);
    if (!j.contains("ja") || !j.contains("en"))
        w.fail(key, "needs both \"ja\" and \"en\"");
    return {stringOf(w, j["ja"], key + ".ja"), stringOf(w, j["en"], key + ".en")};
}

date dateOf(const Where& w, const json& j, const std::string& key)
{
    try {
        return parseIsoDate(stringOf(w, j, key), key);
    } catch (const ValidationError& e) {
        w.fail(key, e.what());
    }
}

int clockOf(const Where& w, const json& j, const std::string& key)
{
    try {
        return parseClock(stringOf(w, j, key), key);
    } catch (const ValidationError& e) {
        w.fail(key, e.what());
    }
}

OpeningHours stretchOf(const Where& w, const json& j, const std::string& key)
{
    OpeningHours h{clockOf(w, j.at("open"), key + ".open"), clockOf(w, j.at("close"), key + ".close")};
    if (h.close <= h.open)
        w.fail(key, "closes (" + clockText(h.close) + ") before it opens (" + clockText(h.open) + ")");
    return h;
}

void sortAndCheck(const Where& w, std::vector<OpeningHours>& hours, const std::string& key)
{
    std::sort(hours.begin(), hours.end());
    for (std::size_t i = 1; i < hours.size(); ++i)
        if (hours[i].open < hours[i - 1].close)
            w.fail(key, "the hours " + clockText(hours[i - 1].open) + "–" + clockText(hours[i - 1].close) + " and " +
                            clockText(hours[i].open) + "–" + clockText(hours[i].close) + " overlap");
}

std::vector<std::vector<OpeningHours>> weeklyOf(const Where& w, const json& j)
{
    if (!j.is_array())
        w.fail("hours", "must be a list of {\"days\", \"open\", \"close\"}");
    std::vector<std::vector<OpeningHours>> weekly(7);
    for (std::size_t i = 0; i < j.size(); ++i) {
        std::string key = "hours[" + std::to_string(i) + "]";
        onlyKeys(w, j[i], {"days", "open", "close", "note"}, key);
        if (!j[i].contains("days") || !j[i]["days"].is_array() || !j[i].contains("open") || !j[i].contains("close"))
            w.fail(key, "needs \"days\" (a list), \"open\" and \"close\"");
        OpeningHours h = stretchOf(w, j[i], key);
        for (const auto& d : j[i]["days"]) {
            std::string id = stringOf(w, d, key + ".days");
            auto it = std::find(kWeekdays.begin(), kWeekdays.end(), id);
            if (it == kWeekdays.end())
                w.fail(key + ".days", "unknown day \"" + id + "\" (mon, tue, wed, thu, fri, sat, sun)");
            weekly[static_cast<std::size_t>(it - kWeekdays.begin())].push_back(h);
        }
    }
    for (std::size_t d = 0; d < 7; ++d)
        sortAndCheck(w, weekly[d], "hours (" + std::string(kWeekdays[d]) + ")");
    return weekly;
}

std::vector<Procedure> proceduresOf(const Where& w, const json& j, const std::string& key)
{
    std::vector<Procedure> out;
    if (j.is_string() && j.get<std::string>() == "rest")
        return out;
    if (!j.is_array())
        w.fail(key, "must be a list of procedure ids, or \"rest\" (every procedure no other kind names)");
    for (const auto& p : j) {
        auto procedure = procedureFromId(stringOf(w, p, key));
        if (!procedure)
            w.fail(key, "unknown procedure \"" + p.get<std::string>() + "\"");
        out.push_back(*procedure);
    }
    if (out.empty())
        w.fail(key, "names no procedure");
    return out;
}

std::string readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ValidationError("office calendar: cannot read " + file.string());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

json parseJson(const std::string& bytes, const std::string& name)
{
    try {
        return json::parse(bytes);
    } catch (const json::exception& e) {
        throw ValidationError("office calendar " + name + ": not valid JSON (" + e.what() + ")");
    }
}

} // namespace

const OfficeCalendar& OfficeCalendar::defaults()
{
    static const OfficeCalendar shipped = [] {
        auto file = dataDirectory() / "bookings" / "appointments.json";
        OfficeCalendar empty;
        empty.holidays_ = &HolidayList::shipped();
        OfficeCalendar c = readFile(file, empty);
        // The defaults must answer for every procedure; an office file may leave any of them out.
        for (const auto& p : allProcedures())
            if (c.minutes_[static_cast<std::size_t>(p.procedure)] <= 0)
                throw ValidationError("office calendar " + file.filename().string() +
                                      ": \"appointment_minutes\" has no length for \"" + std::string(p.id) + "\"");
        if (c.kinds_.empty())
            throw ValidationError("office calendar " + file.filename().string() + ": \"kinds\" is missing");
        return c;
    }();
    return shipped;
}

OfficeCalendar OfficeCalendar::readFile(const std::filesystem::path& file, const OfficeCalendar& base)
{
    std::string name = file.filename().string();
    return read(parseJson(readAll(file), name), name, base);
}

OfficeCalendar OfficeCalendar::forOfficeFile(const std::filesystem::path& officeFile)
{
    std::error_code ec;
    if (!std::filesystem::exists(officeFile, ec))
        return defaults();
    rules::OfficeFile office;
    try {
        office = rules::readOfficeFile(officeFile);
    } catch (const rules::RuleFileError& e) {
        throw ValidationError(std::string("office file ") + e.what());
    }
    return forOffice(office, officeFile.parent_path());
}

OfficeCalendar OfficeCalendar::forOffice(const rules::OfficeFile& office, const std::filesystem::path& officeDir)
{
    const json& section = office.appointments;
    if (section.is_null())
        return defaults();
    if (section.is_string()) // the name of a file beside the office file
        return readFile(officeDir / section.get<std::string>(), defaults());
    return read(section, office.fileName, defaults());
}

OfficeCalendar OfficeCalendar::read(const json& j, const std::string& fileName, const OfficeCalendar& base)
{
    Where w{fileName};
    onlyKeys(w, j, kKeys, "appointments");
    if (j.contains("format") && !(j["format"].is_number_integer() && j["format"].get<int>() == 1))
        w.fail("format", "must be 1");
    OfficeCalendar c = base;
    c.files_ = base.files_.empty() ? fileName : base.files_ + " + " + fileName;
    if (j.contains("source"))
        c.source_ = stringOf(w, j["source"], "source");
    if (j.contains("hours"))
        c.weekly_ = weeklyOf(w, j["hours"]);
    if (j.contains("slot_minutes"))
        c.slotMinutes_ = intOf(w, j["slot_minutes"], "slot_minutes", 5, 120);
    if (j.contains("closed_on_national_holidays")) {
        if (!j["closed_on_national_holidays"].is_boolean())
            w.fail("closed_on_national_holidays", "must be true or false");
        c.nationalHolidays_ = j["closed_on_national_holidays"].get<bool>();
    }
    if (j.contains("closed_at_year_end")) {
        if (!j["closed_at_year_end"].is_boolean())
            w.fail("closed_at_year_end", "must be true or false");
        c.yearEnd_ = j["closed_at_year_end"].get<bool>();
    }
    if (j.contains("closures")) {
        c.closures_.clear();
        if (!j["closures"].is_array())
            w.fail("closures", "must be a list");
        for (std::size_t i = 0; i < j["closures"].size(); ++i) {
            const json& e = j["closures"][i];
            std::string key = "closures[" + std::to_string(i) + "]";
            onlyKeys(w, e, {"from", "until", "reason"}, key);
            if (!e.contains("from") || !e.contains("reason"))
                w.fail(key, "needs \"from\" and \"reason\" (\"until\" is the last day, default: from)");
            DatedClosure d{dateOf(w, e["from"], key + ".from"), {}, textOf(w, e["reason"], key + ".reason")};
            d.until = e.contains("until") ? dateOf(w, e["until"], key + ".until") : d.from;
            if (d.until < d.from)
                w.fail(key, "ends before it starts");
            c.closures_.push_back(std::move(d));
        }
    }
    if (j.contains("openings")) {
        c.openings_.clear();
        if (!j["openings"].is_array())
            w.fail("openings", "must be a list");
        for (std::size_t i = 0; i < j["openings"].size(); ++i) {
            const json& e = j["openings"][i];
            std::string key = "openings[" + std::to_string(i) + "]";
            onlyKeys(w, e, {"date", "open", "close", "note"}, key);
            if (!e.contains("date") || !e.contains("open") || !e.contains("close") || !e.contains("note"))
                w.fail(key, "needs \"date\", \"open\", \"close\" and \"note\"");
            c.openings_.push_back(
                {dateOf(w, e["date"], key + ".date"), {stretchOf(w, e, key)}, textOf(w, e["note"], key + ".note")});
        }
    }
    if (j.contains("kinds")) {
        c.kinds_.clear();
        if (!j["kinds"].is_array() || j["kinds"].empty())
            w.fail("kinds", "must be a non-empty list of kinds of work");
        std::set<Procedure> named;
        int rest = 0;
        for (std::size_t i = 0; i < j["kinds"].size(); ++i) {
            const json& e = j["kinds"][i];
            std::string key = "kinds[" + std::to_string(i) + "]";
            onlyKeys(w, e, {"id", "name", "windows", "procedures"}, key);
            if (!e.contains("id") || !e.contains("name") || !e.contains("windows") || !e.contains("procedures"))
                w.fail(key, "needs \"id\", \"name\", \"windows\" and \"procedures\"");
            KindOfWork k{stringOf(w, e["id"], key + ".id"), textOf(w, e["name"], key + ".name"),
                         intOf(w, e["windows"], key + ".windows", 1, 200),
                         proceduresOf(w, e["procedures"], key + ".procedures")};
            if (k.id.empty() || c.kindById(k.id))
                w.fail(key + ".id", "must be given once and not be empty");
            if (k.procedures.empty())
                ++rest;
            for (Procedure p : k.procedures)
                if (!named.insert(p).second)
                    w.fail(key + ".procedures", "\"" + std::string(info(p).id) + "\" is named by two kinds of work");
            c.kinds_.push_back(std::move(k));
        }
        if (rest > 1)
            w.fail("kinds", "only one kind of work may take \"rest\"");
        if (rest == 0 && named.size() < allProcedures().size())
            for (const auto& p : allProcedures())
                if (!named.count(p.procedure))
                    w.fail("kinds", "no kind of work serves \"" + std::string(p.id) +
                                        "\" (name it, or give one kind \"procedures\": \"rest\")");
    }
    if (j.contains("appointment_minutes")) {
        const json& m = j["appointment_minutes"];
        if (!m.is_object())
            w.fail("appointment_minutes", "must be an object of minutes by procedure id");
        for (auto it = m.begin(); it != m.end(); ++it) {
            auto p = procedureFromId(it.key());
            if (!p)
                w.fail("appointment_minutes." + it.key(), "unknown procedure");
            c.minutes_[static_cast<std::size_t>(*p)] = intOf(w, it.value(), "appointment_minutes." + it.key(), 5, 240);
        }
    }
    if (j.contains("late_after_minutes"))
        c.lateAfter_ = intOf(w, j["late_after_minutes"], "late_after_minutes", 0, 240);
    if (j.contains("missed_after_minutes"))
        c.missedAfter_ = intOf(w, j["missed_after_minutes"], "missed_after_minutes", 1, 480);
    if (c.missedAfter_ <= c.lateAfter_)
        w.fail("missed_after_minutes", "must be more than late_after_minutes (" + std::to_string(c.lateAfter_) + ")");
    return c;
}

std::optional<Closed> OfficeCalendar::closedOn(const date& day) const
{
    for (const auto& o : openings_)
        if (o.day == day)
            return std::nullopt;
    for (const auto& c : closures_)
        if (c.from <= day && day <= c.until)
            return Closed{Closed::Why::OfficeClosure, c.reason};
    auto ymd = day.year_month_day();
    // The year-end holidays: 地方自治法 第4条の2 第2項第3号 (12月29日から翌年の1月3日までの日), as the
    // city's 休日を定める条例 adopts them.
    if (yearEnd_ && ((ymd.month == 12 && ymd.day >= 29) || (ymd.month == 1 && ymd.day <= 3)))
        return Closed{Closed::Why::YearEnd,
                      {"年末年始（12月29日〜1月3日）", "the year-end holidays, 29 December – 3 January"}};
    if (nationalHolidays_ && holidays_ && holidays_->isHoliday(day)) {
        std::string name = holidays_->nameOf(day).value_or("祝日");
        return Closed{Closed::Why::NationalHoliday,
                      {"国民の祝日・休日（" + name + "）", "a national holiday (" + name + ")"}};
    }
    if (weekly_[static_cast<std::size_t>(day.day_of_week().as_number())].empty())
        return Closed{Closed::Why::NotOpenThatWeekday,
                      {"この曜日は予約を受け付けていません", "no appointments on this day of the week"}};
    return std::nullopt;
}

std::vector<OpeningHours> OfficeCalendar::hoursOn(const date& day) const
{
    for (const auto& o : openings_)
        if (o.day == day)
            return o.hours;
    if (closedOn(day))
        return {};
    return weekly_[static_cast<std::size_t>(day.day_of_week().as_number())];
}

const KindOfWork& OfficeCalendar::kindFor(Procedure p) const
{
    const KindOfWork* rest = nullptr;
    for (const auto& k : kinds_) {
        if (k.procedures.empty())
            rest = &k;
        if (std::find(k.procedures.begin(), k.procedures.end(), p) != k.procedures.end())
            return k;
    }
    if (rest)
        return *rest;
    throw ValidationError("office calendar " + files_ + ": no kind of work serves \"" + std::string(info(p).id) + "\"");
}

const KindOfWork* OfficeCalendar::kindById(const std::string& id) const
{
    for (const auto& k : kinds_)
        if (k.id == id)
            return &k;
    return nullptr;
}

int OfficeCalendar::minutesFor(Procedure p) const
{
    int m = minutes_[static_cast<std::size_t>(p)];
    if (m <= 0)
        throw ValidationError("office calendar " + files_ + ": no appointment length for \"" + std::string(info(p).id) +
                              "\"");
    return m;
}

int OfficeCalendar::minutesFor(std::span<const Procedure> procedures) const
{
    int total = 0;
    for (Procedure p : procedures)
        total += minutesFor(p);
    return total;
}

} // namespace madoguchi::bookings

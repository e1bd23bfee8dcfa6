// Reading an office's own file (see office_file.hpp and data/rules/README.md).
#include "core/rules/office_file.hpp"

#include "core/rules/rule_book.hpp"
#include "core/rules/rule_entries.hpp"
#include "core/rules/rule_json.hpp"

#include <array>

namespace madoguchi::rules {

using nlohmann::json;

namespace {

struct Weekday {
    std::string_view id, ja, en;
};
constexpr std::array<Weekday, 7> kWeekdays{{{"mon", "月", "Mon"},
                                            {"tue", "火", "Tue"},
                                            {"wed", "水", "Wed"},
                                            {"thu", "木", "Thu"},
                                            {"fri", "金", "Fri"},
                                            {"sat", "土", "Sat"},
                                            {"sun", "日", "Sun"}}};

int weekdayIndex(std::string_view id)
{
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (kWeekdays[i].id == id)
            return static_cast<int>(i);
    return -1;
}

// "08:30" → 510; -1 for anything else.
int minutesOf(const std::string& hhmm)
{
    if (hhmm.size() != 5 || hhmm[2] != ':')
        return -1;
    for (int i : {0, 1, 3, 4})
        if (hhmm[static_cast<std::size_t>(i)] < '0' || hhmm[static_cast<std::size_t>(i)] > '9')
            return -1;
    int h = std::stoi(hhmm.substr(0, 2)), m = std::stoi(hhmm.substr(3, 2));
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

// "08:30" is printed as 8:30, as on the city's pages.
std::string printedTime(const std::string& hhmm)
{
    return hhmm[0] == '0' ? hhmm.substr(1) : hhmm;
}

std::vector<Text> placeHours(const At& at, const json& hours, const std::string& what)
{
    std::vector<Text> out;
    if (!hours.is_array() || hours.empty())
        at.fail(what + ": \"hours\" must be a non-empty list");
    for (std::size_t i = 0; i < hours.size(); ++i) {
        std::string w = what + ".hours[" + std::to_string(i) + "]";
        onlyKeys(at, hours[i], {"days", "open", "close", "note"}, w);
        auto days = stringList(at, hours[i], "days", w);
        for (const auto& d : days)
            if (weekdayIndex(d) < 0)
                at.fail(w + ": unknown day \"" + d + "\" (mon, tue, wed, thu, fri, sat, sun)");
        std::string open = stringField(at, hours[i], "open", w), close = stringField(at, hours[i], "close", w);
        int o = minutesOf(open), c = minutesOf(close);
        if (o < 0 || c < 0)
            at.fail(w + ": \"open\" and \"close\" are times HH:MM (\"" + open + "\", \"" + close + "\")");
        if (c <= o)
            at.fail(w + ": closes (" + close + ") before it opens (" + open + ")");
        Text t = hoursText(days, open, close);
        if (auto note = optionalText(at, hours[i], "note", w)) {
            t.ja += "（" + note->ja + "）";
            t.en += " (" + note->en + ")";
        }
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

OfficeFile readOfficeFileAsGiven(const std::filesystem::path& path);

Text hoursText(const std::vector<std::string>& days, const std::string& open, const std::string& close)
{
    std::vector<int> idx;
    for (const auto& d : days)
        idx.push_back(weekdayIndex(d));
    std::sort(idx.begin(), idx.end());
    bool run = idx.size() > 2;
    for (std::size_t i = 1; i < idx.size(); ++i)
        run = run && idx[i] == idx[i - 1] + 1;
    Text t;
    if (run) {
        t.ja = std::string(kWeekdays[static_cast<std::size_t>(idx.front())].ja) + "〜" +
               std::string(kWeekdays[static_cast<std::size_t>(idx.back())].ja);
        t.en = std::string(kWeekdays[static_cast<std::size_t>(idx.front())].en) + "–" +
               std::string(kWeekdays[static_cast<std::size_t>(idx.back())].en);
    } else {
        for (int i : idx) {
            t.ja += (t.ja.empty() ? "" : "・") + std::string(kWeekdays[static_cast<std::size_t>(i)].ja);
            t.en += (t.en.empty() ? "" : ", ") + std::string(kWeekdays[static_cast<std::size_t>(i)].en);
        }
    }
    t.ja += " " + printedTime(open) + "〜" + printedTime(close);
    t.en += " " + printedTime(open) + "–" + printedTime(close);
    return t;
}

OfficeFile readOfficeFile(const std::filesystem::path& path)
{
    try {
        return readOfficeFileAsGiven(path);
    } catch (const RuleFileError& e) {
        throw withEntryLine(e, {path});
    }
}

OfficeFile readOfficeFileAsGiven(const std::filesystem::path& path)
{
    OfficeFile out;
    out.fileName = path.filename().string();
    json doc = readRuleJson(path);
    At at{out.fileName, ""};
    // The handout's keys are those of the former office.json, which stays a valid office file.
    onlyKeys(at, doc,
             {"format", "office", "source", "name_ja", "name_en", "address_ja", "address_en", "phone", "hours_ja",
              "hours_en", "places", "documents", "contacts", "circumstances", "entries", "appointments"},
             "office file");
    auto text = [&](const char* key, std::optional<std::string>& into) {
        if (!doc.contains(key))
            return;
        if (!doc.at(key).is_string())
            at.fail("\"" + std::string(key) + "\" must be a string");
        into = doc.at(key).get<std::string>();
    };
    text("name_ja", out.nameJa);
    text("name_en", out.nameEn);
    text("address_ja", out.addressJa);
    text("address_en", out.addressEn);
    text("phone", out.phone);
    text("hours_ja", out.hoursJa);
    text("hours_en", out.hoursEn);
    bool rules = doc.contains("places") || doc.contains("entries") || doc.contains("documents") ||
                 doc.contains("contacts") || doc.contains("circumstances");
    if (doc.contains("format") || rules) {
        if (doc.value("format", 0) != 1)
            at.fail("\"format\": 1 is required for an office file with places or rules");
        out.id = stringField(at, doc, "office", "office file");
        out.source = stringField(at, doc, "source", "office file");
    }
    if (doc.contains("places")) {
        const json& places = doc.at("places");
        if (!places.is_object() || places.empty())
            at.fail("\"places\" must be an object of places by id");
        for (auto it = places.begin(); it != places.end(); ++it) {
            At here{out.fileName, "places." + it.key()};
            // The bookings work adds "windows", "appointment_minutes" and "closures" here.
            onlyKeys(here, it.value(), {"name", "phone", "hours"}, "place");
            OfficePlace p;
            p.id = it.key();
            p.name = textOf(here, field(here, it.value(), "name", "place"), "place.name");
            if (it.value().contains("phone"))
                p.phone = stringField(here, it.value(), "phone", "place");
            p.hours = placeHours(here, field(here, it.value(), "hours", "place"), "place");
            p.from = {"", out.fileName, true, {}, std::nullopt, out.source};
            out.places.push_back(std::move(p));
        }
    }
    // The booking calendar (bookings' data/bookings/appointments.json form, or that file's name):
    // read and checked by the bookings work, carried here so that an office keeps one file.
    if (doc.contains("appointments")) {
        const json& a = doc.at("appointments");
        if (!a.is_object() && !(a.is_string() && !a.get<std::string>().empty()))
            at.fail("\"appointments\" must be an object or the name of a file");
        out.appointments = a;
    }
    for (const char* key : {"documents", "contacts", "circumstances", "entries"})
        if (doc.contains(key))
            out.rules[key] = doc.at(key);
    return out;
}

} // namespace madoguchi::rules

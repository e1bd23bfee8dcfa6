#include "core/era/wareki.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <regex>
#include <string>

namespace madoguchi::era {

namespace {

using boost::gregorian::date;

// First days in the Gregorian calendar. 明治: 1868-01-25 = 明治元年1月1日 (the era was proclaimed on
// 1868-10-23 and made to run from the first day of that year; ICU starts it at the proclamation,
// which is why our own table is used and ICU serves as the tests' oracle). The others from the
// era-name ordinances: 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08 (元号を改める政令, 昭和64年
// 政令第1号), 令和 2019-05-01 (平成31年政令第143号).
const std::array<EraInfo, 5> kEras{{
    {Era::Meiji, "明治", 'M', "Meiji", date(1868, 1, 25)},
    {Era::Taisho, "大正", 'T', "Taishō", date(1912, 7, 30)},
    {Era::Showa, "昭和", 'S', "Shōwa", date(1926, 12, 25)},
    {Era::Heisei, "平成", 'H', "Heisei", date(1989, 1, 8)},
    {Era::Reiwa, "令和", 'R', "Reiwa", date(2019, 5, 1)},
}};

std::string yearJa(int year)
{
    return year == 1 ? "元" : std::to_string(year);
}

// 令和元年5月1日 / Reiwa 1.5.1 — the same wording in every message.
std::string spellJa(const EraInfo& e, int y, int m, int d)
{
    std::string out;
    out.reserve(32);
    out.append(e.nameJa)
        .append(yearJa(y))
        .append("年")
        .append(std::to_string(m))
        .append("月")
        .append(std::to_string(d))
        .append("日");
    return out;
}
std::string spellEn(const EraInfo& e, int y, int m, int d)
{
    return std::string(e.nameEn) + " " + std::to_string(y) + "." + std::to_string(m) + "." + std::to_string(d);
}

// Full-width digits, letters, dots and spaces as typed with a Japanese input method → ASCII.
std::string toAscii(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size()) {
            auto b1 = static_cast<unsigned char>(text[i + 1]);
            auto b2 = static_cast<unsigned char>(text[i + 2]);
            // U+FF01..U+FF5E map to U+0021..U+007E: EF BC 81..BF and EF BD 80..9E.
            if (b1 == 0xBC && b2 >= 0x81) {
                out += static_cast<char>(0x21 + (b2 - 0x81));
                i += 2;
                continue;
            }
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
                out += static_cast<char>(0x60 + (b2 - 0x80));
                i += 2;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) { // ideographic space
            out += ' ';
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

int yearNumber(const std::string& s)
{
    return s == "元" ? 1 : std::stoi(s);
}

} // namespace

std::span<const EraInfo> allEras()
{
    return kEras;
}

const EraInfo& info(Era e)
{
    return kEras[static_cast<std::size_t>(e)];
}

EraDate toEra(const date& d)
{
    if (d.is_special() || d < kEras.front().first)
        throw ValidationError(
            "明治より前の日付は和暦にできません / dates before Meiji (1868-01-25) have no era year here");
    // The first years again as plain numbers: date::year() decomposes the whole date each time.
    static constexpr int kFirstYears[] = {1868, 1912, 1926, 1989, 2019};
    for (std::size_t i = kEras.size(); i-- > 0;)
        if (d >= kEras[i].first) {
            auto ymd = d.year_month_day();
            return {kEras[i].era, ymd.year - kFirstYears[i] + 1, ymd.month, ymd.day};
        }
    throw ValidationError("unreachable");
}

date fromEra(const EraDate& e)
{
    const EraInfo& era = info(e.era);
    if (e.year < 1 || e.month < 1 || e.month > 12 || e.day < 1 || e.day > 31 || e.year > 9999 - era.first.year())
        throw ValidationError(spellJa(era, std::max(e.year, 1), e.month, e.day) + "は日付になりません / " +
                              spellEn(era, e.year, e.month, e.day) + " is not a date");
    int gregorianYear = era.first.year() + e.year - 1;
    if (e.day > boost::gregorian::gregorian_calendar::end_of_month_day(gregorianYear, e.month))
        throw ValidationError(
            spellJa(era, e.year, e.month, e.day) + "は存在しません（" + std::to_string(e.month) + "月は" +
            std::to_string(boost::gregorian::gregorian_calendar::end_of_month_day(gregorianYear, e.month)) +
            "日まで） / " + spellEn(era, e.year, e.month, e.day) + " does not exist");
    date d(gregorianYear, e.month, e.day);
    if (d < era.first)
        throw ValidationError(spellJa(era, e.year, e.month, e.day) + "は存在しません（" + std::string(era.nameJa) +
                              "は" + spellJa(era, 1, era.first.month(), era.first.day()) + "から） / " +
                              spellEn(era, e.year, e.month, e.day) + " does not exist (" + std::string(era.nameEn) +
                              " began on " + toIso(era.first) + ")");
    if (e.era != Era::Reiwa) {
        date next = info(static_cast<Era>(static_cast<int>(e.era) + 1)).first;
        if (d >= next) {
            date last = next - boost::gregorian::days(1);
            EraDate l = {e.era, last.year() - era.first.year() + 1, last.month(), last.day()};
            bool wholeYear = e.year > l.year;
            std::string what = wholeYear ? std::string(era.nameJa) + std::to_string(e.year) + "年"
                                         : spellJa(era, e.year, e.month, e.day);
            throw ValidationError(what + "は存在しません（" + std::string(era.nameJa) + "は" +
                                  spellJa(era, l.year, l.month, l.day).substr(era.nameJa.size()) + "まで） / " +
                                  (wholeYear ? std::string(era.nameEn) + " " + std::to_string(e.year)
                                             : spellEn(era, e.year, e.month, e.day)) +
                                  " does not exist (" + std::string(era.nameEn) + " ended on " + toIso(last) + ")");
        }
    }
    return d;
}

std::string formatJa(const date& d)
{
    EraDate e = toEra(d);
    return spellJa(info(e.era), e.year, e.month, e.day);
}

std::string formatShort(const date& d)
{
    EraDate e = toEra(d);
    return std::string(1, info(e.era).letter) + std::to_string(e.year) + "." + std::to_string(e.month) + "." +
           std::to_string(e.day);
}

std::string formatIso(const date& d)
{
    if (d.is_special())
        return toIso(d);
    auto ymd = d.year_month_day();
    int y = ymd.year, m = ymd.month, dd = ymd.day; // boost's years are 1400..9999: always 4 digits
    char buf[10] = {char('0' + y / 1000),
                    char('0' + y / 100 % 10),
                    char('0' + y / 10 % 10),
                    char('0' + y % 10),
                    '-',
                    char('0' + m / 10),
                    char('0' + m % 10),
                    '-',
                    char('0' + dd / 10),
                    char('0' + dd % 10)};
    return std::string(buf, sizeof buf);
}

std::string formatBoth(const date& d)
{
    if (d.is_special() || d < kEras.front().first)
        return formatIso(d);
    return formatIso(d) + "（" + formatJa(d) + "）";
}

date parse(std::string_view text)
{
    static const std::regex kLong(
        "^\\s*(明治|大正|昭和|平成|令和)\\s*(元|[0-9]{1,3})\\s*年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日\\s*$");
    static const std::regex kShort("^\\s*([MTSHRmtshr])\\s*(元|[0-9]{1,3})[./-]([0-9]{1,2})[./-]([0-9]{1,2})\\s*$");
    std::string s = toAscii(text);
    std::smatch m;
    std::optional<Era> era;
    if (std::regex_match(s, m, kLong)) {
        for (const auto& e : kEras)
            if (m[1].str() == e.nameJa)
                era = e.era;
    } else if (std::regex_match(s, m, kShort)) {
        char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(m[1].str()[0])));
        for (const auto& e : kEras)
            if (letter == e.letter)
                era = e.era;
    }
    if (!era)
        throw ValidationError("和暦の日付として読めません: \"" + std::string(text) +
                              "\"（例: 令和6年11月28日, R6.11.28） / not a Japanese era date (e.g. R6.11.28)");
    return fromEra({*era, yearNumber(m[2].str()), std::stoi(m[3].str()), std::stoi(m[4].str())});
}

} // namespace madoguchi::era

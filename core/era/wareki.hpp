#pragma once
// Japanese era dates (和暦), 明治 to 令和: 令和6年11月28日, 令和元年5月1日, R6.11.28, S55.7.2, H1.1.8.
// Era years follow the proleptic Gregorian calendar (Japan used the lunar calendar until
// 明治5年12月2日 = 1872-12-31; dates before that are converted as if Gregorian, which is what
// registers of residents and ICU do).
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi::era {

using boost::gregorian::date;

enum class Era { Meiji, Taisho, Showa, Heisei, Reiwa };

struct EraInfo {
    Era era;
    std::string_view nameJa; // 令和
    char letter;             // R
    std::string_view nameEn; // Reiwa
    date first;              // 2019-05-01
};

std::span<const EraInfo> allEras();
const EraInfo& info(Era e);

struct EraDate {
    Era era;
    int year; // 1 = 元年
    int month;
    int day;
};

// Throws ValidationError for a day before 明治 (1868-01-25).
EraDate toEra(const date& d);
// Throws ValidationError for a day that does not exist in that era: 昭和65年, 平成31年5月1日,
// 令和元年4月30日, 2月30日.
date fromEra(const EraDate& e);

std::string formatJa(const date& d);    // 令和6年11月28日, 令和元年5月1日
std::string formatShort(const date& d); // R6.11.28
std::string formatBoth(const date& d);  // 2026-11-29（令和8年11月29日）
// 2026-11-29, like toIso in core/common/clock.hpp but without iostreams and locale facets: the
// deadline engine writes dates into warnings for a million residents a second.
std::string formatIso(const date& d);

// Parses 令和6年11月28日, 令和元年5月1日, R6.11.28, r06.11.28, H1.1.8, S55.7.2 (full-width digits and
// letters also accepted). Throws ValidationError, in Japanese and English, naming what is wrong.
date parse(std::string_view text);

} // namespace madoguchi::era

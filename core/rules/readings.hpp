#pragma once
// The readings of the rules that the public sources dispute, one switch each. Every switch names
// the readings, the sources of each and the one taken; the engine takes a Readings value (the
// defaults below) so that the tests and `rules explain` can show what the other reading would say.
// docs: docs/rules.md §9, "The disputed readings" (the table of switches), and data/rules/README.md.

namespace madoguchi::rules {

// Births on 29 February in a common year. The Act on Calculation of Age (年齢計算ニ関スル法律) and
// Civil Code art. 143 make a person born on 29 February reach the new age at the end of 28 February;
// the residence-card law deems 28 February the birthday in common years (出入国管理及び難民認定法
// 19条の5), and most explanations of the card's validity follow it. Taken: February28.
// The other reading: 1 March (the day after 28 February, as some calendars count).
enum class LeapDayRule { February28, March1 };
inline constexpr LeapDayRule kLeapDayRule = LeapDayRule::February28;

// Where the renewal window opens when the expiry is the last day of a month and the month three
// months before is longer (expiry 2029-11-30). The window opens once LESS than 3 months remain:
//   SameDateNextDay: the day after the same date 3 months before (Ise City 「有効期限の3か月前の翌日
//                    から」): 2029-08-31;
//   CivilCode:       a period ending on a month's last day runs in whole months (Civil Code art. 143),
//                    so 3 whole months remain until the first of the month two months before:
//                    2029-09-01 (Tsuruga City 「3か月未満となった日から」, the statute's wording).
// Taken: CivilCode — the statute's own count, and the later of the two days never sends a resident
// to the counter before the J-LIS system accepts the renewal. Both readings agree on every other day.
enum class MonthEndReading { SameDateNextDay, CivilCode };
inline constexpr MonthEndReading kMonthEndReading = MonthEndReading::CivilCode;

// The day on which the age for the 10-year / 5-year choice is measured.
//   IssueDay:       the card's 発行日 (Miyoshi Town; Hannō City; the Kodaira seed page counts from it);
//   ApplicationDay: the day J-LIS received the application (some explanatory pages).
// The 20/18 threshold itself is chosen by the application day in both readings (Uki City; Kōnosu
// City). Taken: IssueDay.
enum class AgeBasis { IssueDay, ApplicationDay };
inline constexpr AgeBasis kAgeBasis = AgeBasis::IssueDay;

// The 90th day after the move-in notification when it falls on a day the city hall is closed.
//   FilingDayPlus90:     filing day + 90 whatever the day (Toshima City; the Kodaira seed page's
//                        「転入届出日から90日以内」; the lapse is automatic, not an application's deadline);
//   RolledToNextOpenDay: moved on to the next day the city hall is open (Higashimatsuyama City, by
//                        analogy with Civil Code art. 142 and 行政機関の休日に関する法律 2条).
// Taken: FilingDayPlus90 — the card lapses by law on that day; telling a resident a later day
// could cost the card, telling an earlier one costs nothing.
enum class MoveInLimitReading { FilingDayPlus90, RolledToNextOpenDay };
inline constexpr MoveInLimitReading kMoveInLimitReading = MoveInLimitReading::FilingDayPlus90;

struct Readings {
    LeapDayRule leapDay = kLeapDayRule;
    MonthEndReading monthEnd = kMonthEndReading;
    AgeBasis ageBasis = kAgeBasis;
    MoveInLimitReading moveInLimit = kMoveInLimitReading;
};

} // namespace madoguchi::rules

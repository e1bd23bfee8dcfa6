// The disputed readings as a printable list (see readings_catalogue.hpp; the reasons: readings.hpp).
#include "core/rules/readings_catalogue.hpp"

namespace madoguchi::rules {

std::vector<DisputedReading> disputedReadings(const Readings& r)
{
    std::vector<DisputedReading> out;
    if (r.leapDay == LeapDayRule::February28)
        out.push_back({"kLeapDayRule", "february-28", "march-1", "2月29日生まれの誕生日は平年では2月28日",
                       "A 29 February birthday is 28 February in common years",
                       "年齢計算ニ関スル法律; 民法143条; 入管法19条の5（在留カード）"});
    else
        out.push_back({"kLeapDayRule", "march-1", "february-28", "2月29日生まれの誕生日は平年では3月1日",
                       "A 29 February birthday is 1 March in common years", "一部の暦の数え方"});
    if (r.monthEnd == MonthEndReading::CivilCode)
        out.push_back({"kMonthEndReading", "civil-code", "same-date-next-day",
                       "月末が有効期限のとき、更新期間は民法143条の月単位の計算で3か月未満となる日から",
                       "An expiry on a month's last day: the window opens once less than 3 whole months remain "
                       "(Civil Code art. 143)",
                       "民法143条; 敦賀市（3か月未満となった日から）; 伊勢市（3か月前の翌日から）"});
    else
        out.push_back({"kMonthEndReading", "same-date-next-day", "civil-code",
                       "月末が有効期限のとき、更新期間は3か月前の同じ日の翌日から",
                       "An expiry on a month's last day: the window opens the day after the same date 3 months "
                       "before",
                       "伊勢市（3か月前の翌日から）; 民法143条; 敦賀市"});
    if (r.ageBasis == AgeBasis::IssueDay)
        out.push_back({"kAgeBasis", "issue-day", "application-day",
                       "10年・5年の別は発行日の年齢で決める（18歳・20歳の別は申請の受付日）",
                       "The 10/5-year choice by the age on the issue date (18/20 by the application day)",
                       "三好町; 飯能市（発行日）; 一部の説明ページ（申請日）"});
    else
        out.push_back({"kAgeBasis", "application-day", "issue-day", "10年・5年の別は申請日の年齢で決める",
                       "The 10/5-year choice by the age on the application day",
                       "一部の説明ページ（申請日）; 三好町; 飯能市（発行日）"});
    if (r.moveInLimit == MoveInLimitReading::FilingDayPlus90)
        out.push_back({"kMoveInLimitReading", "filing-day-plus-90", "rolled-to-next-open-day",
                       "転入後の継続利用の期限は転入届の日から90日目（閉庁日でもその日）",
                       "The continued-use limit is the 90th day after the move-in notification, open day or not",
                       "豊島区; 東松山市（翌開庁日）"});
    else
        out.push_back({"kMoveInLimitReading", "rolled-to-next-open-day", "filing-day-plus-90",
                       "90日目が閉庁日なら翌開庁日まで", "A closed 90th day rolls to the next open day",
                       "東松山市; 豊島区（その日）"});
    return out;
}

} // namespace madoguchi::rules

// The deadline engine. Each rule names its source (shared/spec/domain-rules.md has the links).
#include "core/rules/deadlines.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/deadline_warnings.hpp"

#include <algorithm>

namespace madoguchi::rules {

namespace {

using boost::gregorian::days;

// The Civil Code change (成年年齢の引下げ) lowered the age for the 10-year card from 20 to 18 for
// applications received on or after 2022-04-01 (Uki City; Kōnosu City; Minato City FAQ). The day
// of the application decides, not the day of issue.
const date kAdultAgeChange(2022, 4, 1);

int adultAgeFor(const date& applied)
{
    return applied < kAdultAgeChange ? 20 : 18;
}

// Card validity: the 10th birthday after the issue day for those of adult age on the issue day,
// the 5th for the younger (Kodaira seed page; Minato City FAQ; Yonago City).
constexpr int kAdultCardBirthdays = 10;
constexpr int kMinorCardBirthdays = 5;
// Both certificates: the 5th birthday after their own issue day, whatever the age (Kodaira seed
// page; Uki City).
constexpr int kCertBirthdays = 5;
// No signature certificate under 15 (Inagi City; 電子署名等に係る地方公共団体情報システム機構の認証業務
// に関する法律 第3条): the user-authentication certificate alone is issued.
constexpr int kSignatureCertMinAge = 15;
// Renewal from 3 months before expiry, card and certificates alike (J-LIS 有効期限通知書; seed page).
constexpr int kRenewalMonths = 3;
// Continued use after moving in: within 90 days of the move-in notification, the first day not
// counted (Civil Code art. 140) → filing day + 90 (seed page; 番号法施行令).
constexpr int kMoveInDays = 90;

// The message is built only when the check fails: a million residents a second leave no room
// for formatting dates that are fine.
template <typename Message> void check(bool ok, Message&& message)
{
    if (!ok)
        throw ValidationError(message());
}

} // namespace

bool cardBoundToStay(ResidenceStatus status)
{
    return status == ResidenceStatus::StayBound;
}

namespace {

// Month and day, compared as a pair. Boost's date answers year(), month() and day() each by
// decomposing its day number, so the engine decomposes once and works on these.
struct MonthDay {
    int month, day;
    auto operator<=>(const MonthDay&) const = default;
};

MonthDay monthDayOf(const boost::gregorian::date::ymd_type& ymd)
{
    return {ymd.month, ymd.day};
}

// Births on 29 February (UNCONFIRMED in the spec). The Act on Calculation of Age (年齢計算ニ関スル
// 法律) and Civil Code art. 143 make a person born on 29 February reach the new age at the end of
// 28 February in a common year; the explanations of the card's validity follow it and take
// 28 February as the "birthday" in common years. kLeapDayRule in deadlines.hpp is the one switch.
MonthDay birthdayMonthDay(MonthDay birth, int year)
{
    if (birth.month == 2 && birth.day == 29 && !boost::gregorian::gregorian_calendar::is_leap_year(year))
        return kLeapDayRule == LeapDayRule::February28 ? MonthDay{2, 28} : MonthDay{3, 1};
    return birth;
}

// Whole years; the birthday itself (or its leap-day substitute) reaches the new age. This is the
// counter's usual reading; the statutory moment (the end of the day before) differs only on the
// day before a birthday, which the spec asks us not to rely on.
int ageOn(const boost::gregorian::date::ymd_type& birth, const boost::gregorian::date::ymd_type& day)
{
    int age = day.year - birth.year;
    if (monthDayOf(day) < birthdayMonthDay(monthDayOf(birth), day.year))
        --age;
    return age;
}

// 発行の日後のN回目の誕生日: a birthday on `day` itself does not count.
date nthBirthdayAfter(MonthDay birth, const boost::gregorian::date::ymd_type& day, int n)
{
    int y = day.year;
    int first = birthdayMonthDay(birth, y) > monthDayOf(day) ? y : y + 1;
    int year = first + n - 1;
    MonthDay b = birthdayMonthDay(birth, year);
    return date(year, b.month, b.day);
}

} // namespace

date birthdayIn(const date& birth, int year)
{
    MonthDay b = birthdayMonthDay(monthDayOf(birth.year_month_day()), year);
    return date(year, b.month, b.day);
}

int ageOn(const date& birth, const date& day)
{
    return ageOn(birth.year_month_day(), day.year_month_day());
}

date nthBirthdayAfter(const date& birth, const date& day, int n)
{
    return nthBirthdayAfter(monthDayOf(birth.year_month_day()), day.year_month_day(), n);
}

date monthsBefore(const date& d, int months)
{
    auto ymd = d.year_month_day();
    int index = ymd.year * 12 + (ymd.month - 1) - months;
    int year = index / 12;
    int month = index % 12 + 1;
    int last = boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
    return date(year, month, std::min<int>(ymd.day, last));
}

Deadlines computeDeadlines(const DeadlineInput& in)
{
    check(!in.birth.is_special(), [&] { return std::string("birth: a date is needed"); });
    check(!in.cardIssued.is_special(), [&] { return std::string("issued: a date is needed"); });
    const date applied = in.applied.value_or(in.cardIssued);
    const date certIssued = in.certIssued.value_or(in.cardIssued);
    check(in.birth <= in.cardIssued, [&] {
        return std::string("birth (" + toIso(in.birth) + ") is after the card's issue day (" + toIso(in.cardIssued) +
                           ")");
    });
    check(applied <= in.cardIssued, [&] {
        return std::string("applied (" + toIso(applied) + ") is after the card's issue day (" + toIso(in.cardIssued) +
                           ")");
    });
    check(applied >= in.birth, [&] {
        return std::string("applied (" + toIso(applied) + ") is before the birth (" + toIso(in.birth) + ")");
    });
    check(certIssued >= in.cardIssued, [&] {
        return std::string("cert-issued (" + toIso(certIssued) + ") is before the card's issue day (" +
                           toIso(in.cardIssued) + "): certificates live on the card");
    });
    if (in.movedIn)
        check(*in.movedIn >= in.birth, [&] {
            return std::string("moved-in (" + toIso(*in.movedIn) + ") is before the birth (" + toIso(in.birth) + ")");
        });

    Deadlines out;
    out.adultAge = adultAgeFor(applied);
    const auto birth = in.birth.year_month_day();
    const auto issued = in.cardIssued.year_month_day();
    out.ageAtIssue = ageOn(birth, issued);
    out.cardExpiry = nthBirthdayAfter(monthDayOf(birth), issued,
                                      out.ageAtIssue >= out.adultAge ? kAdultCardBirthdays : kMinorCardBirthdays);

    // Foreign residents with a period of stay: the card runs to the end of the period of stay at
    // issue (Yonago City; 番号法施行令第13条). Exempt: 永住者, 高度専門職第2号, 特別永住者. We take the
    // earlier of the two dates: the stay can never lengthen the card beyond the normal rule.
    ResidenceStatus status = in.status;
    if (in.stayUntil && status == ResidenceStatus::JapaneseNational)
        status = ResidenceStatus::StayBound;
    if (cardBoundToStay(status)) {
        check(in.stayUntil.has_value(),
              [&] { return std::string("stay-until: a resident bound to a period of stay needs its end date"); });
        check(*in.stayUntil >= in.cardIssued, [&] {
            return std::string("stay-until (" + toIso(*in.stayUntil) + ") is before the card's issue day (" +
                               toIso(in.cardIssued) + ")");
        });
        if (*in.stayUntil < out.cardExpiry) {
            out.cardExpiry = *in.stayUntil;
            out.boundToStay = true;
        }
    }
    check(certIssued <= out.cardExpiry, [&] {
        return std::string("cert-issued (" + toIso(certIssued) + ") is after the card expired (" +
                           toIso(out.cardExpiry) + ")");
    });

    // A certificate never outlives its card (Saka Town: …個人番号カードの有効期間満了日まで); the same
    // covers foreign residents whose stay ends first (Inagi City).
    const auto certDay = certIssued == in.cardIssued ? issued : certIssued.year_month_day();
    out.authCertExpiry = std::min(nthBirthdayAfter(monthDayOf(birth), certDay, kCertBirthdays), out.cardExpiry);
    if (ageOn(birth, certDay) >= kSignatureCertMinAge && !in.adultWard)
        out.signCertExpiry = out.authCertExpiry;

    out.cardRenewalOpens = monthsBefore(out.cardExpiry, kRenewalMonths);
    out.certRenewalOpens = monthsBefore(out.authCertExpiry, kRenewalMonths);
    if (in.movedIn)
        out.moveInDeadline = *in.movedIn + days(kMoveInDays);

    out.warnings = deadlineWarnings(in, out, certIssued);
    return out;
}

} // namespace madoguchi::rules

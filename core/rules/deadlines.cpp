// The deadline engine. Each rule names its source here and in deadline_rules.cpp (by its id);
// the disputed readings are the switches in readings.hpp.
#include "core/rules/deadlines.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/deadline_warnings.hpp"
#include "core/rules/open_days.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::rules {

namespace {

using boost::gregorian::days;
using boost::gregorian::gregorian_calendar;

// The Civil Code change (成年年齢の引下げ) lowered the age for the 10-year card from 20 to 18 for
// applications received on or after 2022-04-01 (Uki City; Kōnosu City; Minato City FAQ). The day
// of the application decides the threshold; the age itself is taken by the AgeBasis reading.
const date kAdultAgeChange(2022, 4, 1);
// How long an application could take to become a card in spring 2022: cards issued up to three
// months after the change may come from applications received before it (spec §9: "an 18–19-year-
// old whose card was issued April–June 2022"). Only used to warn that --applied matters.
constexpr int kLongestApplicationToIssueMonths = 3;

int adultAgeFor(const date& applied)
{
    return applied < kAdultAgeChange ? 20 : 18;
}

// Card validity: the 10th birthday after the issue day for those of adult age, the 5th for the
// younger (Kodaira seed page; Minato City FAQ; Yonago City). Rules card-validity-adult / -minor.
constexpr int kAdultCardBirthdays = 10;
constexpr int kMinorCardBirthdays = 5;
// Both certificates: the 5th birthday after their own issue day, whatever the age (Kodaira seed
// page; Uki City), the 6th when issued while less than 3 months remained of the ones they replace
// (Higashimurayama City FAQ; Akita Prefecture; Niimi City; J-LIS). Rules cert-validity(-in-window).
constexpr int kCertBirthdays = 5;
constexpr int kCertBirthdaysInWindow = 6;
// No signature certificate under 15 (Inagi City; 電子署名等に係る地方公共団体情報システム機構の認証業務
// に関する法律 第3条): the user-authentication certificate alone is issued.
constexpr int kSignatureCertMinAge = 15;
// Renewal once less than 3 months remain (Ise City; Tsuruga City).
constexpr int kRenewalMonths = 3;
// Continued use after moving in: within 90 days of the move-in notification, the first day not
// counted (Civil Code art. 140) → filing day + 90 (seed page; Toshima City).
constexpr int kMoveInDays = 90;
// The move-in notification within 14 days of moving in (住民基本台帳法22条), and the card lapses
// when it came later, or more than 30 days after the declared move-out day (Nishi-Tokyo City;
// Kuwana City).
constexpr int kMoveInFilingDays = 14;
constexpr int kAfterMoveOutDays = 30;
// 特例期間: a pending renewal keeps the stay lawful until the decision, at the latest until 2 months
// after the old end (入管法20条6項); the card can be extended as far (Komatsu City; Mino City).
constexpr int kSpecialPeriodMonths = 2;
// 経過滞在者: 60 days without a status after birth or loss of Japanese nationality (入管法22条の2).
// The マイナ保険証 grace: until the last day of the 3rd month after the month of expiry (Tama City;
// Kyōkai Kenpo 2025-07-16; Matsuyama City), since insurance cards became the My Number card's work
// on 2024-12-02.
constexpr int kHealthInsuranceGraceMonths = 3;
const date kHealthInsuranceGraceFrom(2024, 12, 2);

// The message is built only when the check fails: a million residents a second leave no room
// for formatting dates that are fine.
template <typename Message> void check(bool ok, Message&& message)
{
    if (!ok)
        throw ValidationError(message());
}

bool lastDayOfMonth(const date& d)
{
    auto ymd = d.year_month_day();
    return ymd.day == gregorian_calendar::end_of_month_day(ymd.year, ymd.month);
}

date firstOfMonthsLater(const date& d, int months)
{
    auto ymd = d.year_month_day();
    int index = ymd.year * 12 + (ymd.month - 1) + months;
    return date(index / 12, index % 12 + 1, 1);
}

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

// Births on 29 February: the switch LeapDayRule (readings.hpp), rule leap-day-birthday.
MonthDay birthdayMonthDay(MonthDay birth, int year, LeapDayRule rule)
{
    if (birth.month == 2 && birth.day == 29 && !gregorian_calendar::is_leap_year(year))
        return rule == LeapDayRule::February28 ? MonthDay{2, 28} : MonthDay{3, 1};
    return birth;
}

// Whole years; the birthday itself (or its leap-day substitute) reaches the new age. This is the
// counter's usual reading; the statutory moment (the end of the day before) differs only on the
// day before a birthday, which the spec asks us not to rely on.
int ageOn(const boost::gregorian::date::ymd_type& birth, const boost::gregorian::date::ymd_type& day, LeapDayRule rule)
{
    int age = day.year - birth.year;
    if (monthDayOf(day) < birthdayMonthDay(monthDayOf(birth), day.year, rule))
        --age;
    return age;
}

// 発行の日後のN回目の誕生日: a birthday on `day` itself does not count.
date nthBirthdayAfter(MonthDay birth, const boost::gregorian::date::ymd_type& day, int n, LeapDayRule rule)
{
    int y = day.year;
    int first = birthdayMonthDay(birth, y, rule) > monthDayOf(day) ? y : y + 1;
    int year = first + n - 1;
    MonthDay b = birthdayMonthDay(birth, year, rule);
    return date(year, b.month, b.day);
}

} // namespace

bool cardBoundToStay(ResidenceStatus status)
{
    switch (status) {
    case ResidenceStatus::StayBound:
    case ResidenceStatus::TemporaryRefuge:
    case ResidenceStatus::ProvisionalStay:
    case ResidenceStatus::Transitional:
        return true;
    default:
        return false;
    }
}

namespace {
constexpr std::array<std::pair<ResidenceStatus, std::string_view>, 8> kStatusIds{{
    {ResidenceStatus::JapaneseNational, "japanese"},
    {ResidenceStatus::StayBound, "stay-bound"},
    {ResidenceStatus::PermanentResident, "permanent"},
    {ResidenceStatus::HighlySkilled2, "highly-skilled-2"},
    {ResidenceStatus::SpecialPermanent, "special-permanent"},
    {ResidenceStatus::TemporaryRefuge, "temporary-refuge"},
    {ResidenceStatus::ProvisionalStay, "provisional-stay"},
    {ResidenceStatus::Transitional, "transitional"},
}};
} // namespace

std::string_view residenceStatusId(ResidenceStatus status)
{
    for (const auto& [s, id] : kStatusIds)
        if (s == status)
            return id;
    return "japanese";
}

std::optional<ResidenceStatus> residenceStatusFromId(std::string_view id)
{
    for (const auto& [s, name] : kStatusIds)
        if (name == id)
            return s;
    return std::nullopt;
}

date birthdayIn(const date& birth, int year, LeapDayRule rule)
{
    MonthDay b = birthdayMonthDay(monthDayOf(birth.year_month_day()), year, rule);
    return date(year, b.month, b.day);
}

int ageOn(const date& birth, const date& day, LeapDayRule rule)
{
    return ageOn(birth.year_month_day(), day.year_month_day(), rule);
}

date nthBirthdayAfter(const date& birth, const date& day, int n, LeapDayRule rule)
{
    return nthBirthdayAfter(monthDayOf(birth.year_month_day()), day.year_month_day(), n, rule);
}

date monthsBefore(const date& d, int months)
{
    return monthsAfter(d, -months);
}

date monthsAfter(const date& d, int months)
{
    auto ymd = d.year_month_day();
    int index = ymd.year * 12 + (ymd.month - 1) + months;
    int year = index / 12;
    int month = index % 12 + 1;
    int last = gregorian_calendar::end_of_month_day(year, month);
    return date(year, month, std::min<int>(ymd.day, last));
}

date renewalWindowOpens(const date& expiry, MonthEndReading reading)
{
    // Rule renewal-window; MonthEndReading in readings.hpp says why the month end is a switch.
    if (reading == MonthEndReading::CivilCode && lastDayOfMonth(expiry))
        return firstOfMonthsLater(expiry, 1 - kRenewalMonths);
    return monthsBefore(expiry, kRenewalMonths) + days(1);
}

CertRenewalOn certRenewalOn(const date& expiry, const date& day, MonthEndReading reading)
{
    CertRenewalOn r;
    r.windowOpens = renewalWindowOpens(expiry, reading);
    r.expired = day > expiry;
    r.inWindow = !r.expired && day >= r.windowOpens;
    r.newCertBirthdays = r.inWindow ? kCertBirthdaysInWindow : kCertBirthdays;
    r.rule = r.inWindow ? "cert-validity-in-window" : "cert-validity";
    return r;
}

date moveInLimit(const date& filed, MoveInLimitReading reading)
{
    // Rule move-in-90-days; MoveInLimitReading in readings.hpp.
    date limit = filed + days(kMoveInDays);
    return reading == MoveInLimitReading::RolledToNextOpenDay ? nextOpenDay(limit) : limit;
}

date healthInsuranceGraceEnd(const date& expiry)
{
    // Rule health-insurance-grace: expiry in February → 31 May.
    return firstOfMonthsLater(expiry, kHealthInsuranceGraceMonths + 1) - days(1);
}

namespace {

// 特例期間 ends at the latest when 2 months have passed after the end of the stay (入管法20条6項),
// counted by Civil Code art. 143: a stay ending on a month's last day gives the last day of the
// month two months later; otherwise the same day two months later.
date specialPeriodLimit(const date& stayUntil)
{
    if (lastDayOfMonth(stayUntil))
        return firstOfMonthsLater(stayUntil, kSpecialPeriodMonths + 1) - days(1);
    return monthsAfter(stayUntil, kSpecialPeriodMonths);
}

void checkInRange(const std::optional<date>& value, const char* name)
{
    if (value && !value->is_special())
        check(*value <= kLastDayCounted, [&] {
            return std::string(name) + ": " + toIso(*value) + " is after " + toIso(kLastDayCounted) +
                   ", past any card the rule book counts";
        });
}

void validate(const DeadlineInput& in, const date& applied, const date& certIssued)
{
    check(!in.birth.is_special(), [&] { return std::string("birth: a date is needed"); });
    check(!in.cardIssued.is_special(), [&] { return std::string("issued: a date is needed"); });
    for (const auto& [value, name] :
         {std::pair{std::optional<date>(in.birth), "birth"}, std::pair{std::optional<date>(in.cardIssued), "issued"},
          std::pair{in.applied, "applied"}, std::pair{in.certIssued, "cert-issued"},
          std::pair{in.prevCertExpiry, "prev-cert-expiry"}, std::pair{in.signCertIssued, "sign-cert-issued"},
          std::pair{in.stayUntil, "stay-until"}, std::pair{in.certStayUntil, "cert-stay-until"},
          std::pair{in.stayPendingUntil, "stay-pending-until"}, std::pair{in.movedIn, "moved-in"},
          std::pair{in.moveDay, "move-day"}, std::pair{in.declaredMoveOut, "declared-move-out"},
          std::pair{std::optional<date>(in.today), "today"}})
        checkInRange(value, name);
    check(in.birth <= in.cardIssued, [&] {
        return "birth (" + toIso(in.birth) + ") is after the card's issue day (発行日, " + toIso(in.cardIssued) + ")";
    });
    check(applied <= in.cardIssued, [&] {
        return "applied (" + toIso(applied) + ") is after the card's issue day (発行日, " + toIso(in.cardIssued) + ")";
    });
    check(applied >= in.birth,
          [&] { return "applied (" + toIso(applied) + ") is before the birth (" + toIso(in.birth) + ")"; });
    check(certIssued >= in.cardIssued, [&] {
        return "cert-issued (" + toIso(certIssued) + ") is before the card's issue day (" + toIso(in.cardIssued) +
               "): certificates live on the card";
    });
    if (in.signCertIssued) {
        check(!in.faceAuth,
              [&] { return std::string("sign-cert-issued: a face-auth card carries no signature certificate"); });
        check(*in.signCertIssued >= in.cardIssued, [&] {
            return "sign-cert-issued (" + toIso(*in.signCertIssued) + ") is before the card's issue day (" +
                   toIso(in.cardIssued) + ")";
        });
    }
    if (in.prevCertExpiry)
        check(*in.prevCertExpiry >= in.birth, [&] {
            return "prev-cert-expiry (" + toIso(*in.prevCertExpiry) + ") is before the birth (" + toIso(in.birth) + ")";
        });
    for (const auto& [value, name] : {std::pair{in.movedIn, "moved-in"}, std::pair{in.moveDay, "move-day"},
                                      std::pair{in.declaredMoveOut, "declared-move-out"}})
        if (value)
            check(*value >= in.birth, [&] {
                return std::string(name) + " (" + toIso(*value) + ") is before the birth (" + toIso(in.birth) + ")";
            });
    if (in.moveDay)
        check(in.movedIn.has_value(),
              [&] { return std::string("move-day: give the day the move-in notification was filed (moved-in) too"); });
    if (in.declaredMoveOut)
        check(in.movedIn.has_value(), [&] {
            return std::string("declared-move-out: give the day the move-in notification was filed (moved-in) too");
        });
    if (in.moveDay && in.movedIn)
        check(*in.moveDay <= *in.movedIn, [&] {
            return "move-day (" + toIso(*in.moveDay) + ") is after the move-in notification (" + toIso(*in.movedIn) +
                   "): a move-in is notified after moving";
        });
}

} // namespace

Deadlines computeDeadlines(const DeadlineInput& in, const Readings& readings)
{
    const date applied = in.applied.value_or(in.cardIssued);
    const date certIssued = in.certIssued.value_or(in.cardIssued);
    validate(in, applied, certIssued);
    const LeapDayRule leap = readings.leapDay;

    Deadlines out;
    out.rules.reserve(8);
    out.adultAge = adultAgeFor(applied);
    const auto birth = monthDayOf(in.birth.year_month_day());
    const auto birthYmd = in.birth.year_month_day();
    const auto issued = in.cardIssued.year_month_day();
    // Rule age-on-issue-day; AgeBasis in readings.hpp.
    out.ageAtIssue =
        ageOn(birthYmd, readings.ageBasis == AgeBasis::ApplicationDay ? applied.year_month_day() : issued, leap);
    const bool adult = out.ageAtIssue >= out.adultAge;
    const date normalExpiry = nthBirthdayAfter(birth, issued, adult ? kAdultCardBirthdays : kMinorCardBirthdays, leap);
    out.cardExpiry = normalExpiry;
    out.rules.push_back({"card_expiry", adult ? "card-validity-adult" : "card-validity-minor"});

    // Foreign residents with a period of stay: the card runs to the earlier of the end of the stay
    // and the normal birthday; an extension lengthens it at most to that birthday (Yonago City;
    // Kōtō City; 番号法施行令第13条). Exempt: 永住者, 高度専門職第2号, 特別永住者. Rule card-stay-bound.
    ResidenceStatus status = in.status;
    if (in.stayUntil && status == ResidenceStatus::JapaneseNational)
        status = ResidenceStatus::StayBound;
    const bool stayBound = cardBoundToStay(status);
    date certCardCap = normalExpiry; // what the certificates may not outlive
    if (stayBound) {
        check(in.stayUntil.has_value(), [&] {
            return std::string(status == ResidenceStatus::Transitional
                                   ? "stay-until: a 経過滞在者's card needs the 60th day after birth or loss of "
                                     "nationality (入管法22条の2)"
                                   : "stay-until: a resident bound to a period of stay needs its end date");
        });
        check(*in.stayUntil >= in.cardIssued, [&] {
            return "stay-until (" + toIso(*in.stayUntil) + ") is before the card's issue day (" + toIso(in.cardIssued) +
                   ")";
        });
        if (*in.stayUntil < normalExpiry) {
            out.cardExpiry = *in.stayUntil;
            out.boundToStay = true;
            out.rules.back().rule = "card-stay-bound";
        }
        // The certificates are not lengthened with the card (Sanyo-Onoda City; Kamiita Town).
        certCardCap = std::min(normalExpiry, in.certStayUntil.value_or(*in.stayUntil));
        if (in.stayPendingUntil) {
            const date limit = specialPeriodLimit(*in.stayUntil);
            check(*in.stayPendingUntil >= *in.stayUntil, [&] {
                return "stay-pending-until (" + toIso(*in.stayPendingUntil) + ") is before the end of the stay (" +
                       toIso(*in.stayUntil) + "): the special period follows it";
            });
            check(*in.stayPendingUntil <= limit, [&] {
                return "stay-pending-until (" + toIso(*in.stayPendingUntil) +
                       ") is more than 2 months after the end of the stay: the special period ends by " + toIso(limit);
            });
            out.cardExtendableUntil = std::min(*in.stayPendingUntil, normalExpiry);
            out.rules.push_back({"card_extendable_until", "card-special-period"});
        }
    } else {
        check(!in.stayPendingUntil, [&] {
            return std::string("stay-pending-until: only a card bound to a period of stay has a special period");
        });
    }
    check(certIssued <= out.cardExpiry, [&] {
        return "cert-issued (" + toIso(certIssued) + ") is after the card expired (" + toIso(out.cardExpiry) + ")";
    });

    // The certificates: the 6th birthday when renewed inside the window of the ones they replace,
    // else the 5th; never past the card (Saka Town), nor past the stay in force at their issue.
    std::optional<date> replaced = in.prevCertExpiry;
    if (!replaced && certIssued > in.cardIssued)
        replaced = std::min(nthBirthdayAfter(birth, issued, kCertBirthdays, leap), out.cardExpiry);
    out.certsRenewedInWindow = replaced && certRenewalOn(*replaced, certIssued, readings.monthEnd).inWindow;
    const auto certDay = certIssued == in.cardIssued ? issued : certIssued.year_month_day();
    const date certBirthday =
        nthBirthdayAfter(birth, certDay, out.certsRenewedInWindow ? kCertBirthdaysInWindow : kCertBirthdays, leap);
    out.authCertExpiry = std::min({certBirthday, out.cardExpiry, certCardCap});
    out.rules.push_back(
        {"auth_cert_expiry", out.authCertExpiry < certBirthday
                                 ? (certCardCap < out.cardExpiry ? "cert-stay-not-extended" : "cert-validity")
                                 : (out.certsRenewedInWindow ? "cert-validity-in-window" : "cert-validity")});

    // The signature certificate: none under 15, for adult wards, on face-auth cards (Ashikaga
    // City; Fukushima City); one issued on its own (after a move) runs to its 5th birthday, never
    // past the authentication certificate (rule signature-cert-capped).
    const date signIssued = in.signCertIssued.value_or(certIssued);
    if (in.faceAuth)
        out.rules.push_back({"sign_cert_expiry", "no-signature-face-auth"});
    else if (in.adultWard)
        out.rules.push_back({"sign_cert_expiry", "no-signature-ward"});
    else if (ageOn(birthYmd, signIssued.year_month_day(), leap) < kSignatureCertMinAge)
        out.rules.push_back({"sign_cert_expiry", "no-signature-minor"});
    else if (signIssued == certIssued) {
        out.signCertExpiry = out.authCertExpiry;
        out.rules.push_back({"sign_cert_expiry", out.rules.back().rule});
    } else {
        out.signCertExpiry =
            std::min(nthBirthdayAfter(birth, signIssued.year_month_day(), kCertBirthdays, leap), out.authCertExpiry);
        out.rules.push_back({"sign_cert_expiry", "signature-cert-capped"});
    }

    // Renewal windows: none for a card that ends with the stay, nor for certificates that do
    // (Kōtō City: no expiry notice, the extension any time before). Rule renewal-window.
    if (out.boundToStay)
        out.rules.push_back({"card_renewal_opens", "no-renewal-window-stay-bound"});
    else {
        out.cardRenewalOpens = renewalWindowOpens(out.cardExpiry, readings.monthEnd);
        out.rules.push_back({"card_renewal_opens", "renewal-window"});
    }
    if (stayBound && out.authCertExpiry == certCardCap && certCardCap < normalExpiry)
        out.rules.push_back({"cert_renewal_opens", "no-renewal-window-stay-bound"});
    else {
        out.certRenewalOpens = renewalWindowOpens(out.authCertExpiry, readings.monthEnd);
        out.rules.push_back({"cert_renewal_opens", "renewal-window"});
    }

    if (in.movedIn) {
        out.moveInDeadline = moveInLimit(*in.movedIn, readings.moveInLimit);
        out.rules.push_back({"move_in_deadline", "move-in-90-days"});
    }
    MoveInLapse lapse = moveInLapse(in, out);
    out.moveInLapsed = lapse.lapsed;

    // The マイナ保険証 grace, from the earlier of the certificate's and the card's expiry (the
    // certificate never outlives the card, so it is the certificate's); none for a lapsed card or
    // where the grace would have ended before the rule began.
    if (!out.moveInLapsed) {
        date graceEnd = healthInsuranceGraceEnd(std::min(out.authCertExpiry, out.cardExpiry));
        if (graceEnd >= kHealthInsuranceGraceFrom) {
            out.healthInsuranceUntil = graceEnd;
            out.rules.push_back({"health_insurance_until", "health-insurance-grace"});
        }
    }

    WarningContext context{certIssued, signIssued, lapse,
                           !in.applied && out.ageAtIssue >= 18 && out.ageAtIssue < 20 &&
                               in.cardIssued >= kAdultAgeChange &&
                               in.cardIssued < monthsAfter(kAdultAgeChange, kLongestApplicationToIssueMonths)};
    out.warnings = deadlineWarnings(in, out, context);
    return out;
}

MoveInLapse moveInLapse(const DeadlineInput& in, const Deadlines& d)
{
    MoveInLapse lapse;
    if (!in.movedIn)
        return lapse;
    if (in.moveDay && *in.movedIn > *in.moveDay + days(kMoveInFilingDays))
        lapse = {true, MoveInLapse::Reason::LateFiling};
    else if (in.declaredMoveOut && *in.movedIn > *in.declaredMoveOut + days(kAfterMoveOutDays))
        lapse = {true, MoveInLapse::Reason::LongAfterMoveOut};
    else if (in.movedAgain)
        lapse = {true, MoveInLapse::Reason::MovedAgain};
    else if (!in.today.is_special() && d.moveInDeadline && in.today > *d.moveInDeadline)
        lapse = {true, MoveInLapse::Reason::NinetyDaysPassed};
    return lapse;
}

} // namespace madoguchi::rules

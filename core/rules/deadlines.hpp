#pragma once
// The deadline engine: card and certificate expiries, renewal windows, the stay-bound card and its
// special period, the マイナ保険証 grace after expiry, the move-in limits. Every rule names its
// source in deadline_rules.cpp (the catalogue `rules explain` prints) and in the comments in
// deadlines.cpp next to each computation; the disputed readings are the switches in readings.hpp.
#include "core/rules/readings.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::rules {

using boost::gregorian::date;

// Residence status as far as the card's validity cares (Yonago City: 永住者, 高度専門職第2号 and
// 特別永住者 keep the normal rule; other foreign residents' cards end with the period of stay, and
// the statuses without a residence card with their own end day: Sanyo-Onoda City).
enum class ResidenceStatus {
    JapaneseNational,
    StayBound,         // 中長期在留者 etc. with a period of stay (在留期間満了日)
    PermanentResident, // 永住者
    HighlySkilled2,    // 高度専門職第2号
    SpecialPermanent,  // 特別永住者
    TemporaryRefuge,   // 一時庇護許可者: until the end of the permitted landing period
    ProvisionalStay,   // 仮滞在許可者: until the end of the provisional stay
    Transitional,      // 経過滞在者: 60 days after birth or loss of nationality (入管法22条の2)
};

// Whether the card of a resident with this status ends with a period of stay (or landing).
bool cardBoundToStay(ResidenceStatus status);
// "japanese", "stay-bound", "permanent", "highly-skilled-2", "special-permanent",
// "temporary-refuge", "provisional-stay", "transitional" (the CLI's --status).
std::string_view residenceStatusId(ResidenceStatus status);
std::optional<ResidenceStatus> residenceStatusFromId(std::string_view id);

struct DeadlineInput {
    date birth{};
    // The card's 発行日: the day J-LIS produced it, printed on the card — not the day the counter
    // handed it over (交付日). The CLI keeps the name --issued.
    date cardIssued{};
    std::optional<date> applied{};    // the day J-LIS received the application; unknown: see warnings
    std::optional<date> certIssued{}; // the certificates' issue day; default: cardIssued
    // Expiry of the certificates the ones of `certIssued` replaced, to judge whether they were
    // renewed inside the renewal window (6th birthday). Default: those issued with the card, when
    // certIssued is later than the card; none when the certificates were issued with it.
    std::optional<date> prevCertExpiry{};
    std::optional<date> signCertIssued{}; // a signature certificate issued on its own (after a move)
    // End of the period of stay the card is bound to now (after any extension). Only used for the
    // stay-bound statuses; when it is given and the status is JapaneseNational, StayBound is taken.
    std::optional<date> stayUntil{};
    // The period of stay in force when the certificates were issued (default: stayUntil): an
    // extension lengthens the card, never the certificates.
    std::optional<date> certStayUntil{};
    // A renewal of the period of stay is pending (在留期間更新等許可申請中): the special period ends on
    // this day (the decision, at the latest 2 months after stayUntil).
    std::optional<date> stayPendingUntil{};
    ResidenceStatus status = ResidenceStatus::JapaneseNational;
    std::optional<date> movedIn{};         // the day the move-in notification (転入届) was filed
    std::optional<date> moveDay{};         // the day the resident actually moved in
    std::optional<date> declaredMoveOut{}; // the move-out day declared at the former city (転出予定日)
    bool movedAgain = false;               // moved on again before the continued-use procedure
    bool faceAuth = false;                 // 顔認証マイナンバーカード: no signature certificate
    date today{};                          // the day the warnings are computed for
    bool adultWard = false;                // 成年被後見人: no signature certificate (Inagi City)
};

enum class WarningKind {
    CardExpired,
    CardRenewalOpen,
    CertExpired,
    CertRenewalOpen,
    NoSignatureCert,
    StayBoundCard,
    StayBoundNoRenewalWindow,
    CertsNotExtendedWithStay,
    StaySpecialPeriod,
    SignatureRevokedByMove,
    MoveInDeadlineNear,
    MoveInDeadlinePassed,
    MoveInLapsed,
    HealthInsuranceGrace,
    HealthInsuranceEnded,
    AppliedUnknown,
    FaceAuthInfant,
};

struct Warning {
    WarningKind kind;
    std::string ja; // shown on screens and printed; the CLI prints this one
    std::string en;
};

// Which rule of deadline_rules.cpp produced a field ("card_expiry" ← "card-validity-adult").
struct AppliedRule {
    std::string_view field; // the JSON key of `deadlines --json`
    std::string_view rule;  // an id of deadlineRules()
};

struct Deadlines {
    date cardExpiry;                      // the last day the card is valid (有効期限)
    date authCertExpiry;                  // 利用者証明用電子証明書
    std::optional<date> signCertExpiry;   // 署名用電子証明書; none under 15, for adult wards, face-auth cards
    std::optional<date> cardRenewalOpens; // first day of the card's window; none for stay-bound cards
    std::optional<date> certRenewalOpens; // none when the certificates end with the period of stay
    std::optional<date> moveInDeadline;   // the last day of the continued-use procedure
    std::optional<date> cardExtendableUntil; // 特例期間: the card can be extended up to this day
    // The card works as a health-insurance card until this day (none where that does not apply:
    // a card lapsed after moving, or a grace that ended before the rule existed).
    std::optional<date> healthInsuranceUntil;
    bool certsRenewedInWindow = false; // the certificates got the 6th birthday
    bool moveInLapsed = false;         // lapsed by one of the move-in rules
    int ageAtIssue = 0;                // whole years on the card's 発行日 (or application day, by the reading)
    int adultAge = 18;                 // 20 for applications received before 2022-04-01
    bool boundToStay = false;          // the card ends with the period of stay
    std::vector<Warning> warnings;     // in a stable order: card, certificates, stay, moving, insurance
    std::vector<AppliedRule> rules;    // the rules behind the fields, for `rules explain`
};

// The last day the engine counts from. It counts at most a card's ten years (plus the birthday
// and a 特例期間) forward from a given day, and Boost's calendar ends at 9999-12-31: a later day
// is a typo, not a card, refused by name (deadlines, forecast) instead of overflowing the count.
inline const boost::gregorian::date kLastDayCounted(2199, 12, 31);

// Throws ValidationError (one line naming the field) for input that can never be right: a day
// after kLastDayCounted, birth
// after the issue day, application after the issue day, certificates issued before the card or
// after it expired, a period of stay ending before the issue day, a move-in before birth, a
// special period past 2 months after the stay, a signature certificate on a face-auth card.
Deadlines computeDeadlines(const DeadlineInput& in, const Readings& readings = {});

// ---- the building blocks, public so that the GUI and the tests use the very same rules ----

// The birthday in `year`, with the leap-day substitute for 29 February births in common years.
date birthdayIn(const date& birth, int year, LeapDayRule rule = kLeapDayRule);
// Age in whole years on `day`; the birthday itself reaches the new age.
int ageOn(const date& birth, const date& day, LeapDayRule rule = kLeapDayRule);
// The n-th birthday strictly after `day` (a birthday on `day` itself does not count: 発行の日後).
date nthBirthdayAfter(const date& birth, const date& day, int n, LeapDayRule rule = kLeapDayRule);
// The same day of the month `months` earlier, clamped to the month's last day (3 months before
// 2025-05-31 is 2025-02-28).
date monthsBefore(const date& d, int months);
// The same day of the month `months` later, clamped (2 months after 2026-12-31 is 2027-02-28).
date monthsAfter(const date& d, int months);
// The first day of the renewal window for an expiry: the first day on which LESS than 3 months
// remain (readings.hpp, MonthEndReading, for an expiry on a month's last day).
date renewalWindowOpens(const date& expiry, MonthEndReading reading = kMonthEndReading);
// A certificate renewal on `day`, judged against the expiry of the certificates it replaces: the
// one place that says whether `day` is inside their renewal window (rule renewal-window) and so
// whether the new certificates run to the 6th birthday after their issue day or the 5th (rules
// cert-validity-in-window, cert-validity; docs/rules.md §2, §3, §9). The card triage asks it with
// the expiry read from the card; computeDeadlines with the one it computed.
struct CertRenewalOn {
    date windowOpens;         // the first day of the window
    bool expired = false;     // `day` is after `expiry`
    bool inWindow = false;    // windowOpens <= day <= expiry
    int newCertBirthdays = 5; // the new certificates end on this birthday after their issue day
    std::string_view rule;    // "cert-validity-in-window" or "cert-validity"
};
CertRenewalOn certRenewalOn(const date& expiry, const date& day, MonthEndReading reading = kMonthEndReading);
// The last day of the continued-use procedure after the move-in notification filed on `filed`.
date moveInLimit(const date& filed, MoveInLimitReading reading = kMoveInLimitReading);
// The マイナ保険証 grace: the last day of the 3rd month after the month of `expiry`.
date healthInsuranceGraceEnd(const date& expiry);

} // namespace madoguchi::rules

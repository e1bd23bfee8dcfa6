#pragma once
// The deadline engine: card and certificate expiries, renewal windows, the 90-day continued-use
// limit after moving in. Every rule and its source: shared/spec/domain-rules.md §1–§3, §5, and the
// comments in deadlines.cpp next to each computation.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::rules {

using boost::gregorian::date;

// Residence status as far as the card's validity cares (Yonago City: 永住者, 高度専門職第2号 and
// 特別永住者 keep the normal rule; other foreign residents' cards end with the period of stay).
enum class ResidenceStatus {
    JapaneseNational,
    StayBound,         // 中長期在留者 etc. with a period of stay (在留期間満了日)
    PermanentResident, // 永住者
    HighlySkilled2,    // 高度専門職第2号
    SpecialPermanent,  // 特別永住者
};

// Whether the card of a resident with this status ends with the period of stay.
bool cardBoundToStay(ResidenceStatus status);

struct DeadlineInput {
    date birth{};
    date cardIssued{};                // 交付日 of the card
    std::optional<date> applied{};    // day the application was received; default: cardIssued
    std::optional<date> certIssued{}; // day the certificates were issued; default: cardIssued
    // End of the period of stay. Only used when `status` is StayBound; when it is given and the
    // status is left at JapaneseNational, the engine takes the resident as StayBound.
    std::optional<date> stayUntil{};
    ResidenceStatus status = ResidenceStatus::JapaneseNational;
    std::optional<date> movedIn{}; // the day the move-in notification (転入届) was filed
    date today{};                  // the day the warnings are computed for
    bool adultWard = false;        // 成年被後見人: no signature certificate (Inagi City)
};

enum class WarningKind {
    CardExpired,
    CardRenewalOpen,
    CertExpired,
    CertRenewalOpen,
    NoSignatureCert,
    StayBoundCard,
    SignatureRevokedByMove,
    MoveInDeadlineNear,
    MoveInDeadlinePassed,
};

struct Warning {
    WarningKind kind;
    std::string ja; // shown on screens and printed; the CLI prints this one
    std::string en;
};

struct Deadlines {
    date cardExpiry;                    // the last day the card is valid (有効期限)
    date authCertExpiry;                // 利用者証明用電子証明書
    std::optional<date> signCertExpiry; // 署名用電子証明書; none under 15 and for adult wards
    date cardRenewalOpens;              // 3 months before cardExpiry
    date certRenewalOpens;              // 3 months before authCertExpiry
    std::optional<date> moveInDeadline; // filing day + 90 days
    int ageAtIssue = 0;                 // whole years on the card's issue day
    int adultAge = 18;                  // 20 for applications received before 2022-04-01
    bool boundToStay = false;           // the card ends with the period of stay
    std::vector<Warning> warnings;      // in a stable order: card, certificates, stay, moving
};

// Throws ValidationError (one line naming the field) for input that can never be right: birth
// after the issue day, application after the issue day, certificates issued before the card or
// after it expired, a period of stay ending before the issue day, a move-in before birth.
Deadlines computeDeadlines(const DeadlineInput& in);

// ---- the building blocks, public so that the GUI and the tests use the very same rules ----

// How a birth on 29 February is treated in a common year: the one switch (see deadlines.cpp).
enum class LeapDayRule { February28, March1 };
inline constexpr LeapDayRule kLeapDayRule = LeapDayRule::February28;

// The birthday in `year`, with the leap-day substitute for 29 February births in common years.
date birthdayIn(const date& birth, int year);
// Age in whole years on `day`; the birthday itself reaches the new age.
int ageOn(const date& birth, const date& day);
// The n-th birthday strictly after `day` (a birthday on `day` itself does not count: 発行の日後).
date nthBirthdayAfter(const date& birth, const date& day, int n);
// The same day of the month `months` earlier, clamped to the month's last day (3 months before
// 2025-05-31 is 2025-02-28).
date monthsBefore(const date& d, int months);

} // namespace madoguchi::rules

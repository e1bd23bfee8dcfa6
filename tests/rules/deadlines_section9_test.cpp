// The deadline rules of spec §9 (2026-12), one table per rule, each row naming its source; then
// the properties the rules promise over many generated residents, and each disputed reading in
// both of its readings.
#include "core/common/errors.hpp"
#include "core/rules/deadline_rules.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/open_days.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>
#include <random>
#include <set>

using namespace madoguchi::rules;
using boost::gregorian::date;
using boost::gregorian::days;
using boost::gregorian::from_simple_string;

namespace {

date d(const char* iso)
{
    return from_simple_string(iso);
}
std::optional<date> od(const char* iso)
{
    return iso ? std::optional<date>(d(iso)) : std::nullopt;
}

bool has(const Deadlines& out, WarningKind k)
{
    return std::any_of(out.warnings.begin(), out.warnings.end(), [&](const Warning& w) { return w.kind == k; });
}

std::string ruleFor(const Deadlines& out, std::string_view field)
{
    for (const auto& r : out.rules)
        if (r.field == field)
            return std::string(r.rule);
    return "";
}

} // namespace

// ---- 6th birthday inside the window (Higashimurayama City FAQ; Akita Prefecture; Niimi City; J-LIS) ----

struct CertRow {
    const char* source;
    const char* birth;
    const char* issued;
    const char* certIssued;
    const char* prevCertExpiry; // null: those issued with the card
    const char* authExpiry;
    bool inWindow;
};

TEST(Section9, CertificatesRenewedInsideTheWindowRunToTheSixthBirthday)
{
    const CertRow rows[] = {
        // Card 2021-09-01 → 2031-08-15; its certificates → 2026-08-15, window from 2026-05-16.
        {"Higashimurayama FAQ: renewed on the window's first day", "1980-08-15", "2021-09-01", "2026-05-16", nullptr,
         "2031-08-15", true},
        {"Higashimurayama FAQ: one day before the window: 5th birthday", "1980-08-15", "2021-09-01", "2026-05-15",
         nullptr, "2030-08-15", false},
        {"Akita Prefecture: renewed on the expiry day itself, capped by the card", "1980-08-15", "2021-09-01",
         "2026-08-15", nullptr, "2031-08-15", true},
        {"Niimi City: issued after the old ones expired: 5th birthday", "1980-08-15", "2021-09-01", "2026-09-01",
         nullptr, "2031-08-15", false},
        {"J-LIS: the replaced certificates named (--prev-cert-expiry), inside their window", "1980-08-15", "2021-09-01",
         "2028-07-01", "2028-09-30", "2031-08-15", true},
        {"J-LIS: the replaced certificates named, outside their window: 5th birthday", "1980-08-15", "2021-09-01",
         "2027-07-01", "2028-09-30", "2031-08-15", false},
        // A new card issued inside the window of the old card's certificates (--prev-cert-expiry).
        {"Higashimurayama FAQ: card renewed in the window, certificates with it", "1975-03-10", "2025-01-20",
         "2025-01-20", "2025-03-10", "2030-03-10", true},
        {"Higashimurayama FAQ: same card, no replaced certificates named: 5th birthday", "1975-03-10", "2025-01-20",
         nullptr, nullptr, "2029-03-10", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d(r.birth),
                         .cardIssued = d(r.issued),
                         .certIssued = od(r.certIssued),
                         .prevCertExpiry = od(r.prevCertExpiry),
                         .today = d(r.issued)};
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.authCertExpiry, d(r.authExpiry));
        EXPECT_EQ(out.signCertExpiry, out.authCertExpiry);
        EXPECT_EQ(out.certsRenewedInWindow, r.inWindow);
        EXPECT_LE(out.authCertExpiry, out.cardExpiry);
    }
}

TEST(Section9, CertRenewalWarningSaysTheSixthBirthday)
{
    // Higashimurayama City FAQ: the clerk sees what a renewal today would give.
    DeadlineInput in{.birth = d("1980-08-15"), .cardIssued = d("2021-09-01"), .today = d("2026-06-01")};
    auto out = computeDeadlines(in);
    ASSERT_TRUE(has(out, WarningKind::CertRenewalOpen));
    auto w = std::find_if(out.warnings.begin(), out.warnings.end(),
                          [](const Warning& x) { return x.kind == WarningKind::CertRenewalOpen; });
    EXPECT_NE(w->ja.find("2031-08-15"), std::string::npos) << w->ja;
    EXPECT_NE(w->ja.find("6回目"), std::string::npos) << w->ja;
}

// ---- renewal window: once LESS than 3 months remain (Ise City; Tsuruga City) ----

struct WindowRow {
    const char* source;
    const char* expiry;
    const char* civilCode;
    const char* sameDate;
};

TEST(Section9, RenewalWindowOpensOnceLessThanThreeMonthsRemain)
{
    const WindowRow rows[] = {
        {"Ise City: the day after the same date", "2030-05-20", "2030-02-21", "2030-02-21"},
        {"Ise City: a short month before", "2025-05-31", "2025-03-01", "2025-03-01"},
        {"Tsuruga City / Civil Code art. 143: month end, longer month before", "2029-11-30", "2029-09-01",
         "2029-08-31"},
        {"Tsuruga City: 29 February expiry", "2024-02-29", "2023-12-01", "2023-11-30"},
        {"Ise City: year boundary", "2027-01-10", "2026-10-11", "2026-10-11"},
        {"Tsuruga City: 30 June", "2025-06-30", "2025-04-01", "2025-03-31"},
    };
    ASSERT_EQ(kMonthEndReading, MonthEndReading::CivilCode); // the reading taken (readings.hpp)
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        EXPECT_EQ(renewalWindowOpens(d(r.expiry)), d(r.civilCode));
        EXPECT_EQ(renewalWindowOpens(d(r.expiry), MonthEndReading::CivilCode), d(r.civilCode));
        EXPECT_EQ(renewalWindowOpens(d(r.expiry), MonthEndReading::SameDateNextDay), d(r.sameDate));
    }
}

TEST(Section9, ARenewalOnADayIsJudgedAgainstTheExpiryItReplaces)
{
    // What the card triage asks: renewed on `day`, inside the window (6th birthday) or not (5th).
    struct Row {
        const char* day;
        bool inWindow;
        bool expired;
        int birthdays;
    };
    const Row rows[] = {
        {"2026-10-15", false, false, 5}, // the day before the window (expiry 2027-01-15)
        {"2026-10-16", true, false, 6},  // the first day of the window
        {"2027-01-15", true, false, 6},  // the expiry day itself is still inside
        {"2027-01-16", false, true, 5},  // after it: a new certificate, the 5th birthday
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.day);
        CertRenewalOn on = certRenewalOn(d("2027-01-15"), d(r.day));
        EXPECT_EQ(on.windowOpens, d("2026-10-16"));
        EXPECT_EQ(on.inWindow, r.inWindow);
        EXPECT_EQ(on.expired, r.expired);
        EXPECT_EQ(on.newCertBirthdays, r.birthdays);
        EXPECT_EQ(on.rule, r.inWindow ? "cert-validity-in-window" : "cert-validity");
    }
    // The month-end reading is the engine's switch, here too.
    EXPECT_FALSE(certRenewalOn(d("2029-11-30"), d("2029-08-31"), MonthEndReading::CivilCode).inWindow);
    EXPECT_TRUE(certRenewalOn(d("2029-11-30"), d("2029-08-31"), MonthEndReading::SameDateNextDay).inWindow);
}

TEST(Section9, MonthEndReadingDecidesTheSixthBirthdayOnTheDisputedDay)
{
    // Certificates expiring 2029-11-30 (born 1 Dec), renewed on 2029-08-31: inside the window by the
    // plain reading (Ise City), one day early by the Civil Code count (Tsuruga City).
    DeadlineInput in{.birth = d("1960-12-01"),
                     .cardIssued = d("2024-12-10"),
                     .certIssued = d("2029-08-31"),
                     .prevCertExpiry = d("2029-11-30"),
                     .today = d("2029-08-31")};
    EXPECT_FALSE(computeDeadlines(in).certsRenewedInWindow);
    Readings plain;
    plain.monthEnd = MonthEndReading::SameDateNextDay;
    EXPECT_TRUE(computeDeadlines(in, plain).certsRenewedInWindow);
}

// ---- age on the 発行日, threshold by the application day (Miyoshi Town; Hannō City; Uki City) ----

struct AgeRow {
    const char* source;
    const char* birth;
    const char* applied;
    const char* issued;
    const char* issueDayExpiry;
    const char* applicationDayExpiry;
};

TEST(Section9, AgeIsTakenOnTheIssueDayAndTheThresholdByTheApplicationDay)
{
    const AgeRow rows[] = {
        {"Miyoshi Town: 17 at application, 18 on the 発行日", "2004-05-01", "2022-04-20", "2022-05-10", "2032-05-01",
         "2027-05-01"},
        {"Hannō City: 19 on both days, applied before 2022-04-01: threshold 20", "2003-01-10", "2022-03-01",
         "2022-03-20", "2027-01-10", "2027-01-10"},
        {"Uki City: 19, applied from 2022-04-01: threshold 18", "2003-01-10", "2022-04-05", "2022-04-25", "2032-01-10",
         "2032-01-10"},
        {"Kōnosu City: 19 on the 発行日 but applied 2022-03-25 (threshold 20)", "2002-12-01", "2022-03-25",
         "2022-04-15", "2026-12-01", "2026-12-01"},
    };
    ASSERT_EQ(kAgeBasis, AgeBasis::IssueDay);
    Readings byApplication;
    byApplication.ageBasis = AgeBasis::ApplicationDay;
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d(r.birth), .cardIssued = d(r.issued), .applied = d(r.applied), .today = d(r.issued)};
        EXPECT_EQ(computeDeadlines(in).cardExpiry, d(r.issueDayExpiry));
        EXPECT_EQ(computeDeadlines(in, byApplication).cardExpiry, d(r.applicationDayExpiry));
    }
}

TEST(Section9, MissingApplicationDayWarnsWhereItCouldChangeTheCard)
{
    struct Row {
        const char* source;
        const char* birth;
        const char* issued;
        bool warns;
    } rows[] = {
        {"spec §9: 18 on a 発行日 in April 2022", "2003-06-01", "2022-04-20", true},
        {"spec §9: 19 on a 発行日 in June 2022", "2002-07-15", "2022-06-30", true},
        {"after June 2022 the application was received from April on", "2003-06-01", "2022-07-01", false},
        {"before 2022-04-01 both days are before the change", "2003-06-01", "2022-03-31", false},
        {"21 years old: adult on either threshold", "2001-01-01", "2022-05-01", false},
        {"17 years old: a minor on either threshold", "2005-01-01", "2022-05-01", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d(r.birth), .cardIssued = d(r.issued), .today = d(r.issued)};
        EXPECT_EQ(has(computeDeadlines(in), WarningKind::AppliedUnknown), r.warns);
        in.applied = d(r.issued);
        EXPECT_FALSE(has(computeDeadlines(in), WarningKind::AppliedUnknown));
    }
}

// ---- 29 February (年齢計算ニ関スル法律; 入管法19条の5 deems 28 February) ----

TEST(Section9, LeapDayBirthsInBothReadings)
{
    ASSERT_EQ(kLeapDayRule, LeapDayRule::February28);
    DeadlineInput in{.birth = d("2000-02-29"), .cardIssued = d("2021-06-01"), .today = d("2021-06-01")};
    EXPECT_EQ(computeDeadlines(in).cardExpiry, d("2031-02-28"));
    Readings march;
    march.leapDay = LeapDayRule::March1;
    EXPECT_EQ(computeDeadlines(in, march).cardExpiry, d("2031-03-01"));
    EXPECT_EQ(ruleFor(computeDeadlines(in), "card_expiry"), "card-validity-adult");
}

// ---- stay-bound cards (Kōtō City; Sanyo-Onoda City; Kamiita Town; Komatsu, Mino, Unzen City) ----

TEST(Section9, StayBoundCardEndsWithTheEarlierOfStayAndBirthday)
{
    struct Row {
        const char* source;
        const char* stay;
        const char* card;
        bool bound;
    } rows[] = {
        {"Yonago City: the stay ends first", "2027-03-31", "2027-03-31", true},
        {"Kōtō City: extended past the 10th birthday: capped at the birthday", "2040-01-01", "2034-04-01", false},
        {"Kōtō City: extended to the birthday itself", "2034-04-01", "2034-04-01", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{
            .birth = d("1990-04-01"), .cardIssued = d("2024-06-10"), .stayUntil = d(r.stay), .today = d("2024-06-10")};
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.cardExpiry, d(r.card));
        EXPECT_EQ(out.boundToStay, r.bound);
        EXPECT_EQ(out.cardRenewalOpens.has_value(), !r.bound); // no window for them (Kōtō City)
    }
}

TEST(Section9, CertificatesAreNotLengthenedWithTheStay)
{
    // Sanyo-Onoda City; Kamiita Town: the card extended to 2030-03-31, the certificates stay at the
    // 2027-03-31 of their issue, and need renewing.
    DeadlineInput in{.birth = d("1990-04-01"),
                     .cardIssued = d("2024-06-10"),
                     .stayUntil = d("2030-03-31"),
                     .certStayUntil = d("2027-03-31"),
                     .today = d("2027-01-15")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.cardExpiry, d("2030-03-31"));
    EXPECT_EQ(out.authCertExpiry, d("2027-03-31"));
    EXPECT_FALSE(out.cardRenewalOpens);
    EXPECT_FALSE(out.certRenewalOpens);
    EXPECT_TRUE(has(out, WarningKind::CertsNotExtendedWithStay));
    EXPECT_TRUE(has(out, WarningKind::StayBoundNoRenewalWindow));
    EXPECT_EQ(ruleFor(out, "auth_cert_expiry"), "cert-stay-not-extended");
}

TEST(Section9, SpecialPeriodExtendsTheCardAtMostTwoMonths)
{
    struct Row {
        const char* source;
        const char* stay;
        const char* pending;
        const char* extendable; // null: refused
    } rows[] = {
        {"Komatsu City: decision due within the 2 months", "2026-12-15", "2027-01-20", "2027-01-20"},
        {"Mino City: the full 2 months", "2026-12-15", "2027-02-15", "2027-02-15"},
        {"Unzen City: one day more is refused", "2026-12-15", "2027-02-16", nullptr},
        {"入管法20条6項 / Civil Code art. 143: a stay ending on a month's last day", "2026-11-30", "2027-01-31",
         "2027-01-31"},
        {"a special period before the stay ends is refused", "2026-12-15", "2026-12-01", nullptr},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d("1990-04-01"),
                         .cardIssued = d("2024-06-10"),
                         .stayUntil = d(r.stay),
                         .stayPendingUntil = d(r.pending),
                         .today = d("2026-12-01")};
        if (!r.extendable) {
            EXPECT_THROW(computeDeadlines(in), madoguchi::ValidationError);
            continue;
        }
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.cardExtendableUntil, d(r.extendable));
        EXPECT_EQ(out.cardExpiry, d(r.stay)); // the card as it is now
        EXPECT_TRUE(has(out, WarningKind::StaySpecialPeriod));
    }
    DeadlineInput japanese{.birth = d("1990-04-01"),
                           .cardIssued = d("2024-06-10"),
                           .stayPendingUntil = d("2027-01-01"),
                           .today = d("2026-12-01")};
    EXPECT_THROW(computeDeadlines(japanese), madoguchi::ValidationError);
}

TEST(Section9, StatusesWithTheirOwnEndAreBoundToIt)
{
    // Sanyo-Onoda City: 一時庇護許可者, 仮滞在許可者, 経過滞在者 (60 days, 入管法22条の2).
    for (auto status :
         {ResidenceStatus::TemporaryRefuge, ResidenceStatus::ProvisionalStay, ResidenceStatus::Transitional}) {
        SCOPED_TRACE(std::string(residenceStatusId(status)));
        DeadlineInput in{
            .birth = d("1990-04-01"), .cardIssued = d("2026-06-10"), .status = status, .today = d("2026-06-10")};
        EXPECT_THROW(computeDeadlines(in), madoguchi::ValidationError); // needs its end day
        in.stayUntil = d("2026-08-09");
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.cardExpiry, d("2026-08-09"));
        EXPECT_TRUE(out.boundToStay);
        EXPECT_EQ(residenceStatusFromId(residenceStatusId(status)), status);
    }
}

// ---- マイナ保険証 after expiry (Tama City; Kyōkai Kenpo 2025-07-16; Matsuyama City) ----

TEST(Section9, HealthInsuranceUseUntilTheEndOfTheThirdMonthAfterExpiry)
{
    struct Row {
        const char* source;
        const char* birth;
        const char* issued;
        const char* today;
        const char* until; // null: not applicable
        WarningKind warning;
        bool warns;
    } rows[] = {
        {"Tama City: expiry in February → 31 May", "1970-02-10", "2021-03-01", "2026-01-20", "2026-05-31",
         WarningKind::HealthInsuranceGrace, true},
        {"Kyōkai Kenpo: in the grace after expiry", "1970-02-10", "2021-03-01", "2026-04-01", "2026-05-31",
         WarningKind::HealthInsuranceGrace, true},
        {"Matsuyama City: the grace is over", "1970-02-10", "2021-03-01", "2026-06-01", "2026-05-31",
         WarningKind::HealthInsuranceEnded, true},
        {"Tama City: expiry on 30 November → 28 February (common year)", "1970-11-30", "2021-03-01", "2021-03-01",
         "2026-02-28", WarningKind::HealthInsuranceGrace, false},
        {"the grace ended before the rule began (2024-12-02): not applicable", "1970-02-10", "2016-03-01", "2026-01-01",
         nullptr, WarningKind::HealthInsuranceGrace, false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d(r.birth), .cardIssued = d(r.issued), .today = d(r.today)};
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.healthInsuranceUntil, od(r.until));
        EXPECT_EQ(has(out, r.warning), r.warns);
    }
    EXPECT_EQ(healthInsuranceGraceEnd(d("2028-02-29")), d("2028-05-31"));
    EXPECT_EQ(healthInsuranceGraceEnd(d("2026-12-01")), d("2027-03-31"));
}

TEST(Section9, HealthInsuranceDoesNotApplyToALapsedCard)
{
    // Nishi-Tokyo City: a card lapsed after moving is no card, the grace is for expiry only.
    DeadlineInput in{.birth = d("1970-02-10"),
                     .cardIssued = d("2021-03-01"),
                     .movedIn = d("2025-10-01"),
                     .moveDay = d("2025-09-01"),
                     .today = d("2025-10-01")};
    auto out = computeDeadlines(in);
    EXPECT_TRUE(out.moveInLapsed);
    EXPECT_FALSE(out.healthInsuranceUntil);
}

// ---- move-in lapse (Nishi-Tokyo City; Kuwana City; Toshima City; Higashimatsuyama City) ----

TEST(Section9, MoveInLapses)
{
    struct Row {
        const char* source;
        const char* filed;
        const char* moveDay;
        const char* declaredMoveOut;
        bool movedAgain;
        const char* today;
        bool lapsed;
    } rows[] = {
        {"Nishi-Tokyo City: filed 14 days after moving in: fine", "2025-03-15", "2025-03-01", nullptr, false,
         "2025-03-15", false},
        {"Nishi-Tokyo City: filed 15 days after moving in: lapsed", "2025-03-16", "2025-03-01", nullptr, false,
         "2025-03-16", true},
        {"Kuwana City: 30 days after the declared move-out: fine", "2025-03-31", nullptr, "2025-03-01", false,
         "2025-03-31", false},
        {"Kuwana City: 31 days after the declared move-out: lapsed", "2025-04-01", nullptr, "2025-03-01", false,
         "2025-04-01", true},
        {"Nishi-Tokyo City: moved on again before the procedure", "2025-03-03", nullptr, nullptr, true, "2025-03-03",
         true},
        {"Toshima City: the 90th day is the last", "2025-03-03", nullptr, nullptr, false, "2025-06-01", false},
        {"Toshima City: the 91st day is too late", "2025-03-03", nullptr, nullptr, false, "2025-06-02", true},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        DeadlineInput in{.birth = d("1980-01-01"),
                         .cardIssued = d("2020-01-10"),
                         .movedIn = d(r.filed),
                         .moveDay = od(r.moveDay),
                         .declaredMoveOut = od(r.declaredMoveOut),
                         .movedAgain = r.movedAgain,
                         .today = d(r.today)};
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.moveInLapsed, r.lapsed);
        EXPECT_EQ(has(out, WarningKind::MoveInLapsed) || has(out, WarningKind::MoveInDeadlinePassed), r.lapsed);
    }
}

TEST(Section9, NinetiethDayInBothReadings)
{
    // Filed 2025-03-03: the 90th day 2025-06-01 is a Sunday. Toshima City: that day; Higashimatsuyama
    // City: rolled to Monday 2025-06-02.
    ASSERT_EQ(kMoveInLimitReading, MoveInLimitReading::FilingDayPlus90);
    EXPECT_EQ(moveInLimit(d("2025-03-03")), d("2025-06-01"));
    EXPECT_EQ(moveInLimit(d("2025-03-03"), MoveInLimitReading::RolledToNextOpenDay), d("2025-06-02"));
    // The 90th day in the year-end holidays and a holiday Monday: 2025-10-01 + 90 = 2025-12-30 → 2026-01-05.
    EXPECT_EQ(moveInLimit(d("2025-10-01"), MoveInLimitReading::RolledToNextOpenDay), d("2026-01-05"));
    // An open day stays.
    EXPECT_EQ(moveInLimit(d("2025-03-04"), MoveInLimitReading::RolledToNextOpenDay), d("2025-06-02"));
    Readings rolled;
    rolled.moveInLimit = MoveInLimitReading::RolledToNextOpenDay;
    DeadlineInput in{
        .birth = d("1980-01-01"), .cardIssued = d("2020-01-10"), .movedIn = d("2025-03-03"), .today = d("2025-06-02")};
    EXPECT_TRUE(computeDeadlines(in).moveInLapsed);
    EXPECT_FALSE(computeDeadlines(in, rolled).moveInLapsed);
}

TEST(Section9, MoveInDatesThatCannotBeAreRefused)
{
    DeadlineInput in{.birth = d("1980-01-01"),
                     .cardIssued = d("2020-01-10"),
                     .movedIn = d("2025-03-03"),
                     .moveDay = d("2025-03-04"),
                     .today = d("2025-03-04")};
    EXPECT_THROW(computeDeadlines(in), madoguchi::ValidationError); // notified before moving
    in.movedIn.reset();
    EXPECT_THROW(computeDeadlines(in), madoguchi::ValidationError); // a move day without the filing day
}

// ---- face-auth cards (Ashikaga City; Fukushima City) and the signature cap ----

TEST(Section9, FaceAuthCardsCarryNoSignatureCertificate)
{
    DeadlineInput in{
        .birth = d("1950-01-01"), .cardIssued = d("2024-01-10"), .faceAuth = true, .today = d("2024-01-10")};
    auto out = computeDeadlines(in);
    EXPECT_FALSE(out.signCertExpiry);
    EXPECT_EQ(out.authCertExpiry, d("2029-01-01"));
    EXPECT_TRUE(has(out, WarningKind::NoSignatureCert));
    EXPECT_EQ(ruleFor(out, "sign_cert_expiry"), "no-signature-face-auth");
    in.signCertIssued = d("2024-02-01");
    EXPECT_THROW(computeDeadlines(in), madoguchi::ValidationError);
    // Ashikaga City: an infant's card has no photo and cannot be face-auth.
    DeadlineInput infant{
        .birth = d("2025-03-01"), .cardIssued = d("2025-06-01"), .faceAuth = true, .today = d("2025-06-01")};
    EXPECT_TRUE(has(computeDeadlines(infant), WarningKind::FaceAuthInfant));
}

TEST(Section9, SignatureCertificateNeverOutlivesTheAuthenticationOne)
{
    // Higashimurayama City FAQ; Akita Prefecture: a signature certificate issued after a move runs
    // to its own 5th birthday, capped by the authentication certificate.
    DeadlineInput in{.birth = d("1970-05-20"),
                     .cardIssued = d("2020-11-10"),
                     .signCertIssued = d("2023-06-01"),
                     .today = d("2023-06-01")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.authCertExpiry, d("2025-05-20"));
    EXPECT_EQ(out.signCertExpiry, d("2025-05-20"));
    EXPECT_EQ(ruleFor(out, "sign_cert_expiry"), "signature-cert-capped");
}

TEST(Section9, EveryFieldNamesARuleOfTheCatalogue)
{
    DeadlineInput in{.birth = d("1990-04-01"),
                     .cardIssued = d("2024-06-10"),
                     .stayUntil = d("2026-12-15"),
                     .stayPendingUntil = d("2027-01-15"),
                     .movedIn = d("2026-11-01"),
                     .today = d("2026-12-01")};
    auto out = computeDeadlines(in);
    for (const char* field :
         {"card_expiry", "auth_cert_expiry", "sign_cert_expiry", "card_renewal_opens", "cert_renewal_opens",
          "move_in_deadline", "card_extendable_until", "health_insurance_until"}) {
        SCOPED_TRACE(field);
        std::string id = ruleFor(out, field);
        ASSERT_FALSE(id.empty());
        const DeadlineRule& rule = deadlineRule(id);
        EXPECT_FALSE(rule.source.empty());
        EXPECT_FALSE(rule.ja.empty());
        EXPECT_FALSE(rule.en.empty());
    }
    for (const auto& r : deadlineRules())
        EXPECT_EQ(from_simple_string(std::string(r.effectiveFrom)).is_special(), false) << r.id;
}

// ---- properties over generated residents ----

namespace {
struct Generated {
    DeadlineInput in;
};

Generated generate(std::mt19937& rng)
{
    std::uniform_int_distribution<int> birthDay(0, 95 * 365), issueLag(0, 3600), certLag(0, 4000), kind(0, 9);
    for (;;) {
        DeadlineInput in;
        in.birth = date(1926, 1, 1) + days(birthDay(rng));
        in.cardIssued = std::max(in.birth, date(2016, 1, 1)) + days(issueLag(rng));
        in.applied = std::max(in.birth, in.cardIssued - days(rng() % 90));
        in.today = in.cardIssued + days(rng() % 4000);
        int k = kind(rng);
        if (k == 0) {
            in.stayUntil = in.cardIssued + days(rng() % (12 * 365));
            if (rng() % 2)
                in.certStayUntil = std::min(*in.stayUntil, in.cardIssued + days(rng() % (5 * 365)));
        }
        if (k == 1)
            in.faceAuth = true;
        if (k == 2)
            in.prevCertExpiry = in.cardIssued + days(rng() % 4000);
        auto first = computeDeadlines(in);
        date cert = in.cardIssued + days(certLag(rng));
        if (cert <= first.cardExpiry)
            in.certIssued = cert;
        return {in};
    }
}
} // namespace

TEST(Section9Properties, ACertificateNeverOutlivesTheCard)
{
    // Saka Town: 電子証明書の有効期限が個人番号カードの有効期限より長くなる場合は、カードの有効期間満了日まで.
    std::mt19937 rng(20261201);
    for (int i = 0; i < 100000; ++i) {
        auto g = generate(rng);
        auto out = computeDeadlines(g.in);
        ASSERT_LE(out.authCertExpiry, out.cardExpiry) << g.in.birth << " " << g.in.cardIssued;
        if (out.signCertExpiry) {
            ASSERT_LE(*out.signCertExpiry, out.authCertExpiry);
        }
        if (out.cardExtendableUntil) {
            ASSERT_LE(out.authCertExpiry, out.cardExpiry); // the special period does not lengthen them either
        }
        if (out.healthInsuranceUntil) {
            ASSERT_GT(*out.healthInsuranceUntil, out.authCertExpiry);
        }
    }
}

TEST(Section9Properties, WindowsNeverOpenMoreThanThreeMonthsBefore)
{
    // Ise City; Tsuruga City: less than 3 months, in both readings of the month end.
    std::mt19937 rng(3);
    for (int i = 0; i < 100000; ++i) {
        date expiry = date(2016, 1, 1) + days(static_cast<long>(rng() % (60 * 365)));
        for (auto reading : {MonthEndReading::CivilCode, MonthEndReading::SameDateNextDay}) {
            date opens = renewalWindowOpens(expiry, reading);
            ASSERT_GT(opens, monthsBefore(expiry, 3)) << expiry;
            ASSERT_LE(opens, expiry);
            // and not much later either: 3 days at most (28 February → 1 December by the Civil Code count)
            ASSERT_LE(opens - monthsBefore(expiry, 3), days(3)) << expiry;
        }
    }
    for (int i = 0; i < 50000; ++i) {
        auto g = generate(rng);
        auto out = computeDeadlines(g.in);
        if (out.cardRenewalOpens) {
            ASSERT_GT(*out.cardRenewalOpens, monthsBefore(out.cardExpiry, 3));
        }
        if (out.certRenewalOpens) {
            ASSERT_GT(*out.certRenewalOpens, monthsBefore(out.authCertExpiry, 3));
        }
        ASSERT_EQ(out.cardRenewalOpens.has_value(), !out.boundToStay);
    }
}

TEST(Section9Properties, TheSixthBirthdayOnlyInsideTheWindow)
{
    // Higashimurayama City FAQ: 6回目 only when less than 3 months remained of the replaced ones.
    std::mt19937 rng(6);
    int inside = 0, outside = 0;
    for (int i = 0; i < 100000; ++i) {
        date birth = date(1940, 1, 1) + days(static_cast<long>(rng() % (60 * 365)));
        date issued = date(2016, 1, 1) + days(static_cast<long>(rng() % 3000));
        date prev = issued + days(static_cast<long>(rng() % 3000));
        date cert = prev - days(static_cast<long>(rng() % 200)) + days(30);
        if (cert < issued)
            continue;
        DeadlineInput in{.birth = birth,
                         .cardIssued = issued,
                         .applied = issued,
                         .certIssued = cert,
                         .prevCertExpiry = prev,
                         .today = cert};
        auto first = computeDeadlines({.birth = birth, .cardIssued = issued, .applied = issued, .today = issued});
        if (cert > first.cardExpiry)
            continue;
        auto out = computeDeadlines(in);
        bool inWindow = cert >= renewalWindowOpens(prev) && cert <= prev;
        ASSERT_EQ(out.certsRenewedInWindow, inWindow) << birth << " " << cert << " " << prev;
        date uncapped = nthBirthdayAfter(birth, cert, inWindow ? 6 : 5);
        ASSERT_EQ(out.authCertExpiry, std::min(uncapped, out.cardExpiry));
        (inWindow ? inside : outside)++;
    }
    EXPECT_GT(inside, 1000); // both sides were exercised
    EXPECT_GT(outside, 1000);
}

// ---- the city hall's closed days (行政機関の休日に関する法律; 国民の祝日に関する法律) ----

TEST(OpenDays, NationalHolidaysOfTwentyTwentyFiveAndSix)
{
    // 内閣府「国民の祝日について」: the holidays of 2025 and 2026, substitutes and 国民の休日 included.
    const char* holidays[] = {
        "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03",
        "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
        "2025-11-03", "2025-11-23", "2025-11-24", "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20",
        "2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21",
        "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"};
    std::set<date> expected;
    for (const char* h : holidays)
        expected.insert(d(h));
    for (date x = d("2025-01-01"); x <= d("2026-12-31"); x += days(1))
        EXPECT_EQ(isNationalHoliday(x), expected.count(x) == 1) << x;
    EXPECT_TRUE(isNationalHoliday(d("2019-05-01"))); // 天皇の即位の日
    EXPECT_TRUE(isNationalHoliday(d("2021-07-23"))); // スポーツの日, moved for the Games
    EXPECT_FALSE(isNationalHoliday(d("2021-10-11")));
    EXPECT_TRUE(isCityHallClosed(d("2025-12-29")));
    EXPECT_TRUE(isCityHallClosed(d("2026-01-03")));
    EXPECT_FALSE(isCityHallClosed(d("2026-01-05")));
    EXPECT_EQ(nextOpenDay(d("2025-12-27")), d("2026-01-05"));
}

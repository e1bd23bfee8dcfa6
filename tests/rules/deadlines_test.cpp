// The deadline engine against the spec's worked examples and over many generated residents.
#include "core/common/errors.hpp"
#include "core/rules/deadlines.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>
#include <random>

using namespace madoguchi::rules;
using boost::gregorian::date;
using boost::gregorian::from_simple_string;

namespace {

date d(const char* iso)
{
    return from_simple_string(iso);
}

bool has(const Deadlines& out, WarningKind k)
{
    return std::any_of(out.warnings.begin(), out.warnings.end(), [&](const Warning& w) { return w.kind == k; });
}

struct WorkedExample {
    const char* birth;
    const char* applied;
    const char* issued;
    const char* card;
    const char* certs;
    bool signature;
    const char* why;
};

// The worked examples of the national rules (spec "Worked examples": Kodaira City, Minato City, Uki City).
const WorkedExample kExamples[] = {
    {"1970-05-20", "2020-10-01", "2020-11-10", "2030-05-20", "2025-05-20", true, "adult; 1st birthday 2021-05-20"},
    {"1970-05-20", "2020-04-01", "2020-05-20", "2030-05-20", "2025-05-20", true, "issued on the birthday"},
    {"1970-05-20", "2020-04-01", "2020-05-19", "2029-05-20", "2024-05-20", true, "issued the day before"},
    {"2012-09-01", "2019-06-01", "2019-07-01", "2023-09-01", "2023-09-01", false, "minor; no signature under 15"},
    {"2003-01-10", "2022-03-01", "2022-03-20", "2027-01-10", "2027-01-10", true, "19, applied before 2022-04-01"},
    {"2003-01-10", "2022-04-05", "2022-04-25", "2032-01-10", "2027-01-10", true, "19, applied after 2022-04-01"},
};

} // namespace

TEST(Deadlines, WorkedExamplesOfTheSpec)
{
    for (const auto& x : kExamples) {
        SCOPED_TRACE(x.why);
        DeadlineInput in{.birth = d(x.birth), .cardIssued = d(x.issued), .applied = d(x.applied), .today = d(x.issued)};
        auto out = computeDeadlines(in);
        EXPECT_EQ(out.cardExpiry, d(x.card));
        EXPECT_EQ(out.authCertExpiry, d(x.certs));
        if (x.signature)
            EXPECT_EQ(out.signCertExpiry, d(x.certs));
        else
            EXPECT_FALSE(out.signCertExpiry);
    }
}

TEST(Deadlines, MoveInDeadlineIsFilingDayPlusNinety)
{
    DeadlineInput in{
        .birth = d("1980-01-01"), .cardIssued = d("2020-01-10"), .movedIn = d("2025-03-03"), .today = d("2025-03-03")};
    EXPECT_EQ(computeDeadlines(in).moveInDeadline, d("2025-06-01"));
}

TEST(Deadlines, MoveInWarningsNearAndPassed)
{
    DeadlineInput in{
        .birth = d("1980-01-01"), .cardIssued = d("2020-01-10"), .movedIn = d("2025-03-03"), .today = d("2025-03-03")};
    auto early = computeDeadlines(in);
    EXPECT_FALSE(has(early, WarningKind::MoveInDeadlineNear));
    EXPECT_TRUE(has(early, WarningKind::SignatureRevokedByMove));
    in.today = d("2025-05-20");
    EXPECT_TRUE(has(computeDeadlines(in), WarningKind::MoveInDeadlineNear));
    in.today = d("2025-06-01");
    EXPECT_TRUE(has(computeDeadlines(in), WarningKind::MoveInDeadlineNear));
    in.today = d("2025-06-02");
    EXPECT_TRUE(has(computeDeadlines(in), WarningKind::MoveInDeadlinePassed));
}

// §9 corrected the window: it opens once LESS than 3 months remain (Ise City; Tsuruga City), the day
// after the same date 3 months before — 2030-02-21 for an expiry on 2030-05-20, not 2030-02-20.
TEST(Deadlines, ExpiredAndRenewalWindowWarnings)
{
    DeadlineInput in{.birth = d("1970-05-20"), .cardIssued = d("2020-11-10"), .today = d("2030-02-20")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.cardRenewalOpens, d("2030-02-21"));
    EXPECT_FALSE(has(out, WarningKind::CardRenewalOpen));
    EXPECT_TRUE(has(out, WarningKind::CertExpired)); // certificates ended 2025-05-20
    in.today = d("2030-02-21");
    EXPECT_TRUE(has(computeDeadlines(in), WarningKind::CardRenewalOpen));
    in.today = d("2030-05-20");
    EXPECT_TRUE(has(computeDeadlines(in), WarningKind::CardRenewalOpen));
    in.today = d("2030-05-21");
    auto expired = computeDeadlines(in);
    EXPECT_TRUE(has(expired, WarningKind::CardExpired));
    EXPECT_NE(expired.warnings.front().ja.find("有効期限"), std::string::npos);
    EXPECT_NE(expired.warnings.front().ja.find("令和12年5月20日"), std::string::npos);
}

// §9 corrected this one: certificates renewed on 2025-03-01, inside the window of those issued
// with the card (they expired 2025-05-20), run to the 6th birthday, 2030-05-20 — not 2029-05-20.
TEST(Deadlines, CertificateRenewedLaterRunsToItsOwnBirthdayButNotPastTheCard)
{
    DeadlineInput in{.birth = d("1970-05-20"),
                     .cardIssued = d("2020-11-10"),
                     .certIssued = d("2025-03-01"),
                     .today = d("2025-03-01")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.authCertExpiry, d("2030-05-20")); // 6th birthday after its own issue day
    EXPECT_TRUE(out.certsRenewedInWindow);
    in.certIssued = d("2027-01-01"); // after the old ones expired: 5th birthday 2031-05-20, after the card
    EXPECT_EQ(computeDeadlines(in).authCertExpiry, d("2030-05-20"));
    EXPECT_FALSE(computeDeadlines(in).certsRenewedInWindow);
}

TEST(Deadlines, StayBoundCardEndsWithThePeriodOfStay)
{
    DeadlineInput in{.birth = d("1990-04-01"),
                     .cardIssued = d("2024-06-10"),
                     .stayUntil = d("2027-03-31"),
                     .today = d("2024-06-10")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.cardExpiry, d("2027-03-31"));
    EXPECT_EQ(out.authCertExpiry, d("2027-03-31"));
    EXPECT_TRUE(out.boundToStay);
    EXPECT_TRUE(has(out, WarningKind::StayBoundCard));
    EXPECT_FALSE(out.cardRenewalOpens);             // §9: no 3-month window for stay-bound cards (Kōtō City)
    in.status = ResidenceStatus::PermanentResident; // exempt: the normal rule
    auto permanent = computeDeadlines(in);
    EXPECT_EQ(permanent.cardExpiry, d("2034-04-01"));
    EXPECT_FALSE(permanent.boundToStay);
}

TEST(Deadlines, AdultWardGetsNoSignatureCertificate)
{
    DeadlineInput in{
        .birth = d("1950-01-01"), .cardIssued = d("2024-01-10"), .today = d("2024-01-10"), .adultWard = true};
    auto out = computeDeadlines(in);
    EXPECT_FALSE(out.signCertExpiry);
    EXPECT_TRUE(has(out, WarningKind::NoSignatureCert));
}

TEST(Deadlines, LeapDayBirthUsesTwentyEighthOfFebruaryInCommonYears)
{
    ASSERT_EQ(kLeapDayRule, LeapDayRule::February28);
    DeadlineInput in{.birth = d("2000-02-29"), .cardIssued = d("2021-06-01"), .today = d("2021-06-01")};
    auto out = computeDeadlines(in);
    EXPECT_EQ(out.cardExpiry, d("2031-02-28"));
    EXPECT_EQ(out.authCertExpiry, d("2026-02-28"));
    in.cardIssued = d("2023-06-01"); // 10th birthday after: 2033, a common year
    EXPECT_EQ(computeDeadlines(in).cardExpiry, d("2033-02-28"));
    in.cardIssued = d("2022-06-01");
    EXPECT_EQ(computeDeadlines(in).cardExpiry, d("2032-02-29"));
    // Issued on the substitute birthday: it does not count.
    in.cardIssued = d("2021-02-28");
    EXPECT_EQ(computeDeadlines(in).cardExpiry, d("2031-02-28"));
}

TEST(Deadlines, RenewalOpensThreeMonthsBeforeClampedToTheMonth)
{
    EXPECT_EQ(monthsBefore(d("2025-05-31"), 3), d("2025-02-28"));
    EXPECT_EQ(monthsBefore(d("2024-05-31"), 3), d("2024-02-29"));
    EXPECT_EQ(monthsBefore(d("2025-02-15"), 3), d("2024-11-15"));
    EXPECT_EQ(monthsBefore(d("2025-06-30"), 3), d("2025-03-30"));
}

TEST(Deadlines, ImpossibleInputIsRefusedNamingTheField)
{
    auto refused = [](DeadlineInput in, const char* word) {
        try {
            computeDeadlines(in);
            ADD_FAILURE() << "accepted";
        } catch (const madoguchi::ValidationError& e) {
            EXPECT_NE(std::string(e.what()).find(word), std::string::npos) << e.what();
        }
    };
    refused({.birth = d("2021-01-01"), .cardIssued = d("2020-01-01"), .today = d("2020-01-01")}, "birth");
    refused({.birth = d("1990-01-01"),
             .cardIssued = d("2020-01-01"),
             .stayUntil = d("2019-12-31"),
             .today = d("2020-01-01")},
            "stay-until");
    refused(
        {.birth = d("1990-01-01"), .cardIssued = d("2020-01-01"), .applied = d("2020-01-02"), .today = d("2020-01-01")},
        "applied");
    refused({.birth = d("1990-01-01"),
             .cardIssued = d("2020-01-01"),
             .certIssued = d("2019-12-01"),
             .today = d("2020-01-01")},
            "cert-issued");
}

// Properties over many generated residents: an expiry falls on a birthday (or the leap-day
// substitute), lies within the legal bounds, and renewal opens before it.
TEST(Deadlines, PropertiesHoldForGeneratedResidents)
{
    std::mt19937 rng(20261129);
    std::uniform_int_distribution<int> birthDay(0, 100 * 365);
    std::uniform_int_distribution<int> issueAge(0, 90 * 365);
    std::uniform_int_distribution<int> certLag(0, 3000);
    std::uniform_int_distribution<int> applyLag(0, 120);
    const date base(1925, 1, 1);
    const date firstCard(2016, 1, 1); // the card exists since 2016
    int checked = 0;
    while (checked < 200000) {
        date birth = base + boost::gregorian::days(birthDay(rng));
        date issued = birth + boost::gregorian::days(issueAge(rng));
        if (issued < firstCard || issued > date(2040, 12, 31))
            continue;
        date applied = std::max(birth, issued - boost::gregorian::days(applyLag(rng)));
        DeadlineInput in{.birth = birth, .cardIssued = issued, .applied = applied, .today = issued};
        auto first = computeDeadlines(in);
        date cert = issued + boost::gregorian::days(certLag(rng));
        if (cert < first.cardExpiry)
            in.certIssued = cert;
        auto out = computeDeadlines(in);
        ++checked;

        auto onBirthday = [&](const date& x) { return x == birthdayIn(birth, x.year()); };
        ASSERT_TRUE(onBirthday(out.cardExpiry)) << birth << " " << issued;
        ASSERT_TRUE(onBirthday(out.authCertExpiry) || out.authCertExpiry == out.cardExpiry);
        if (birth.month() == 2 && birth.day() == 29 &&
            !boost::gregorian::gregorian_calendar::is_leap_year(out.cardExpiry.year())) {
            ASSERT_EQ(out.cardExpiry.day(), 28);
        }

        int years = out.ageAtIssue >= out.adultAge ? 10 : 5;
        ASSERT_GT(out.cardExpiry, issued + boost::gregorian::years(years - 1)) << birth << " " << issued;
        ASSERT_LE(out.cardExpiry, issued + boost::gregorian::years(years)) << birth << " " << issued;
        ASSERT_EQ(out.adultAge, applied < date(2022, 4, 1) ? 20 : 18);

        date certFrom = in.certIssued.value_or(issued);
        ASSERT_GT(out.authCertExpiry, certFrom);
        // 5 years, 6 when renewed inside the window of the certificates issued with the card (§9).
        ASSERT_LE(out.authCertExpiry, certFrom + boost::gregorian::years(out.certsRenewedInWindow ? 6 : 5));
        ASSERT_LE(out.authCertExpiry, out.cardExpiry);
        ASSERT_EQ(out.signCertExpiry.has_value(), ageOn(birth, certFrom) >= 15);

        ASSERT_TRUE(out.cardRenewalOpens && out.certRenewalOpens);
        ASSERT_LT(*out.cardRenewalOpens, out.cardExpiry);
        ASSERT_LT(*out.certRenewalOpens, out.authCertExpiry);
        ASSERT_GE(*out.cardRenewalOpens, out.cardExpiry - boost::gregorian::days(92));
    }
}

// Stay-bound cards: never after the end of the stay, never longer than the normal rule.
TEST(Deadlines, StayBoundPropertiesHoldForGeneratedResidents)
{
    std::mt19937 rng(7);
    for (int i = 0; i < 50000; ++i) {
        date birth = date(1950, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % (70 * 365)));
        date issued = std::max(birth, date(2016, 1, 1)) + boost::gregorian::days(static_cast<long>(rng() % 3000));
        date stay = issued + boost::gregorian::days(static_cast<long>(rng() % (12 * 365)));
        DeadlineInput normal{.birth = birth, .cardIssued = issued, .today = issued};
        DeadlineInput bound = normal;
        bound.stayUntil = stay;
        auto n = computeDeadlines(normal);
        auto b = computeDeadlines(bound);
        ASSERT_EQ(b.cardExpiry, std::min(stay, n.cardExpiry)) << birth << " " << issued << " " << stay;
        ASSERT_EQ(b.boundToStay, stay < n.cardExpiry);
        ASSERT_LE(b.authCertExpiry, b.cardExpiry);
        ASSERT_EQ(b.cardRenewalOpens.has_value(), !b.boundToStay);
    }
}

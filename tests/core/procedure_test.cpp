#include "core/cases/applicant.hpp"
#include "core/cases/case_status.hpp"
#include "core/cases/procedure.hpp"
#include "core/common/errors.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace madoguchi;

// The contract's procedure ids; express-reissue (特急発行, since 2024-12-02) is the fifteenth.
TEST(Procedure, TheContractIdsRoundTrip)
{
    const char* ids[] = {"card-receipt",          "reissue",          "pin-reset",
                         "cert-renewal",          "suspension",       "suspension-lift",
                         "card-info-change",      "card-renewal",     "stay-extension",
                         "application-cancel",    "number-change",    "notice-pickup",
                         "overseas-continuation", "face-auth-change", "express-reissue"};
    ASSERT_EQ(allProcedures().size(), std::size(ids));
    std::set<std::string> names;
    for (const char* id : ids) {
        Procedure p = parseProcedure(id);
        EXPECT_EQ(info(p).id, id);
        EXPECT_FALSE(info(p).nameJa.empty());
        EXPECT_FALSE(info(p).nameEn.empty());
        names.insert(std::string(info(p).nameJa));
    }
    EXPECT_EQ(names.size(), std::size(ids));
}

TEST(Procedure, UnknownIdListsTheValidOnes)
{
    try {
        parseProcedure("renew");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("card-renewal"), std::string::npos);
    }
}

TEST(Status, IdsAndNames)
{
    EXPECT_EQ(parseStatus("in-progress"), CaseStatus::InProgress);
    EXPECT_EQ(statusNameJa(CaseStatus::Waiting), "保留");
    EXPECT_THROW(parseStatus("closed"), ValidationError);
    EXPECT_TRUE(isClosed(CaseStatus::Withdrawn));
    EXPECT_FALSE(isClosed(CaseStatus::Waiting));
}

TEST(Applicant, Ids)
{
    EXPECT_EQ(parseApplicant("legal-representative"), ApplicantType::LegalRepresentative);
    EXPECT_EQ(applicantNameJa(ApplicantType::Proxy), "任意代理人");
    EXPECT_EQ(parseApplicant("household-member"), ApplicantType::HouseholdMember);
    EXPECT_EQ(applicantNameJa(ApplicantType::HouseholdMember), "同一世帯員");
    EXPECT_EQ(parseApplicant("curator"), ApplicantType::Curator);
    EXPECT_EQ(applicantNameJa(ApplicantType::Curator), "保佐人・補助人");
    EXPECT_EQ(allApplicantTypes().size(), 5u);
    for (ApplicantType a : allApplicantTypes())
        EXPECT_EQ(parseApplicant(applicantId(a)), a);
    try {
        parseApplicant("friend");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("household-member, curator"), std::string::npos) << e.what();
    }
}

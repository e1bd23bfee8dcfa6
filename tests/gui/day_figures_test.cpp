#include "app/gui/presenters/day_figures.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

TEST(DayFigures, CountsByStatusProcedureWindowAndClerkAndWhatIsOpen)
{
    setUiLanguage(UiLanguage::Japanese);
    auto make = [](CaseStatus s, Procedure p, std::string w, std::string c) {
        db::CaseSummary x;
        x.status = s;
        x.procedure = p;
        x.window = std::move(w);
        x.clerk = std::move(c);
        return x;
    };
    auto f = dayFigures({make(CaseStatus::Done, Procedure::Reissue, "1", "tanaka"),
                         make(CaseStatus::Received, Procedure::Reissue, "2", "sato"),
                         make(CaseStatus::Waiting, Procedure::PinReset, "2", "sato")});
    EXPECT_EQ(f.total, 3u);
    EXPECT_EQ(f.open, 2u);
    EXPECT_EQ(f.byProcedure,
              (std::vector<std::pair<std::string, std::size_t>>{{"再交付", 2}, {"暗証番号の再設定", 1}}));
    EXPECT_EQ(f.byWindow, (std::vector<std::pair<std::string, std::size_t>>{{"1", 1}, {"2", 2}}));
    EXPECT_EQ(f.byClerk, (std::vector<std::pair<std::string, std::size_t>>{{"sato", 2}, {"tanaka", 1}}));
    EXPECT_EQ(f.byStatus.size(), 3u);
}

TEST(DayFigures, TheDayQueryIsNotCutAtTheListLimit)
{
    auto q = dayQuery(boost::gregorian::date(2026, 11, 29));
    EXPECT_GT(q.limit, 1'000'000u);
    EXPECT_EQ(q.day, boost::gregorian::date(2026, 11, 29));
}

// A visit of two procedures is one case and two procedures: the procedures each count.
TEST(DayFigures, AVisitOfSeveralProceduresCountsOnceAsACaseAndOnceForEachProcedure)
{
    setUiLanguage(UiLanguage::Japanese);
    db::CaseSummary visit;
    visit.status = CaseStatus::InProgress;
    visit.procedure = Procedure::PinReset;
    visit.procedures = {{Procedure::PinReset, CaseStatus::Done}, {Procedure::CertRenewal, CaseStatus::Received}};
    db::CaseSummary single;
    single.status = CaseStatus::Received;
    single.procedure = Procedure::CertRenewal;
    single.procedures = {{Procedure::CertRenewal, CaseStatus::Received}};
    auto f = dayFigures({visit, single});
    EXPECT_EQ(f.total, 2u);
    EXPECT_EQ(f.procedures, 3u);
    EXPECT_EQ(f.open, 2u);
    EXPECT_EQ(f.byProcedure, (std::vector<std::pair<std::string, std::size_t>>{{"暗証番号の再設定", 1},
                                                                               {"電子証明書の更新・発行", 2}}));
}

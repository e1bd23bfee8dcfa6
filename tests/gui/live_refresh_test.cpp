#include "app/gui/presenters/live_refresh.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

CaseRow row(CaseId id, const char* number, const char* status = "受付")
{
    CaseRow r;
    r.id = id;
    r.receptionNumber = number;
    r.status = status;
    return r;
}

// The list after the edits, as the model would hold it.
std::vector<CaseId> applied(std::vector<CaseRow> rows, const std::vector<RowEdit>& edits)
{
    for (const auto& e : edits) {
        if (e.kind == RowEdit::Insert)
            rows.insert(rows.begin() + static_cast<long>(e.at), e.row);
        else if (e.kind == RowEdit::Replace)
            rows[e.at] = e.row;
        else
            rows.erase(rows.begin() + static_cast<long>(e.at));
    }
    std::vector<CaseId> ids;
    for (const auto& r : rows)
        ids.push_back(r.id);
    return ids;
}

} // namespace

TEST(LiveRefresh, TheDaysListIsInReceptionOrderASearchNewestFirst)
{
    db::CaseQuery day;
    day.day = boost::gregorian::date(2026, 11, 29);
    EXPECT_EQ(listOrder(day), ListOrder::Reception);
    day.text = "A-012"; // a reception number is looked up in the day, but as a search
    EXPECT_EQ(listOrder(day), ListOrder::NewestFirst);
    db::CaseQuery book;
    book.text = "山田";
    EXPECT_EQ(listOrder(book), ListOrder::NewestFirst);
}

TEST(LiveRefresh, ANewCaseGoesWhereItsReceptionNumberPutsIt)
{
    std::vector<CaseRow> rows = {row(1, "A-001"), row(2, "A-002"), row(4, "A-004")};
    // Two windows saved at once: A-003 committed after A-004.
    auto edits = planRefresh(rows, {5}, {row(5, "A-003")}, ListOrder::Reception);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].kind, RowEdit::Insert);
    EXPECT_EQ(edits[0].at, 2u);
    EXPECT_EQ(applied(rows, planRefresh(rows, {9}, {row(9, "A-009")}, ListOrder::Reception)),
              (std::vector<CaseId>{1, 2, 4, 9}));
}

TEST(LiveRefresh, ASearchPutsANewMatchFirst)
{
    std::vector<CaseRow> rows = {row(8, "A-003"), row(3, "A-010")};
    EXPECT_EQ(applied(rows, planRefresh(rows, {12}, {row(12, "A-001")}, ListOrder::NewestFirst)),
              (std::vector<CaseId>{12, 8, 3}));
}

TEST(LiveRefresh, AChangedRowIsReplacedInPlace)
{
    std::vector<CaseRow> rows = {row(1, "A-001"), row(2, "A-002"), row(3, "A-003")};
    auto edits = planRefresh(rows, {2}, {row(2, "A-002", "完了")}, ListOrder::Reception);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].kind, RowEdit::Replace);
    EXPECT_EQ(edits[0].at, 1u);
    EXPECT_EQ(edits[0].row.status, "完了");
}

TEST(LiveRefresh, ACaseThatLeftTheFilterLeavesTheListAndOneThatEnteredItComesIn)
{
    // Filter "received": case 2 was finished elsewhere, case 5 (filtered out before) reopened.
    std::vector<CaseRow> rows = {row(1, "A-001"), row(2, "A-002"), row(3, "A-003")};
    auto edits = planRefresh(rows, {2, 5, 7}, {row(5, "A-005")}, ListOrder::Reception);
    EXPECT_EQ(applied(rows, edits), (std::vector<CaseId>{1, 3, 5}));
    ASSERT_EQ(edits.size(), 2u); // case 7: neither shown nor matching, nothing to do
    EXPECT_EQ(edits[0].kind, RowEdit::Remove);
    EXPECT_EQ(edits[0].at, 1u);
    EXPECT_EQ(edits[1].kind, RowEdit::Insert);
    EXPECT_EQ(edits[1].at, 2u); // counted after the removal
}

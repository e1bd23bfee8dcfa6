// The two-visit route (照会書方式, issue #14 item 3) in the real window, by keyboard: on the first
// visit the clerk marks a proxy's PIN reset as waiting for the principal's answer with the day the
// letter goes out, and prints the handout that says what to bring and until when; on the second
// visit the clerk finds the case of an earlier day (the status filter 照会書回答待ち, the name in
// hiragana) and finishes it.
#include "app/gui/case_detail_dialog.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "visit_steps.hpp"
#include "window_fixture.hpp"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::date;

namespace {

// pdftotext -layout breaks and pads lines: the text without any white space.
std::string compactText(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r')
            out += c;
    return out;
}

CaseDraft proxyPinReset(const std::string& name, const std::string& kana)
{
    CaseDraft d;
    d.procedure = Procedure::PinReset;
    d.resident.name = name;
    d.resident.kana = kana;
    d.resident.birth = date(1950, 2, 3);
    d.applicant.type = ApplicantType::Proxy;
    d.applicant.proxyName = "小平 次郎";
    d.applicant.proxyRelation = "長男";
    d.window = "3";
    d.clerk = "sato";
    return d;
}

void chooseStatusFilter(UiDriver& d, CaseStatus s)
{
    d.act(std::string("the status filter: ") + std::string(statusId(s)), [s] {
        auto* filter = control<wxChoice>("statusFilter");
        int index = 0;
        for (CaseStatus each : allStatuses()) {
            ++index; // 0 is 「すべて」
            if (each == s)
                filter->SetSelection(index);
        }
        wxCommandEvent e(wxEVT_CHOICE, filter->GetId());
        e.SetEventObject(filter);
        filter->ProcessWindowEvent(e);
        control<wxWindow>("search")->SetFocus();
    });
}

} // namespace

TEST_F(WindowTest, AProxyPinResetWaitsForTheInquiryAnswerWithTheMailingDayAndItsHandout)
{
    addEarlierVisitors();
    CaseId id = store->add(proxyPinReset("小平 一郎", "コダイラ イチロウ"), {"sato"}).id;
    openFrame();
    frame->SetSize(0, 0, 1280, 760);
    const date today = now().localDay;
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    openByNumber(d, id);
    d.waitFor("the first visit's changes include 照会書回答待ち, the mailing day today by default",
              [today] { return control<wxWindow>("to-awaiting-answer") && textOf("mailedOn") == toIso(today); });
    d.act("Alt+3: the inquiry letter is mailed", [] { pressKey('3', wxMOD_ALT); });
    d.waitFor("the line waits for the answer, with its mailing day", [&] {
        Case c = store->get(id);
        return c.status == CaseStatus::AwaitingAnswer && c.procedures[0].mailedOn == today;
    });
    d.waitFor("the line says it, and the second visit's changes are offered", [today] {
        auto* lines = control<wxListCtrl>("procedures");
        if (!lines || lines->GetItemCount() != 1)
            return false;
        std::string status(lines->GetItemText(0, 1).utf8_str());
        return status == "照会書回答待ち（郵送 " + toIso(today) + "・0日）" && control<wxWindow>("to-in-progress") &&
               control<wxWindow>("to-done") && !control<wxWindow>("to-awaiting-answer");
    });
    d.screenshot("case-detail-awaiting-answer.png");
    printAndRead(d, [today](const std::string& text) {
        std::string flat = compactText(text);
        EXPECT_NE(flat.find("2回目の来庁（照会書の回答）"), std::string::npos) << text;
        EXPECT_NE(flat.find("次回お持ちいただくもの"), std::string::npos) << text;
        auto by = today + boost::gregorian::days(30);
        EXPECT_NE(flat.find(std::to_string(by.year()) + "年" + std::to_string(by.month().as_number()) + "月" +
                            std::to_string(by.day().as_number()) + "日"),
                  std::string::npos)
            << text;
    });
    d.act("Escape closes", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("the list row says 照会書回答待ち", [&] {
        if (shownTopLevel("caseDetailDialog"))
            return false;
        for (const auto& r : frame->rows())
            if (r.id == id)
                return r.status == "照会書回答待ち";
        return false;
    });
    run(d);
    EXPECT_EQ(store->get(id).history.back().reason, "照会書郵送 " + toIso(today));
}

TEST_F(WindowTest, TheSecondVisitFindsTheWaitingCaseOfAnEarlierDayAndFinishesIt)
{
    addEarlierVisitors();
    const date today = now().localDay;
    const date firstVisit = today - boost::gregorian::days(12);
    // The first visit, twelve days ago: its PIN reset waits on the letter mailed that day.
    CaseDraft first = proxyPinReset("小平 一郎", "コダイラ イチロウ");
    setProcedures(first, std::vector<Procedure>{Procedure::PinReset});
    first.procedures[0].status = CaseStatus::AwaitingAnswer;
    first.procedures[0].mailedOn = firstVisit;
    CaseId id =
        store->importCases({{first, toIso(firstVisit) + "T10:00:00+09:00", CaseStatus::Received}}, {"sato"}).at(0);
    openFrame();
    frame->SetSize(0, 0, 1280, 760);
    UiDriver d;
    d.waitFor("the window is ready, today's list without it", [&] {
        if (!focusIs("search"))
            return false;
        for (const auto& r : frame->rows())
            if (r.id == id)
                return false;
        return frame->rows().size() == 2;
    });
    chooseStatusFilter(d, CaseStatus::AwaitingAnswer);
    d.waitFor("the cases waiting on a letter, of any day",
              [&] { return frame->rows().size() == 1 && frame->rows()[0].id == id && focusIs("search"); });
    d.act("the name, in hiragana", [] { commitText("こだいら"); });
    d.waitFor("found", [&] { return frame->rows().size() == 1 && frame->rows()[0].id == id; });
    d.act("Enter opens it", [] { pressKey(WXK_RETURN); });
    d.waitFor("the case, waiting twelve days", [firstVisit] {
        if (!focusInside("caseDetailDialog"))
            return false;
        auto* lines = control<wxListCtrl>("procedures");
        return lines && lines->GetItemCount() == 1 &&
               std::string(lines->GetItemText(0, 1).utf8_str()) ==
                   "照会書回答待ち（郵送 " + toIso(firstVisit) + "・12日）";
    });
    d.act("Alt+1: the proxy is back with the answer", [] { pressKey('1', wxMOD_ALT); });
    d.waitFor("being served", [&] { return store->get(id).status == CaseStatus::InProgress; });
    d.waitFor("its changes are the served line's", [] { return control<wxWindow>("to-done"); });
    d.act("Alt+2: done", [] { pressKey('2', wxMOD_ALT); });
    d.waitFor("the PIN reset is done, the mailing day kept", [&] {
        Case c = store->get(id);
        return c.status == CaseStatus::Done && c.procedures[0].mailedOn == firstVisit;
    });
    d.act("Escape closes", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("it leaves the list of those waiting",
              [&] { return !shownTopLevel("caseDetailDialog") && frame->rows().empty(); });
    run(d);
}

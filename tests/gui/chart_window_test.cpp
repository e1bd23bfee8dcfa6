// The supervisor view's charts in the real window under Xvfb: the day's visits per hour and waits,
// the booking book's fill for the next 8 weeks and the renewal forecast, each a panel named
// "chart-…" holding the model the PDFs print (core/charts/chart.hpp), its title the same Japanese.
#include "app/gui/chart_panel.hpp"
#include "core/bookings/booking_rules.hpp"
#include "core/bookings/weekly_capacity.hpp"
#include "core/charts/chart.hpp"
#include "core/common/clock.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "tests/register/generated_register.hpp"
#include "window_fixture.hpp"

#include <numeric>
#include <wx/notebook.h>

using namespace madoguchi;
using namespace madoguchi::test;
using boost::gregorian::days;

namespace {

double sum(const std::vector<double>& v)
{
    return std::accumulate(v.begin(), v.end(), 0.0);
}

} // namespace

TEST_F(WindowTest, TheSupervisorViewDrawsTheDayAndTheComingWeeksAsCharts)
{
    // Today: two visits, one of them called to window 1.
    addEarlierVisitors();
    auto called = store->callNext({"1", {}}, {"sato", Role::Clerk});
    ASSERT_TRUE(called);
    // Bookings in the coming weeks, and a register of made-up cards.
    db::BookingStore& book = *store->bookings();
    const auto& calendar = bookings::OfficeCalendar::defaults();
    auto from = bookings::nowAtOffice();
    from.day += days(7);
    from.minute = 0;
    for (int i = 0; i < 6; ++i) {
        auto slot = book.firstFreeSlot(std::vector<Procedure>{Procedure::CardReceipt}, from, calendar);
        ASSERT_TRUE(slot);
        bookings::BookingDraft draft;
        draft.procedures = {Procedure::CardReceipt};
        draft.start = slot->start;
        draft.name = "鈴木 一郎";
        draft.kana = "スズキ イチロウ";
        book.addBooking(draft, calendar, {"sato", Role::Clerk});
    }
    const db::Actor supervisor{"tanaka", Role::Supervisor};
    const auto cards = generatedRegister(1500, 3);
    store->cardRegister()->putIssuedCards(cards, audit_actions::kRegisterImport, supervisor);

    // What the charts must hold, from the same core the console's `forecast` uses.
    const auto today = now().localDay;
    const auto expectedFill = charts::weeklyFill(calendar, today, book.appointmentsBetween(today, today + days(8 * 7)));
    const Forecast expectedForecast = computeForecast(cards, today, 24, bookings::weeklyCapacityOf(calendar));

    openFrame(Role::Supervisor, "tanaka");
    UiDriver d;
    d.waitFor("the window is ready", [] { return focusIs("search"); });
    d.act("Ctrl+Shift+S", [] { pressKey('S', wxMOD_CONTROL | wxMOD_SHIFT); });
    d.waitFor("the supervisor view with its chart panels", [] {
        return focusInside("supervisorView") && control<gui::ChartPanel>("chart-cases-per-hour") &&
               control<gui::ChartPanel>("chart-waits") && control<gui::ChartPanel>("chart-booking-fill") &&
               control<gui::ChartPanel>("chart-forecast-card") && control<gui::ChartPanel>("chart-forecast-cert");
    });
    d.act("the panels hold the day's and the coming weeks' figures", [&] {
        auto* perHour = control<gui::ChartPanel>("chart-cases-per-hour");
        const auto& h = perHour->chart();
        EXPECT_EQ(perHour->title(), wxString::FromUTF8(charts::japanese(charts::Text::CasesPerHourTitle)));
        EXPECT_EQ(sum(h.bars[0].values), 2); // both visits, in the hour they came
        const int hour = localHourOf(store->get(called->id).createdAt);
        for (std::size_t i = 0; i < h.categories.size(); ++i) {
            if (h.categories[i].ja == std::to_string(hour) + "時") {
                EXPECT_EQ(h.bars[0].values[i], 2);
            }
        }
        const auto& w = control<gui::ChartPanel>("chart-waits")->chart();
        ASSERT_EQ(w.categories.size(), 1u); // only the called visit's procedure
        EXPECT_EQ(w.categories[0].ja, std::string(info(called->procedure).nameJa));

        auto* fill = control<gui::ChartPanel>("chart-booking-fill");
        EXPECT_EQ(fill->title(), wxString::FromUTF8(charts::japanese(charts::Text::FillTitle)));
        const auto& f = fill->chart();
        ASSERT_EQ(f.categories.size(), 8u);
        double booked = 0;
        for (std::size_t i = 0; i < 8; ++i) {
            EXPECT_DOUBLE_EQ(f.bars[0].values[i], expectedFill[i].percent());
            booked += f.bars[0].values[i];
        }
        EXPECT_GT(booked, 0);

        for (auto kind : {charts::RenewalKind::Card, charts::RenewalKind::Cert}) {
            const bool card = kind == charts::RenewalKind::Card;
            auto* panel = control<gui::ChartPanel>(card ? "chart-forecast-card" : "chart-forecast-cert");
            const auto& c = panel->chart();
            EXPECT_EQ(panel->title(), wxString::FromUTF8(charts::japanese(card ? charts::Text::CardForecastTitle
                                                                               : charts::Text::CertForecastTitle)));
            ASSERT_EQ(c.categories.size(), 24u);
            ASSERT_TRUE(c.limit);
            for (std::size_t i = 0; i < 24; ++i) {
                const auto& m = expectedForecast.months[i];
                EXPECT_EQ(c.bars[0].values[i], card ? m.counts.cardRenewals : m.counts.certRenewals) << m.label;
                EXPECT_EQ(c.limit->values[i], card ? m.capacity->cardReceipt : m.capacity->certRenewal);
                EXPECT_EQ(c.flagged[i], m.overCapacity() && (card ? m.over->cardReceipt : m.over->certRenewal) > 0);
            }
        }
    });
    d.screenshot("supervisor-charts-day.png");
    d.act("the coming weeks' page", [] { control<wxNotebook>("charts")->SetSelection(1); });
    d.pause("it paints", std::chrono::milliseconds(300));
    d.screenshot("supervisor-charts-coming.png");
    d.act("Escape", [] { pressKey(WXK_ESCAPE); });
    d.waitFor("back on the list", [] { return !shownTopLevel("supervisorView") && focusIs("search"); });
    run(d);
    // The register's read for the window's forecast is in the audit trail, in the supervisor's name.
    bool read = false;
    for (const auto& e : store->audit().auditDay(today, {"admin", Role::Admin}))
        read = read || (e.action == audit_actions::kRegisterRead && e.user == "tanaka" &&
                        e.detail == "forecast window: 1500 cards");
    EXPECT_TRUE(read);
}

// The bookings view's day title: the day in 西暦 and 和暦 with its weekday (a resident on the phone
// gives either), and whether it is today or tomorrow.
#include "app/gui/presenters/booking_list_presenter.hpp"
#include "app/gui/presenters/translate.hpp"

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::gui;
using boost::gregorian::date;

TEST(BookingListPresenter, TheDayTitleGivesSeirekiWarekiAndTheWeekday)
{
    setUiLanguage(UiLanguage::Japanese);
    std::string title = bookingDayTitle(date(2026, 12, 3), date(2026, 12, 1));
    EXPECT_NE(title.find("2026-12-03"), std::string::npos) << title;
    EXPECT_NE(title.find("令和8年12月3日"), std::string::npos) << title;
    EXPECT_NE(title.find("木曜日"), std::string::npos) << title;
    // The first day of an era is 元年.
    EXPECT_NE(bookingDayTitle(date(2019, 5, 1), date(2026, 12, 1)).find("令和元年5月1日"), std::string::npos);
    setUiLanguage(UiLanguage::English);
    title = bookingDayTitle(date(2026, 12, 3), date(2026, 12, 1));
    EXPECT_NE(title.find("Thu 3 Dec 2026"), std::string::npos) << title;
    EXPECT_NE(title.find("R8.12.3"), std::string::npos) << title;
    setUiLanguage(UiLanguage::Japanese);
}

TEST(BookingListPresenter, TodayAndTomorrowAreSaid)
{
    setUiLanguage(UiLanguage::English);
    EXPECT_NE(bookingDayTitle(date(2026, 12, 1), date(2026, 12, 1)).find("today"), std::string::npos);
    EXPECT_NE(bookingDayTitle(date(2026, 12, 2), date(2026, 12, 1)).find("tomorrow"), std::string::npos);
    EXPECT_EQ(bookingDayTitle(date(2026, 12, 3), date(2026, 12, 1)).find("today"), std::string::npos);
    setUiLanguage(UiLanguage::Japanese);
}

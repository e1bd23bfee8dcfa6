// Each chart text spelled out for xgettext (chart_texts.hpp).
#include "app/gui/presenters/chart_texts.hpp"

#include "app/gui/presenters/translate.hpp"

namespace madoguchi::gui {

std::string chartText(charts::Text t)
{
    using charts::Text;
    switch (t) {
    case Text::CardForecastTitle:
        return tr("Card renewals and card receipt slots (by month)");
    case Text::CertForecastTitle:
        return tr("Certificate renewals and renewal slots (by month)");
    case Text::CardWeeksTitle:
        return tr("Card renewals and card receipt slots (by week)");
    case Text::CertWeeksTitle:
        return tr("Certificate renewals and renewal slots (by week)");
    case Text::CasesPerHourTitle:
        return tr("Visits by hour of arrival");
    case Text::WaitsTitle:
        return tr("Waits by procedure (received to called)");
    case Text::FillTitle:
        return tr("Bookings filled (next 8 weeks)");
    case Text::AxisMonth:
        return tr("Month");
    case Text::AxisWeek:
        return tr("Week (from Monday)");
    case Text::AxisHour:
        return tr("Hour of arrival");
    case Text::AxisProcedure:
        return tr("Procedures");
    case Text::AxisCount:
        return tr("Count");
    case Text::AxisMinutes:
        return tr("Minutes");
    case Text::AxisPercent:
        return tr("Filled (%)");
    case Text::SeriesCardRenewals:
        return tr("Card renewals");
    case Text::SeriesCertRenewals:
        return tr("Certificate renewals");
    case Text::SeriesCardCapacity:
        return tr("Card receipt slots");
    case Text::SeriesCertCapacity:
        return tr("Certificate renewal slots");
    case Text::SeriesVisits:
        return tr("Visits");
    case Text::SeriesAverageWait:
        return tr("Average");
    case Text::SeriesLongestWait:
        return tr("Longest");
    case Text::SeriesFill:
        return tr("Filled");
    case Text::SeriesFull:
        return tr("Full (100%)");
    case Text::FlagOverCapacity:
        return tr("over capacity (by how many)");
    case Text::FlagNearlyFull:
        return tr("90 percent or more");
    case Text::NoData:
        return tr("No records");
    }
    return {};
}

std::string chartCategory(const charts::Label& label)
{
    return uiLanguage() == UiLanguage::Japanese ? label.ja : label.en;
}

} // namespace madoguchi::gui

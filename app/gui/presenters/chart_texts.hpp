#pragma once
// The charts' fixed texts in the window's language, through gettext: the msgids are the chart
// model's English (core/charts/chart.hpp english()), po/ja.po gives the Japanese the PDFs print
// (japanese()); the presenter test and the window test check that they agree.
#include "core/charts/chart.hpp"

#include <string>

namespace madoguchi::gui {

std::string chartText(charts::Text t);
// A category's name (a month, an hour, a procedure) in the window's language.
std::string chartCategory(const charts::Label& label);

} // namespace madoguchi::gui

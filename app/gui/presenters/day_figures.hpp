#pragma once
// The supervisor's figures for one day: visits by status, window and clerk, the procedures asked
// for at them by procedure (each procedure of a visit counted), and what is still open.
#include "db/case_store.hpp"

#include <map>
#include <string>
#include <vector>

namespace madoguchi::gui {

struct DayFigures {
    std::size_t total = 0, open = 0; // visits
    std::size_t procedures = 0;      // procedure lines over every visit
    std::vector<std::pair<std::string, std::size_t>> byStatus, byProcedure, byWindow, byClerk;
};

DayFigures dayFigures(const std::vector<db::CaseSummary>& cases);

// Every case of the day (no list limit): the figures must add up.
db::CaseQuery dayQuery(const boost::gregorian::date& day);

} // namespace madoguchi::gui

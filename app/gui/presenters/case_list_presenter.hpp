#pragma once
// The main list: which cases the filters and the search box mean, and how each row reads.
#include "db/case_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::gui {

struct CaseFilter {
    std::optional<CaseStatus> status;
    std::optional<Procedure> procedure;
    std::string window; // empty: every window
    std::string text;   // the search box
};

// An empty search box lists today's cases; anything typed searches the whole case book (a resident
// who came last month is found by name or birth date) — except a reception number, which is
// looked up among today's cases. With the status 照会書回答待ち, the whole book (number included):
// the visits waiting on an inquiry letter came on earlier days.
inline constexpr std::size_t kDayListLimit = 5000;
db::CaseQuery buildQuery(const CaseFilter& filter, const boost::gregorian::date& today);

enum class RowWarning { None, WaitingLong, OpenFromEarlierDay };

struct CaseRow {
    CaseId id = 0;
    std::string receptionNumber, time, procedure, resident, status, window, clerk;
    RowWarning warning = RowWarning::None;
    std::string warningText;
};

struct RowContext {
    std::string nowIso;          // Timestamp::iso of "now"
    int waitWarningMinutes = 30; // an open case older than this is flagged
    bool privacyLocked = false;  // the screen is locked or left: no names on it
};

CaseRow toRow(const db::CaseSummary& summary, const RowContext& context);

// "12 cases today", "3 found in the case book".
std::string listSummary(const CaseFilter& filter, std::size_t count, std::size_t limit);

} // namespace madoguchi::gui

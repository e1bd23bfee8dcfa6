#pragma once
// What the rules say for the visit being typed: the documents to bring (a checklist line each,
// with the alternatives spelled out), the fees, and — when the card's issue day is known — its
// deadlines, all dates in 和暦 and 西暦. The answers come from core/rules; this only words them for
// the window.
#include "core/cases/case.hpp"
#include "core/rules/rule_book.hpp"

#include <optional>
#include <string>
#include <vector>

namespace madoguchi::gui {

struct ChecklistLine {
    std::string id;     // the rule book's requirement id, stored in the case
    std::string label;  // 本人の本人確認書類
    std::string detail; // 次のうち1点: 運転免許証, 旅券… / 次のうち2点: …
    // The rule behind the line, shown under the selected line: 「procedures.json · pin-reset-own-id
    // （2016-01-01〜）: 国立市; 菊池市」 (core/rules provenanceText), with the office's marked.
    std::string source = {};
};

struct VisitRules {
    std::vector<ChecklistLine> documents;
    std::vector<std::string> fees; // カード再交付手数料 800円（条件）
    int totalYen = 0;
    std::vector<std::string> deadlines; // カードの有効期限: 2036-05-20（令和18年5月20日）
    std::vector<std::string> warnings;
    std::string whereToGo;
    std::string problem;  // why nothing could be said (no rule in force, an impossible date, a refusal)
    bool refused = false; // the rule book refuses this procedure for this applicant
};

struct VisitFacts {
    Procedure procedure = Procedure::CardReceipt; // the visit's one procedure, when `procedures` is empty
    // A visit of several procedures: their documents and fees merged, each once
    // (core/rules/visit_requirements.hpp).
    std::vector<Procedure> procedures;
    ApplicantType applicant = ApplicantType::Principal;
    std::optional<boost::gregorian::date> birth;
    bool foreignResident = false;
    std::optional<boost::gregorian::date> stayUntil, movedIn;
    std::optional<boost::gregorian::date> cardIssued; // the 発行日 printed on the card, as typed
};

VisitRules visitRules(const rules::RuleBook& book, const VisitFacts& facts, const boost::gregorian::date& today);

// The text of `t` in the window's language.
const std::string& inUiLanguage(const rules::Text& t);

// "1,000円" / "¥1,000"
std::string formatYen(int yen);

// The label to show for a stored document: the rule book's text for a requirement id, the
// stored text itself otherwise (a free-text line the clerk added).
std::string documentLabel(const std::vector<ChecklistLine>& known, const std::string& stored);

} // namespace madoguchi::gui

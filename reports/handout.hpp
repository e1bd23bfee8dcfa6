#pragma once
// The resident's handout (checklist): what to bring as tick boxes, deadlines, fees, where to go,
// whom to call. Its documents, fees, contacts, notes and dates all come from the rules engine
// (core/rules); this file only lays them out. The My Number is never printed (a Case does not
// even hold it).
#include "core/cases/case.hpp"
#include "core/files/output_file.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/requirements.hpp"
#include "reports/language.hpp"
#include "reports/office_info.hpp"
#include "reports/rendered_document.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <filesystem>
#include <optional>

namespace madoguchi::rules {
class RuleBook;
}

namespace madoguchi::reports {

// What the rules engine says about one visit on one day: one handout for all its procedures.
struct HandoutRules {
    // What to bring, fees, contacts and notes of every procedure, each once
    // (core/rules/visit_requirements.hpp).
    rules::Requirements requirements;
    // The procedures the handout is for, in the visit's order (empty: the case's `procedure`).
    std::vector<Procedure> procedures;
    // For each of requirements.documents, the procedures that ask for it (may be empty: then
    // nothing is said of what a paper is for).
    std::vector<std::vector<Procedure>> documentFor;
    // Procedures of the visit the rule book refuses for this applicant (said first, with why).
    std::vector<std::pair<Procedure, rules::Refusal>> refusals;
    std::optional<rules::Deadlines> deadlines; // none when nothing dated applies
    bool newCard = false;        // a procedure has a new card issued: its expiry "if issued today" is printed
    bool newCerts = false;       // one issues certificates
    bool cardHandedOver = false; // a card issued before is handed over: its expiry is on its face
    // The visit's lines waiting for the inquiry letter's answer (照会書回答待ち, the two-visit
    // route): the handout says what to bring on the second visit and until when.
    struct AwaitingAnswer {
        Procedure procedure;
        boost::gregorian::date mailedOn;
        std::optional<boost::gregorian::date> answerBy; // the rule's last day; none: no limit known
        std::optional<rules::AnswerWindow> within;      // the rule's words and source for it
        std::optional<rules::Text> bring;               // what to bring then
    };
    std::vector<AwaitingAnswer> awaiting{};
};

// Asks the rule book for the visit's procedures — those not withdrawn (every one when all are) —
// and applicant, merged for one handout, and the deadline engine for the dates that matter to
// them (a card issued today, the certificates, the 90-day move-in limit, the period of stay). A
// line at 照会書回答待ち brings its procedure's inquiry route: the last day for the answer is the
// mailing day + the rule's days (rules::answerDeadline), by the rules of the day it was mailed.
// Throws NotFound when no rule is in force that day.
HandoutRules handoutRulesFor(const Case& c, const rules::RuleBook& book, const boost::gregorian::date& today);

RenderedDocument renderHandout(const Case& c, Language lang, const OfficeInfo& office, const HandoutRules& rules,
                               const boost::gregorian::date& printedOn);

// Renders and writes through core/files/output_file.hpp (an existing file only when asked).
void writeHandoutPdf(const Case& c, Language lang, const OfficeInfo& office, const HandoutRules& rules,
                     const boost::gregorian::date& printedOn, const std::filesystem::path& path,
                     files::Overwrite overwrite = files::Overwrite::No);

} // namespace madoguchi::reports

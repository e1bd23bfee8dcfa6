#pragma once
// What the rule book answers for one procedure, applicant and day: documents to bring (with the
// alternatives spelled out), fees, where to go, whom to call, notes — or a refusal with its reason.
// Every text in Japanese and English because the resident's handout prints both; every line
// names the rule entry that produced it (for `rules explain` and the window's "source of this
// line"). Filled from data/rules/*.json and the office's own file.
#include "core/cases/applicant.hpp"
#include "core/cases/procedure.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::rules {

struct Text {
    std::string ja;
    std::string en;
};

// Where a line of the answer comes from: the data entry, its file, its dates and public source.
struct Provenance {
    std::string entry;   // the entry's id, e.g. "reissue-fees"
    std::string file;    // "fees.json", or the office file's name
    bool office = false; // from the office's own rule file, not the national data
    boost::gregorian::date effectiveFrom;
    std::optional<boost::gregorian::date> effectiveUntil;
    std::string source; // the public page(s)
};

// One paper or card, e.g. {"passport", 旅券（パスポート）, Passport}. Some count only for a time
// (paper health-insurance cards until 2025-12-01).
struct DocumentItem {
    std::string id;
    Text text;
    std::optional<boost::gregorian::date> effectiveFrom, effectiveUntil;
    bool inForceOn(const boost::gregorian::date& day) const
    {
        return (!effectiveFrom || *effectiveFrom <= day) && (!effectiveUntil || day <= *effectiveUntil);
    }
};

// One way of meeting a requirement: `count` items out of `items` (list A: 1 of the photo IDs;
// list B: 2 of the others).
struct DocumentOption {
    std::string id; // "A", "B", or the item id for a single document
    int count = 1;
    Text label; // 「次のうち1点」 / "one of the following"
    std::vector<DocumentItem> items;
};

// One thing to bring. A plain document has one option with one item; an identity check has
// several options, of which the resident meets any one.
struct DocumentRequirement {
    std::string id; // "principal-id", "card", "letter-of-attorney"...
    Text text;      // what it is for: 「本人の本人確認書類」
    std::vector<DocumentOption> alternatives;
    std::optional<Text> note;
    Provenance from;
    bool single() const { return alternatives.size() == 1 && alternatives.front().items.size() == 1; }
};

// A fact about the visit that changes a fee: "theft-reported", "card-not-returned"... (the
// "circumstances" catalogue of the data files).
struct Circumstance {
    std::string id;
    Text text;
};

struct Fee {
    std::string id;                // "card-reissue"
    int yen = 0;                   // what is paid for the circumstances given (0: free)
    Text label;                    // 「カード再交付手数料」
    std::optional<Text> condition; // when it applies or is waived
    int fullYen = 0;               // the fee as listed, before a waiver
    // Charged only in these circumstances (listed, not counted, when none of them is given).
    std::vector<Circumstance> onlyWhen;
    std::vector<Circumstance> freeWhen;   // free in these circumstances
    std::optional<Circumstance> waivedBy; // the circumstance given that made it free
    bool applies = true;                  // counted in the total
    Provenance from;
};

struct Contact {
    std::string id;
    Text name;         // 「マイナンバー総合フリーダイヤル」
    std::string phone; // 0120-95-0178
    Text hours;        // 「24時間365日」
    Provenance from;
};

struct Note : Text {
    Note() = default;
    Note(std::string ja, std::string en) : Text{std::move(ja), std::move(en)} {}
    Note(Text text, Provenance source = {}, std::string noteId = {})
        : Text(std::move(text)), id(std::move(noteId)), from(std::move(source))
    {
    }
    std::string id; // empty for most; a note with an id can be replaced or taken away by a later entry
    Provenance from;
};

// The answer is "not this way": a voluntary proxy asking for express issuance, a Japanese national
// asking for the stay extension, an express application after its 30 days.
struct Refusal {
    Text reason;
    std::optional<Procedure> instead; // the procedure to offer instead, if any
    Provenance from;
};

// How long the answered inquiry letter is taken back after it was mailed: `days` after the mailing
// day (the last day to come back), with the words and the page the number comes from.
struct AnswerWindow {
    int days = 30;
    Text text;          // 「照会書の発送日の翌日から30日以内」
    std::string source; // the public page that gives the limit
};

// The two-visit inquiry route (照会書方式): the city mails an inquiry letter to the principal and
// the applicant comes back with it answered. Read by the two-visit flow (the case's 照会書回答待ち,
// core/cases/case_status.hpp; the handout's second-visit section).
struct Route {
    bool inquiry = false;
    std::optional<Text> sameDayException;       // when it is done the same day all the same
    std::optional<AnswerWindow> answerWithin{}; // until when the answer is taken (none: no limit known)
    std::optional<Text> secondVisit{};          // what to bring on the second visit
    Provenance from;
};

// The last day the answer is taken back: the mailing day + answerWithin.days; none without a limit.
std::optional<boost::gregorian::date> answerDeadline(const Route& route, const boost::gregorian::date& mailedOn);

// A time limit of the procedure itself: express issuance within 30 days of its trigger.
struct ProcedureWindow {
    Text text;                                     // 「事由が生じた日から30日以内」
    std::optional<int> days;                       // days after the trigger day
    std::optional<int> beforeAge;                  // or: until the day before this birthday
    std::optional<boost::gregorian::date> lastDay; // when the trigger day (or birth) is known
    std::optional<Procedure> instead;              // what to offer once the window has passed
    Provenance from;
};

// An office's place where the procedure is done (from the office file), with its hours and
// reservation rule for the procedure.
struct OfficePlace {
    std::string id;
    Text name;
    std::string phone;
    std::vector<Text> hours;         // 「月〜金 8:30〜17:00」
    std::optional<Text> reservation; // 「予約が必要です…」
    Provenance from;
};

struct Requirements {
    Procedure procedure = Procedure::CardReceipt;
    ApplicantType applicant = ApplicantType::Principal;
    boost::gregorian::date day; // the day the answer is valid for
    std::optional<Refusal> refusal;
    std::vector<DocumentRequirement> documents;
    std::vector<Fee> fees;
    int totalYen() const; // the fees that apply
    Text whereToGo;
    Provenance whereFrom;
    std::vector<OfficePlace> places; // from the office file: where exactly, when, with or without reservation
    std::vector<Contact> contacts;
    std::vector<Note> notes;
    Route route;
    std::optional<ProcedureWindow> window;
    std::vector<Circumstance> circumstances; // those given, as the catalogue words them
    std::vector<std::string> sources;        // the public pages the entries were taken from
    std::vector<std::string> entryIds;       // the data entries that answered (for audit and debugging)
    bool refused() const { return refusal.has_value(); }
};

// What the resident's attributes change. Age is counted on the day asked for.
struct ResidentAttributes {
    std::optional<boost::gregorian::date> birth;
    bool foreignResident = false;
    // Circumstance ids (the data's "circumstances" catalogue): waive or add fees.
    std::vector<std::string> circumstances{};
    // The day of the event a procedure's window counts from (express issuance: the loss
    // notification, the damage, the move-in from abroad).
    std::optional<boost::gregorian::date> since{};
};

} // namespace madoguchi::rules

#pragma once
// What the rule book answers for one procedure, applicant and day: documents to bring (with the
// alternatives spelled out), fees, where to go, whom to call, notes. Every text in Japanese and
// English because the resident's handout prints both. Filled from data/rules/*.json.
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

// One paper or card, e.g. {"passport", 旅券（パスポート）, Passport}.
struct DocumentItem {
    std::string id;
    Text text;
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
    bool single() const { return alternatives.size() == 1 && alternatives.front().items.size() == 1; }
};

struct Fee {
    std::string id;                // "card-reissue"
    int yen = 0;                   // 0: free
    Text label;                    // 「カード再交付手数料」
    std::optional<Text> condition; // when it applies or is waived
};

struct Contact {
    std::string id;
    Text name;         // 「マイナンバー総合フリーダイヤル」
    std::string phone; // 0120-95-0178
    Text hours;        // 「24時間365日」
};

struct Requirements {
    Procedure procedure = Procedure::CardReceipt;
    ApplicantType applicant = ApplicantType::Principal;
    boost::gregorian::date day; // the day the answer is valid for
    std::vector<DocumentRequirement> documents;
    std::vector<Fee> fees;
    int totalYen() const;
    Text whereToGo;
    std::vector<Contact> contacts;
    std::vector<Text> notes;
    std::vector<std::string> sources;  // the public pages the entries were taken from
    std::vector<std::string> entryIds; // the data entries that answered (for audit and debugging)
};

// What the resident's attributes change. Age is counted on the day asked for.
struct ResidentAttributes {
    std::optional<boost::gregorian::date> birth;
    bool foreignResident = false;
};

} // namespace madoguchi::rules

#pragma once
// Card triage (issue #17): before any procedure is chosen, what the card says the visit needs. A
// blocked PIN → a PIN reset naming that PIN; the user-authentication certificate expired or inside
// its renewal window → a certificate renewal (the window and the 6th birthday are the deadline
// engine's: rules::certRenewalOn); another card, or a card without certificates → said so. The
// reading comes from MyNumberCardReader::readForTriage (one session, no PIN, no try spent). The
// texts are for the clerk, in Japanese and English like the engine's warnings; dates in Japanese
// carry the 和暦 beside the 西暦.
#include "core/card/my_number_card_reader.hpp"
#include "core/cases/procedure.hpp"
#include "core/rules/readings.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::triage {

using boost::gregorian::date;

struct Proposal {
    Procedure procedure;
    std::string reason; // Japanese, plain: what the card shows and why this procedure
    std::string reasonEn;
    std::vector<std::string> pins; // a PIN reset: the ids of the PINs to reset ("card-info"...)
};

enum class CertificateState {
    NotRead,       // not a My Number card
    None,          // the card holds no user-authentication certificate
    Valid,         // before its renewal window
    RenewalWindow, // inside the window: renew now, the new ones run to the 6th birthday
    Expired,
};
std::string_view certificateStateId(CertificateState s); // "not-read", "none", "valid", "renewal-window", "expired"

struct CertificateFinding {
    CertificateState state = CertificateState::NotRead;
    std::optional<date> expiry;       // the day of notAfter in Japan
    std::optional<date> renewalOpens; // the first day of its renewal window
    int newCertBirthdays = 0;         // renewed today, the new certificates run to this birthday (5 or 6)
};

struct Notice {
    std::string ja;
    std::string en;
};

struct Triage {
    card::TriageReading reading;
    CertificateFinding certificate;
    std::vector<Proposal> proposals; // in the order the visit takes them: PIN reset, then renewal
    std::vector<Notice> notices;     // another card, no certificate, one try left, nothing needed
};

// `today`: the day the windows are judged for (the office's day).
Triage triageCard(const card::TriageReading& reading, const date& today,
                  rules::MonthEndReading monthEnd = rules::kMonthEndReading);

// The PIN's name in English ("the signature certificate's PIN"); the Japanese is PinStatus::japanese.
std::string_view pinNameEn(std::string_view pinId);

} // namespace madoguchi::triage

#include "core/triage/card_triage.hpp"

#include "core/common/clock.hpp"
#include "core/era/wareki.hpp"
#include "core/rules/deadlines.hpp"

namespace madoguchi::triage {

namespace {

std::string bothDates(const date& d)
{
    return era::formatBoth(d); // 2027-01-15（令和9年1月15日）
}

// "the signature…" at the start of a sentence.
std::string capitalized(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string joinJa(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "と" : "") + parts[i];
    return out;
}

std::string joinEn(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

void notAMyNumberCard(card::CardType type, std::vector<Notice>& notices)
{
    switch (type) {
    case card::CardType::JukiCard:
        notices.push_back({"住民基本台帳カードです。マイナンバーカードではありません",
                           "This is an old residence-registry (Juki) card, not a My Number card"});
        return;
    case card::CardType::Smartphone:
        notices.push_back({"スマートフォン用電子証明書です。マイナンバーカードではありません",
                           "These are smartphone certificates, not a My Number card"});
        return;
    default:
        notices.push_back({"マイナンバーカードではありません。カードの向きと種類を確かめてください",
                           "This is not a My Number card: check the card and how it lies on the reader"});
    }
}

// A blocked PIN is reset at the counter only (docs/rules.md §4); one line resets every blocked one.
void proposePinReset(const card::TriageReading& r, Triage& t)
{
    std::vector<std::string> ja, en;
    Proposal p{Procedure::PinReset, {}, {}, {}};
    for (const auto& pin : r.pins) {
        if (pin.blocked()) {
            p.pins.push_back(pin.id);
            ja.push_back(pin.japanese);
            en.push_back(std::string(pinNameEn(pin.id)));
        } else if (pin.triesLeft == 1) {
            t.notices.push_back(
                {pin.japanese + "の残り回数は1回です。間違えるとロックされます",
                 capitalized(std::string(pinNameEn(pin.id))) + " has one try left: a wrong entry blocks it"});
        }
    }
    if (p.pins.empty())
        return;
    p.reason = joinJa(ja) + "がロックされています（残り0回）。窓口で暗証番号の再設定が必要です";
    const bool several = p.pins.size() > 1;
    p.reasonEn = capitalized(joinEn(en)) + (several ? " are" : " is") +
                 " blocked (no tries left); only the counter can reset " + (several ? "them" : "it");
    t.proposals.push_back(std::move(p));
}

void judgeCertificate(const card::TriageReading& r, const date& today, rules::MonthEndReading monthEnd, Triage& t)
{
    CertificateFinding& f = t.certificate;
    if (!r.certificatePresent) {
        f.state = CertificateState::None;
        t.notices.push_back({"このカードには利用者証明用電子証明書が入っていません。希望があれば電子証明書の発行"
                             "（電子証明書の更新・発行）を受け付けます",
                             "This card holds no user-authentication certificate; if the resident wants one, "
                             "take a certificate issue (certificate renewal/issue)"});
        return;
    }
    const date expiry = parseIsoDate(r.authCertificate.expiryDateJst, "the certificate's expiry");
    const rules::CertRenewalOn renewal = rules::certRenewalOn(expiry, today, monthEnd);
    f.expiry = expiry;
    f.renewalOpens = renewal.windowOpens;
    f.newCertBirthdays = renewal.newCertBirthdays;
    const std::string nth = std::to_string(renewal.newCertBirthdays);
    const std::string nthEn = nth + "th";
    if (renewal.expired) {
        f.state = CertificateState::Expired;
        t.proposals.push_back({Procedure::CertRenewal,
                               "利用者証明用電子証明書の有効期限（" + bothDates(expiry) +
                                   "）が切れています。電子証明書の更新が必要です。新しい証明書は発行日後" + nth +
                                   "回目の誕生日まで有効です",
                               "The user-authentication certificate expired on " + toIso(expiry) +
                                   ": it needs renewing. The new certificates run to the " + nthEn +
                                   " birthday after their issue",
                               {}});
    } else if (renewal.inWindow) {
        f.state = CertificateState::RenewalWindow;
        t.proposals.push_back(
            {Procedure::CertRenewal,
             "利用者証明用電子証明書の有効期限は" + bothDates(expiry) + "です。" + bothDates(renewal.windowOpens) +
                 "から更新できます。期限内に更新すると、新しい証明書は発行日後" + nth + "回目の誕生日まで有効です",
             "The user-authentication certificate expires on " + toIso(expiry) + "; renewal opened on " +
                 toIso(renewal.windowOpens) + ". Renewed before it expires, the new certificates run to the " + nthEn +
                 " birthday after their issue",
             {}});
    } else {
        f.state = CertificateState::Valid;
    }
}

} // namespace

std::string_view certificateStateId(CertificateState s)
{
    switch (s) {
    case CertificateState::NotRead:
        return "not-read";
    case CertificateState::None:
        return "none";
    case CertificateState::Valid:
        return "valid";
    case CertificateState::RenewalWindow:
        return "renewal-window";
    case CertificateState::Expired:
        return "expired";
    }
    return "not-read";
}

std::string_view pinNameEn(std::string_view pinId)
{
    if (pinId == "signature")
        return "the signature certificate's PIN";
    if (pinId == "user-auth")
        return "the user-authentication certificate's PIN";
    if (pinId == "card-info")
        return "the card-info input support PIN";
    if (pinId == "residence")
        return "the residence-registry PIN";
    return "a PIN";
}

Triage triageCard(const card::TriageReading& reading, const date& today, rules::MonthEndReading monthEnd)
{
    Triage t;
    t.reading = reading;
    if (reading.cardType != card::CardType::MyNumberCard) {
        notAMyNumberCard(reading.cardType, t.notices);
        return t;
    }
    proposePinReset(reading, t);
    judgeCertificate(reading, today, monthEnd, t);
    if (t.proposals.empty() && t.certificate.state == CertificateState::Valid)
        t.notices.push_back(
            {"カードから分かる必要な手続きはありません（電子証明書の有効期限 " + bothDates(*t.certificate.expiry) +
                 "、更新は" + bothDates(*t.certificate.renewalOpens) + "から）",
             "The card shows nothing to do (the certificate expires on " + toIso(*t.certificate.expiry) +
                 ", renewal from " + toIso(*t.certificate.renewalOpens) + ")"});
    return t;
}

} // namespace madoguchi::triage

#include "app/gui/presenters/card_proposals.hpp"

#include "app/gui/presenters/procedure_filter.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/common/clock.hpp"
#include "core/era/wareki.hpp"

namespace madoguchi::gui {

namespace {

std::string dateText(const boost::gregorian::date& d, bool english)
{
    return english ? toIso(d) : era::formatBoth(d);
}

// The PINs named by a PIN reset, as the window's language names them.
std::string pinNames(const triage::Triage& t, const triage::Proposal& p, bool english)
{
    std::string names;
    for (const auto& id : p.pins)
        for (const auto& pin : t.reading.pins)
            if (pin.id == id)
                names += (names.empty() ? ""
                          : english     ? ", "
                                        : "、") +
                         (english ? std::string(triage::pinNameEn(id)) : pin.japanese);
    return names;
}

// The one line the dialog has room for: what the card shows, in a few words.
std::string shortReason(const triage::Triage& t, const triage::Proposal& p, bool english)
{
    const auto& cert = t.certificate;
    if (p.procedure == Procedure::PinReset)
        return fill(tr("%1 locked (no tries left)"), {pinNames(t, p, english)});
    if (cert.expiry && cert.state == triage::CertificateState::Expired)
        return fill(tr("the certificate expired on %1"), {dateText(*cert.expiry, english)});
    if (cert.expiry)
        return fill(tr("the certificate expires on %1 (renewal window open)"), {dateText(*cert.expiry, english)});
    return english ? p.reasonEn : p.reason;
}

} // namespace

CardProposals cardProposals(const triage::Triage& t)
{
    const bool english = uiLanguage() == UiLanguage::English;
    CardProposals out;
    int n = 1;
    for (const auto& p : t.proposals) {
        out.text += std::to_string(n++) + ". " + procedureName(p.procedure) + ": " + shortReason(t, p, english) + "\n";
        out.reasons += (english ? p.reasonEn : p.reason) + "\n";
        out.procedures.push_back(p.procedure);
        if (!p.pins.empty())
            out.notes += fill(tr("PIN reset: %1 (blocked on the card)"), {pinNames(t, p, english)}) + "\n";
    }
    for (const auto& notice : t.notices)
        out.text += "• " + (english ? notice.en : notice.ja) + "\n";
    for (std::string* s : {&out.text, &out.reasons, &out.notes})
        if (!s->empty())
            s->pop_back();
    return out;
}

} // namespace madoguchi::gui

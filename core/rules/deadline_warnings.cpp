#include "core/rules/deadline_warnings.hpp"

#include "core/era/wareki.hpp"

namespace madoguchi::rules {

std::vector<Warning> deadlineWarnings(const DeadlineInput& in, const Deadlines& d, const date& certIssued)
{
    std::vector<Warning> w;
    if (in.today.is_special())
        return w;
    auto both = [](const date& x) { return era::formatBoth(x); };
    auto iso = [](const date& x) { return era::formatIso(x); };

    // After expiry the card is no longer an ID and renewal means a new card (spec §3).
    if (in.today > d.cardExpiry)
        w.push_back({WarningKind::CardExpired,
                     "カードの有効期限（" + both(d.cardExpiry) + "）が過ぎています。新しいカードの申請が必要です。",
                     "The card expired on " + iso(d.cardExpiry) + ". A new card must be applied for."});
    else if (in.today >= d.cardRenewalOpens)
        w.push_back({WarningKind::CardRenewalOpen, "カードの更新期間中です（有効期限 " + both(d.cardExpiry) + "）。",
                     "The card can be renewed now (it expires on " + iso(d.cardExpiry) + ")."});

    // Certificate warnings only when the certificates end before the card: otherwise the card's
    // renewal renews them too and a second line would say the same thing.
    if (in.today <= d.cardExpiry && d.authCertExpiry < d.cardExpiry) {
        if (in.today > d.authCertExpiry)
            w.push_back({WarningKind::CertExpired,
                         "電子証明書の有効期限（" + both(d.authCertExpiry) +
                             "）が過ぎています。窓口で新しく発行できます（無料）。",
                         "The electronic certificates expired on " + iso(d.authCertExpiry) +
                             ". New ones can be issued at the counter (free)."});
        else if (in.today >= d.certRenewalOpens)
            w.push_back(
                {WarningKind::CertRenewalOpen,
                 "電子証明書の更新期間中です（有効期限 " + both(d.authCertExpiry) + "）。",
                 "The electronic certificates can be renewed now (they expire on " + iso(d.authCertExpiry) + ")."});
    }

    if (!d.signCertExpiry)
        w.push_back(in.adultWard
                        ? Warning{WarningKind::NoSignatureCert,
                                  "成年被後見人のため、署名用電子証明書は発行されません。",
                                  "No signature certificate is issued to an adult ward."}
                        : Warning{WarningKind::NoSignatureCert, "15歳未満のため、署名用電子証明書は発行されません。",
                                  "No signature certificate is issued to a child under 15."});

    if (d.boundToStay)
        w.push_back({WarningKind::StayBoundCard,
                     "在留期間満了日（" + both(d.cardExpiry) +
                         "）までのカードです。在留期間を更新したら、カードの有効期間の変更手続きをしてください。",
                     "The card is valid until the end of the period of stay (" + iso(d.cardExpiry) +
                         "). After renewing the period of stay, have the card's validity extended at the counter."});

    if (in.movedIn && d.moveInDeadline) {
        // Moving changes the address: the signature certificate is revoked, the user-authentication
        // certificate stays (spec §2, several city pages).
        if (d.signCertExpiry && *in.movedIn > certIssued)
            w.push_back({WarningKind::SignatureRevokedByMove,
                         "住所の変更により署名用電子証明書は失効しています。必要なら新しく発行してください。",
                         "The move revoked the signature certificate; a new one can be issued if needed."});
        long left = (*d.moveInDeadline - in.today).days();
        if (left < 0)
            w.push_back({WarningKind::MoveInDeadlinePassed,
                         "転入届から90日の継続利用の期限（" + both(*d.moveInDeadline) +
                             "）を過ぎています。カードは失効しています。",
                         "The 90-day limit for continued use after moving in ended on " + iso(*d.moveInDeadline) +
                             ": the card has lost its validity."});
        else if (left <= kMoveInNearDays)
            w.push_back({WarningKind::MoveInDeadlineNear,
                         "継続利用の手続きの期限は " + both(*d.moveInDeadline) + " です（あと" + std::to_string(left) +
                             "日）。",
                         "The continued-use procedure must be done by " + iso(*d.moveInDeadline) + " (" +
                             std::to_string(left) + " days left)."});
    }
    return w;
}

} // namespace madoguchi::rules

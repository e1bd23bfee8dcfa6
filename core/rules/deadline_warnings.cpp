// The deadline engine's warnings, in Japanese and English. Each names the rule it reports (the ids
// of deadline_rules.cpp) in a comment; the wording is for residents at the counter.
#include "core/rules/deadline_warnings.hpp"

#include "core/era/wareki.hpp"

namespace madoguchi::rules {

namespace {

std::string both(const date& x)
{
    return era::formatBoth(x);
}
std::string iso(const date& x)
{
    return era::formatIso(x);
}

void cardWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d)
{
    // After expiry the card is no longer an ID and renewal means a new card (spec §3); a stay-bound
    // card that lapsed is charged like a reissue (Komoro City; Mitake Town).
    const bool inSpecialPeriod = d.cardExtendableUntil && in.today <= *d.cardExtendableUntil;
    if (in.today > d.cardExpiry && inSpecialPeriod) {
        // Said by the special-period warning: valid if it was extended, lapsed if not.
    } else if (in.today > d.cardExpiry) {
        if (d.boundToStay)
            w.push_back({WarningKind::CardExpired,
                         "在留期間の満了によりカードは失効しています（有効期限 " + both(d.cardExpiry) +
                             "）。新しいカードの申請が必要で、手数料がかかります。",
                         "The card lapsed with the period of stay on " + iso(d.cardExpiry) +
                             ". A new card must be applied for, and it is charged."});
        else
            w.push_back({WarningKind::CardExpired,
                         "カードの有効期限（" + both(d.cardExpiry) + "）が過ぎています。新しいカードの申請が必要です。",
                         "The card expired on " + iso(d.cardExpiry) + ". A new card must be applied for."});
    } else if (d.cardRenewalOpens && in.today >= *d.cardRenewalOpens) {
        w.push_back({WarningKind::CardRenewalOpen, "カードの更新期間中です（有効期限 " + both(d.cardExpiry) + "）。",
                     "The card can be renewed now (it expires on " + iso(d.cardExpiry) + ")."});
    }
}

void certificateWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d)
{
    // Certificate warnings only when the certificates end before the card: otherwise the card's
    // renewal renews them too and a second line would say the same thing.
    if (in.today > d.cardExpiry || d.authCertExpiry >= d.cardExpiry)
        return;
    if (in.today > d.authCertExpiry) {
        w.push_back(
            {WarningKind::CertExpired,
             "電子証明書の有効期限（" + both(d.authCertExpiry) + "）が過ぎています。窓口で新しく発行できます（無料）。",
             "The electronic certificates expired on " + iso(d.authCertExpiry) +
                 ". New ones can be issued at the counter (free)."});
    } else if (d.certRenewalOpens && in.today >= *d.certRenewalOpens) {
        // Renewed today, inside the window: the 6th birthday (rule cert-validity-in-window).
        date renewed = std::min(nthBirthdayAfter(in.birth, in.today, 6), d.cardExpiry);
        w.push_back({WarningKind::CertRenewalOpen,
                     "電子証明書の更新期間中です（有効期限 " + both(d.authCertExpiry) +
                         "）。今更新すると、新しい電子証明書は " + both(renewed) +
                         " まで使えます（6回目の誕生日。カードの有効期限まで）。",
                     "The electronic certificates can be renewed now (they expire on " + iso(d.authCertExpiry) +
                         "). Renewed now, the new ones run until " + iso(renewed) +
                         " (the 6th birthday, never past the card)."});
    }
}

void signatureWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d)
{
    if (d.signCertExpiry)
        return;
    if (in.faceAuth) // rule no-signature-face-auth
        w.push_back({WarningKind::NoSignatureCert,
                     "顔認証マイナンバーカードには署名用電子証明書がありません（切り替えたときに失効）。必要なら元のカ"
                     "ードに戻す手続きができます。",
                     "A face-authentication card carries no signature certificate (it was revoked on switching); "
                     "the card can be switched back if one is needed."});
    else if (in.adultWard) // rule no-signature-ward
        w.push_back({WarningKind::NoSignatureCert, "成年被後見人のため、署名用電子証明書は発行されません。",
                     "No signature certificate is issued to an adult ward."});
    else // rule no-signature-minor
        w.push_back({WarningKind::NoSignatureCert, "15歳未満のため、署名用電子証明書は発行されません。",
                     "No signature certificate is issued to a child under 15."});
}

void stayWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d)
{
    if (d.boundToStay) {
        w.push_back({WarningKind::StayBoundCard,
                     "在留期間満了日（" + both(d.cardExpiry) +
                         "）までのカードです。在留期間を更新したら、カードの有効期間の変更手続きをしてください。",
                     "The card is valid until the end of the period of stay (" + iso(d.cardExpiry) +
                         "). After renewing the period of stay, have the card's validity extended at the counter."});
        // Rule no-renewal-window-stay-bound.
        if (in.today <= d.cardExpiry)
            w.push_back({WarningKind::StayBoundNoRenewalWindow,
                         "このカードには有効期限通知書が届かず、3か月の更新期間もありません。有効期限（" +
                             both(d.cardExpiry) + "）までなら、いつでも延長の手続きができます。",
                         "No expiry notice is mailed for this card and it has no 3-month renewal window: the "
                         "extension can be done any day until it expires (" +
                             iso(d.cardExpiry) + ")."});
    }
    // Rule cert-stay-not-extended: the card was extended past the stay the certificates had.
    if (in.stayUntil && in.certStayUntil && *in.certStayUntil < *in.stayUntil &&
        d.authCertExpiry <= *in.certStayUntil && d.authCertExpiry < d.cardExpiry)
        w.push_back({WarningKind::CertsNotExtendedWithStay,
                     "カードの有効期間を延長しても、電子証明書の有効期限（" + both(d.authCertExpiry) +
                         "）は延びません。電子証明書を新しく発行してください（無料）。",
                     "Extending the card does not lengthen the certificates (they expire on " + iso(d.authCertExpiry) +
                         "): new ones must be issued (free)."});
    // Rule card-special-period: the extension is done before the card expires.
    if (d.cardExtendableUntil) {
        if (in.today <= d.cardExpiry)
            w.push_back(
                {WarningKind::StaySpecialPeriod,
                 "在留期間の更新等を申請中（特例期間）のため、カードの有効期間を " + both(*d.cardExtendableUntil) +
                     " まで延長できます（在留期間満了日から最長2か月）。有効期限（" + both(d.cardExpiry) +
                     "）までに手続きしてください。許可されたら、新しい在留カードで改めて手続きをしてください。",
                 "A renewal of the period of stay is pending (special period): the card can be extended until " +
                     iso(*d.cardExtendableUntil) +
                     " (at most 2 months past the end of the stay), before it "
                     "expires on " +
                     iso(d.cardExpiry) + ". Once the renewal is granted, come again with the new residence card."});
        else if (in.today <= *d.cardExtendableUntil)
            w.push_back({WarningKind::StaySpecialPeriod,
                         "特例期間中です。在留期間満了日（" + both(d.cardExpiry) +
                             "）までに延長の手続きをしたカードは " + both(*d.cardExtendableUntil) +
                             " まで有効です（していなければ失効しています）。",
                         "Special period: a card extended before the end of the stay (" + iso(d.cardExpiry) +
                             ") is valid until " + iso(*d.cardExtendableUntil) + "; one that was not has lapsed."});
    }
}

void moveWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d, const WarningContext& c)
{
    if (!in.movedIn || !d.moveInDeadline)
        return;
    // Moving changes the address: the signature certificate is revoked, the user-authentication
    // certificate stays (rule signature-revoked-by-move).
    if (d.signCertExpiry && *in.movedIn > c.signIssued)
        w.push_back({WarningKind::SignatureRevokedByMove,
                     "住所の変更により署名用電子証明書は失効しています。必要なら新しく発行してください。",
                     "The move revoked the signature certificate; a new one can be issued if needed."});
    using R = MoveInLapse::Reason;
    switch (c.lapse.reason) {
    case R::LateFiling: // rule move-in-lapse-late-filing
        w.push_back({WarningKind::MoveInLapsed,
                     "転入した日（" + both(*in.moveDay) +
                         "）から14日を過ぎて転入届をしたため、カードは継続利用できず失効しています。",
                     "The move-in notification came more than 14 days after moving in (" + iso(*in.moveDay) +
                         "): the card cannot be continued and has lapsed."});
        return;
    case R::LongAfterMoveOut: // rule move-in-lapse-after-move-out
        w.push_back({WarningKind::MoveInLapsed,
                     "転出予定日（" + both(*in.declaredMoveOut) +
                         "）から30日を過ぎて転入届をしたため、カードは継続利用できず失効しています。",
                     "The move-in notification came more than 30 days after the declared move-out day (" +
                         iso(*in.declaredMoveOut) + "): the card cannot be continued and has lapsed."});
        return;
    case R::MovedAgain: // rule move-in-lapse-moved-again
        w.push_back({WarningKind::MoveInLapsed,
                     "継続利用の手続きをする前にさらに転出したため、カードは失効しています。",
                     "The holder moved on again before the continued-use procedure: the card has lapsed."});
        return;
    case R::NinetyDaysPassed: // rule move-in-90-days
        w.push_back({WarningKind::MoveInDeadlinePassed,
                     "転入届から90日の継続利用の期限（" + both(*d.moveInDeadline) +
                         "）を過ぎています。カードは失効しています。",
                     "The 90-day limit for continued use after moving in ended on " + iso(*d.moveInDeadline) +
                         ": the card has lost its validity."});
        return;
    case R::None:
        break;
    }
    long left = (*d.moveInDeadline - in.today).days();
    if (left <= kMoveInNearDays)
        w.push_back(
            {WarningKind::MoveInDeadlineNear,
             "継続利用の手続きの期限は " + both(*d.moveInDeadline) + " です（あと" + std::to_string(left) + "日）。",
             "The continued-use procedure must be done by " + iso(*d.moveInDeadline) + " (" + std::to_string(left) +
                 " days left)."});
}

void healthInsuranceWarnings(std::vector<Warning>& w, const DeadlineInput& in, const Deadlines& d)
{
    if (!d.healthInsuranceUntil)
        return;
    // Rule health-insurance-grace: residents ask about it at every renewal, so it is said from the
    // day the window opens (or 3 months before, without one) until the grace ends.
    const date expiry = std::min(d.authCertExpiry, d.cardExpiry);
    const date from = d.certRenewalOpens.value_or(renewalWindowOpens(expiry));
    if (in.today > *d.healthInsuranceUntil)
        w.push_back({WarningKind::HealthInsuranceEnded,
                     "マイナ保険証として使える期限（" + both(*d.healthInsuranceUntil) +
                         "）を過ぎています。電子証明書を更新するか、資格確認書をお使いください。",
                     "The card stopped working as a health-insurance card on " + iso(*d.healthInsuranceUntil) +
                         ": renew the certificates, or use the eligibility certificate (資格確認書)."});
    else if (in.today > expiry)
        w.push_back({WarningKind::HealthInsuranceGrace,
                     "電子証明書の有効期限（" + both(expiry) + "）が過ぎました。マイナ保険証として使えるのは " +
                         both(*d.healthInsuranceUntil) + " までです。早めに更新してください。",
                     "The certificates expired on " + iso(expiry) +
                         "; the card works as a health-insurance card until " + iso(*d.healthInsuranceUntil) +
                         ". Renew them soon."});
    else if (in.today >= from)
        w.push_back({WarningKind::HealthInsuranceGrace,
                     "電子証明書の有効期限（" + both(expiry) + "）の後も、マイナ保険証としては " +
                         both(*d.healthInsuranceUntil) + " まで使えます（有効期限の月の3か月後の月末まで）。",
                     "After the certificates expire (" + iso(expiry) +
                         ") the card still works as a health-insurance "
                         "card until " +
                         iso(*d.healthInsuranceUntil) + " (the end of the 3rd month after)."});
}

} // namespace

std::vector<Warning> deadlineWarnings(const DeadlineInput& in, const Deadlines& d, const WarningContext& c)
{
    std::vector<Warning> w;
    // Rule age-on-issue-day: without the application day, a card issued April–June 2022 to an
    // 18- or 19-year-old may be a 5-year card (application before 2022-04-01) or a 10-year one.
    if (c.appliedWouldMatter) {
        date fiveYears = nthBirthdayAfter(in.birth, in.cardIssued, 5);
        w.push_back({WarningKind::AppliedUnknown,
                     "申請日（--applied）がわかりません。2022年3月31日までに受け付けた申請なら、カードの有効期限は " +
                         both(fiveYears) + "（5回目の誕生日）です。申請日を確かめてください。",
                     "The application day (--applied) is not known. Had the application been received by "
                     "2022-03-31, the card would expire on " +
                         iso(fiveYears) + " (5th birthday). Check the application day."});
    }
    if (in.today.is_special())
        return w;
    cardWarnings(w, in, d);
    certificateWarnings(w, in, d);
    signatureWarnings(w, in, d);
    // Infants' cards (under 1 year) carry no face photo and cannot be face-auth (Ashikaga City).
    if (in.faceAuth && d.ageAtIssue < 1)
        w.push_back({WarningKind::FaceAuthInfant,
                     "1歳未満で発行された顔写真のないカードは、顔認証マイナンバーカードにできません。",
                     "A card issued under the age of 1 has no face photo and cannot be a face-authentication card."});
    stayWarnings(w, in, d);
    moveWarnings(w, in, d, c);
    healthInsuranceWarnings(w, in, d);
    return w;
}

} // namespace madoguchi::rules

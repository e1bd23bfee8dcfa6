#include "reports/handout.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "reports/date_text.hpp"
#include "reports/flow_layout.hpp"

#include <algorithm>

namespace madoguchi::reports {

namespace {

using boost::gregorian::date;

// The loss/suspension line is printed on every handout even if a rule file forgot it: a resident
// who loses the card must be able to stop it at any hour (Kodaira City: マイナンバーカードを紛失した場合).
constexpr const char* kHotline = "0120-95-0178";

struct Labels {
    const char* title;
    const char* reception;
    const char* receivedOn;
    const char* procedure;
    const char* name;
    const char* honorific;
    const char* applicant;
    const char* toBring;
    const char* toBringHint;
    const char* either;
    const char* orWord;
    const char* deadlines;
    const char* cardExpiry;
    const char* authExpiry;
    const char* signExpiry;
    const char* noSign;
    const char* moveIn;
    const char* stay;
    const char* issueDateNote;
    const char* receivedCardNote;
    const char* extendable;
    const char* healthInsurance;
    const char* refusedTitle;
    const char* instead;
    const char* ifApplies;
    const char* freeBecause;
    const char* applyBy;
    const char* reservation;
    const char* fees;
    const char* total;
    const char* whereNext;
    const char* lostTitle;
    const char* lostText;
    const char* contacts;
    const char* notes;
    const char* phone;
    const char* hours;
    const char* continued;
    const char* page;
    const char* secondVisit;
    const char* mailed;
    const char* bringNext;
    const char* answerBy;
    const char* noLimit;
    const char* ruleSource;
};

constexpr Labels kJa{
    "マイナンバーカード 手続きのご案内",
    "受付番号",
    "受付日",
    "手続き",
    "お名前",
    " 様",
    "申請される方",
    "お持ちいただくもの",
    "□ にチェックしながらご準備ください。",
    "次のいずれかの組み合わせでお持ちください：",
    "または",
    "期限・有効期限",
    "新しいカードの有効期限（発行日が本日の場合）",
    "利用者証明用電子証明書の有効期限（発行日が本日の場合）",
    "署名用電子証明書の有効期限（発行日が本日の場合）",
    "署名用電子証明書は発行されません",
    "転入届の日から90日以内の継続利用手続きの期限",
    "在留期間の満了日（カードの有効期限もこの日までです）",
    "有効期限は、カードの券面に印字された発行日から数えます（受け取った日ではありません）。",
    "カードの有効期限は券面に印字されています（発行日の後の10回目の誕生日。発行日に18歳未満の方は5回目）。電子証明書は"
    "発行日の後の5回目の誕生日までです。",
    "特例期間中にカードを延長できる限度",
    "マイナ保険証として使える期限（電子証明書の有効期限後）",
    "この方法では受け付けできません",
    "ご案内する手続き",
    "（該当する場合）",
    "無料: ",
    "申請の期限",
    "予約",
    "手数料",
    "合計",
    "次に行く窓口",
    "カードを紛失・盗難されたとき",
    "すぐに電話でカードの機能を一時停止してください：",
    "お問い合わせ",
    "ご注意",
    "電話",
    "受付時間",
    "（続き）",
    "ページ",
    "2回目の来庁（照会書の回答）",
    "照会書兼回答書を本人あてに郵送した日",
    "次回お持ちいただくもの",
    "お持ちいただく期限",
    "照会書が届きましたら、なるべく早くお越しください。",
    "根拠",
};

constexpr Labels kEn{
    "My Number Card — Your Checklist",
    "Reception no.",
    "Received on",
    "Procedure",
    "Name",
    "",
    "Applicant",
    "What to bring",
    "Tick each box as you get it ready.",
    "Bring one of these combinations:",
    "or",
    "Deadlines and expiry dates",
    "New card valid until (if its issue date is today)",
    "Authentication certificate valid until (if its issue date is today)",
    "Signature certificate valid until (if its issue date is today)",
    "No signature certificate is issued",
    "Continued-use procedure within 90 days of the move-in notification: by",
    "End of your period of stay (the card is valid until this day)",
    "Expiry dates count from the issue date printed on the card (発行日), not from the day you collect it.",
    "The card's expiry is printed on it: the 10th birthday after its issue date (発行日), the 5th for those under "
    "18 on that date. The certificates run to the 5th birthday after their issue date.",
    "The card can be extended during the special period until",
    "Usable as a health-insurance card (after the certificates expire) until",
    "This cannot be done this way",
    "Procedure to use instead",
    " (if it applies)",
    "Free: ",
    "Apply by",
    "Reservation",
    "Fees",
    "Total",
    "Where to go next",
    "If your card is lost or stolen",
    "Call at once to suspend the card's functions:",
    "Contacts",
    "Please note",
    "Phone",
    "Hours",
    " (continued)",
    "Page",
    "Your second visit (the inquiry letter's answer)",
    "Inquiry letter mailed to the resident on",
    "What to bring next time",
    "Come back by",
    "Please come back soon after the letter arrives.",
    "Source",
};

const std::string& pick(const rules::Text& t, Language l)
{
    return l == Language::Ja ? t.ja : t.en;
}

std::string procedureName(Procedure p, Language l)
{
    const auto& i = info(p);
    // English handouts keep the Japanese name too: it is what the resident shows at the next window.
    return l == Language::Ja ? std::string(i.nameJa) : std::string(i.nameEn) + " (" + std::string(i.nameJa) + ")";
}

constexpr double kBody = 10.5;
constexpr double kSmall = 9;

// On a handout for several procedures, what a paper is for when not every procedure needs it:
// 「（電子証明書の更新・発行の手続きに）」.
std::string forWhat(const HandoutRules& r, std::size_t document, Language l)
{
    if (r.procedures.size() < 2 || document >= r.documentFor.size() ||
        r.documentFor[document].size() >= r.procedures.size())
        return "";
    std::string names;
    for (Procedure p : r.documentFor[document])
        names += (names.empty()       ? ""
                  : l == Language::Ja ? "・"
                                      : ", ") +
                 std::string(l == Language::Ja ? info(p).nameJa : info(p).nameEn);
    return l == Language::Ja ? "（" + names + "の手続きに）" : "(for: " + names + ")";
}

void documentsSection(FlowLayout& f, const HandoutRules& r, Language l, const Labels& t)
{
    const rules::Requirements& req = r.requirements;
    f.heading(t.toBring, 13);
    f.paragraph(t.toBringHint, kSmall);
    f.space(2);
    for (std::size_t n = 0; n < req.documents.size(); ++n) {
        const auto& d = req.documents[n];
        if (d.single()) {
            const auto& item = d.alternatives.front().items.front();
            std::string line = pick(item.text, l);
            if (pick(d.text, l) != line)
                line += l == Language::Ja ? "（" + pick(d.text, l) + "）" : " (" + pick(d.text, l) + ")";
            f.tickItem(line, kBody);
        } else {
            f.tickItem(pick(d.text, l), kBody);
            if (d.alternatives.size() > 1)
                f.paragraph(t.either, kSmall, 18);
            for (std::size_t a = 0; a < d.alternatives.size(); ++a) {
                const auto& opt = d.alternatives[a];
                if (a > 0)
                    f.paragraph(std::string("― ") + t.orWord + " ―", kSmall, 30);
                std::string head = opt.id.size() <= 2 ? opt.id + (l == Language::Ja ? "：" : ": ") : std::string();
                f.paragraph(head + pick(opt.label, l), kBody, 18, Weight::Bold);
                for (const auto& item : opt.items)
                    f.labelled("・", pick(item.text, l), kBody, 30, kBody);
            }
        }
        if (auto what = forWhat(r, n, l); !what.empty())
            f.paragraph(what, kSmall, 18);
        if (d.note)
            f.paragraph((l == Language::Ja ? "※ " : "Note: ") + pick(*d.note, l), kSmall, 18);
        f.space(3);
    }
}

void deadlinesSection(FlowLayout& f, const Case& c, const HandoutRules& r, Language l, const Labels& t)
{
    const auto& dl = r.deadlines;
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::string> notes;
    if (dl) {
        if (r.newCard)
            rows.emplace_back(t.cardExpiry, printedDate(dl->cardExpiry, l));
        if (r.newCerts) {
            rows.emplace_back(t.authExpiry, printedDate(dl->authCertExpiry, l));
            rows.emplace_back(t.signExpiry, dl->signCertExpiry ? printedDate(*dl->signCertExpiry, l) : t.noSign);
        }
        if (r.newCard || r.newCerts)
            notes.push_back(t.issueDateNote);
        if (dl->moveInDeadline)
            rows.emplace_back(t.moveIn, printedDate(*dl->moveInDeadline, l));
        if (dl->cardExtendableUntil)
            rows.emplace_back(t.extendable, printedDate(*dl->cardExtendableUntil, l));
        if ((r.newCard || r.newCerts) && dl->healthInsuranceUntil)
            rows.emplace_back(t.healthInsurance, printedDate(*dl->healthInsuranceUntil, l));
    }
    // The procedure's own window (express issuance: 30 days from the event).
    if (r.requirements.window && !r.requirements.refusal) {
        const auto& w = *r.requirements.window;
        if (w.lastDay)
            rows.emplace_back(std::string(t.applyBy) +
                                  (l == Language::Ja ? "（" + pick(w.text, l) + "）" : " (" + pick(w.text, l) + ")"),
                              printedDate(*w.lastDay, l));
        else
            notes.push_back(std::string(t.applyBy) + (l == Language::Ja ? "：" : ": ") + pick(w.text, l));
    }
    // A card handed over today was issued (発行日) by J-LIS before: its expiry is on its face, not
    // a date the counter may compute from today.
    if (r.cardHandedOver)
        notes.push_back(t.receivedCardNote);
    if (c.resident.stayUntil)
        rows.emplace_back(t.stay, printedDate(*c.resident.stayUntil, l));
    std::vector<std::string> warnings;
    if (dl)
        for (const auto& w : dl->warnings) {
            using K = rules::WarningKind;
            // Warnings about the card or certificates only mean something when a card is issued
            // today; those about moving and the period of stay always apply.
            bool cardWarning = w.kind == K::CardExpired || w.kind == K::CardRenewalOpen || w.kind == K::CertExpired ||
                               w.kind == K::CertRenewalOpen;
            if (!cardWarning)
                warnings.push_back(l == Language::Ja ? w.ja : w.en);
        }
    if (rows.empty() && warnings.empty() && notes.empty())
        return;
    f.heading(t.deadlines, 13);
    // Label and date on one line where they fit, the dates aligned; else the date under its label.
    double labelW = 0;
    for (const auto& row : rows)
        if (double w = f.doc().textWidth(row.first, kBody) + 12; w <= f.width() * 0.62)
            labelW = std::max(labelW, w);
    for (const auto& [label, value] : rows) {
        if (f.doc().textWidth(label, kBody) + 12 <= labelW && labelW + f.doc().textWidth(value, kBody) <= f.width()) {
            f.labelled(label, value, kBody, 0, labelW);
        } else {
            f.paragraph(label, kBody, 0);
            f.paragraph(value, kBody, 18);
        }
    }
    for (const auto& n : notes)
        f.paragraph(std::string(l == Language::Ja ? "※ " : "Note: ") + n, kSmall, 0);
    for (const auto& w : warnings)
        f.labelled("！", w, kBody, 0, kBody * 1.2);
}

// The two-visit route: the letter mailed, what to bring when coming back and the last day (from
// the rule data, with where the limit comes from). Said before the list of papers: it is what the
// proxy must remember when leaving today.
void secondVisitSection(FlowLayout& f, const HandoutRules& r, Language l, const Labels& t)
{
    if (r.awaiting.empty())
        return;
    f.heading(t.secondVisit, 13);
    const bool several = r.procedures.size() > 1;
    for (const auto& a : r.awaiting) {
        if (several)
            f.paragraph(procedureName(a.procedure, l), kBody, 0, Weight::Bold);
        double labelW = f.doc().textWidth(t.mailed, kBody) + 12;
        labelW = std::max(labelW, f.doc().textWidth(t.answerBy, kBody) + 12);
        if (labelW > f.width() * 0.62)
            labelW = f.width() * 0.62;
        f.labelled(t.mailed, printedDate(a.mailedOn, l), kBody, 0, labelW);
        if (a.answerBy) {
            f.labelled(t.answerBy, printedDate(*a.answerBy, l), kBody + 1, 0, labelW, Weight::Bold);
            if (a.within) {
                f.paragraph(l == Language::Ja ? "（" + pick(a.within->text, l) + "）"
                                              : "(" + pick(a.within->text, l) + ")",
                            kSmall, 18);
                f.paragraph(std::string(t.ruleSource) + (l == Language::Ja ? "：" : ": ") + a.within->source, kSmall,
                            18);
            }
        } else {
            f.paragraph(t.noLimit, kBody, 0);
        }
        if (a.bring) {
            f.paragraph(t.bringNext, kBody, 0, Weight::Bold);
            f.tickItem(pick(*a.bring, l), kBody);
        }
        f.space(3);
    }
}

void feesSection(FlowLayout& f, const rules::Requirements& req, Language l, const Labels& t)
{
    std::vector<std::vector<std::string>> rows;
    int lines = 2;
    for (const auto& fee : req.fees) {
        // A fee charged only in some circumstances says so and stays out of the total; a waived
        // one says why it is free.
        std::string label = pick(fee.label, l) + (fee.applies ? "" : t.ifApplies);
        std::string condition = fee.waivedBy ? std::string(t.freeBecause) + pick(fee.waivedBy->text, l)
                                             : (fee.condition ? pick(*fee.condition, l) : "");
        rows.push_back({label + (condition.empty() ? "" : "\n" + condition), printedYen(fee.yen, l)});
        lines += condition.empty() ? 1 : 2;
    }
    if (req.fees.size() != 1)
        rows.push_back({t.total, printedYen(req.totalYen(), l)});
    // A fee table is short: keep it on one page with its heading.
    f.ensure(FlowLayout::lineHeight(13) + 10 + (lines + 1) * (FlowLayout::lineHeight(kBody) + 3));
    f.heading(t.fees, 13);
    f.table({{l == Language::Ja ? "内容" : "Item", f.width() - 110, Align::Left},
             {l == Language::Ja ? "金額" : "Amount", 110, Align::Right}},
            rows, kBody);
}

// Said first and alone: a resident must not read a missing list as "nothing to bring".
void refusalSection(FlowLayout& f, const rules::Refusal& refusal, Language l, const Labels& t)
{
    f.heading(t.refusedTitle, 13);
    f.paragraph(pick(refusal.reason, l), kBody);
    if (refusal.instead) {
        f.space(3);
        f.labelled(std::string(t.instead) + (l == Language::Ja ? "：" : ": "), procedureName(*refusal.instead, l),
                   kBody, 0, f.doc().textWidth(std::string(t.instead) + "： ", kBody) + 6, Weight::Bold);
    }
}

// Where to go: the rule book's place, and the office's own places with their hours and whether
// they need a reservation (from the office file).
void whereSection(FlowLayout& f, const rules::Requirements& req, Language l, const Labels& t)
{
    if (pick(req.whereToGo, l).empty() && req.places.empty())
        return;
    f.heading(t.whereNext, 13);
    if (!pick(req.whereToGo, l).empty())
        f.paragraph(pick(req.whereToGo, l), kBody);
    for (const auto& place : req.places) {
        std::string line = pick(place.name, l);
        for (const auto& h : place.hours)
            line += (l == Language::Ja ? "　" : "; ") + pick(h, l);
        if (!place.phone.empty())
            line += std::string(l == Language::Ja ? "　" : "; ") + t.phone + " " + place.phone;
        f.labelled("・", line, kBody, 0, kBody);
        if (place.reservation)
            f.labelled("", std::string(t.reservation) + (l == Language::Ja ? "：" : ": ") + pick(*place.reservation, l),
                       kSmall, kBody, 0);
    }
}

void contactsSection(FlowLayout& f, const rules::Requirements& req, Language l, const Labels& t)
{
    // The hotline first, in a box of its own: the one thing a resident must find in a hurry.
    const rules::Contact* hotline = nullptr;
    for (const auto& c : req.contacts)
        if (c.phone == kHotline)
            hotline = &c;
    std::string name =
        hotline ? pick(hotline->name, l)
                : (l == Language::Ja ? "マイナンバー総合フリーダイヤル" : "My Number general toll-free line");
    double size = 12;
    auto lines = f.wrap(std::string(t.lostText) + " " + name, f.width() - 16, kBody);
    double boxH = 8 + FlowLayout::lineHeight(kBody + 1) + lines.size() * FlowLayout::lineHeight(kBody) +
                  FlowLayout::lineHeight(size + 6) + 6;
    f.ensure(boxH + 8);
    f.space(6);
    double top = f.cursor();
    f.doc().rect(f.page(), f.left(), top - boxH, f.width(), boxH, 1.4);
    double y = top - 4;
    y -= f.drawWrapped(f.left() + 8, y, f.width() - 16, t.lostTitle, kBody + 1, Weight::Bold);
    for (const auto& line : lines)
        y -= f.drawWrapped(f.left() + 8, y, f.width() - 16, line, kBody);
    std::string number = std::string(t.phone) + " " + kHotline;
    if (hotline && !pick(hotline->hours, l).empty())
        number += l == Language::Ja ? "（" + pick(hotline->hours, l) + "）" : " (" + pick(hotline->hours, l) + ")";
    f.drawWrapped(f.left() + 8, y, f.width() - 16, number, size + 4, Weight::Bold);
    f.moveTo(top - boxH);
    f.space(4);

    bool others = false;
    for (const auto& c : req.contacts)
        others |= c.phone != kHotline;
    if (!others)
        return;
    f.heading(t.contacts, 13);
    for (const auto& c : req.contacts) {
        if (c.phone == kHotline)
            continue;
        std::string line = pick(c.name, l) + "　" + t.phone + " " + c.phone;
        if (!pick(c.hours, l).empty())
            line += l == Language::Ja ? "（" + pick(c.hours, l) + "）" : " (" + pick(c.hours, l) + ")";
        f.labelled("・", line, kBody, 0, kBody);
    }
}

} // namespace

RenderedDocument renderHandout(const Case& c, Language l, const OfficeInfo& office, const HandoutRules& rules,
                               const date& printedOn)
{
    const Labels& t = l == Language::Ja ? kJa : kEn;
    PdfDocument doc(t.title);
    std::string nameLine = c.resident.name + t.honorific;
    FlowLayout f(doc, {}, [&](FlowLayout& fl) {
        std::string head = std::string(t.reception) + " " + c.receptionNumber + "　" + nameLine + t.continued;
        fl.space(fl.drawWrapped(fl.left(), fl.cursor(), fl.width(), head, kSmall));
        fl.rule();
    });

    // Header: the office on the left, the reception number in a box on the right.
    double boxW = 120;
    double top = f.cursor();
    double leftW = f.width() - boxW - 12;
    double y = top;
    y -= f.drawWrapped(f.left(), y, leftW, t.title, 15, Weight::Bold);
    y -= 2;
    y -= f.drawWrapped(f.left(), y, leftW, office.name(l), kBody, Weight::Bold);
    y -= f.drawWrapped(f.left(), y, leftW, office.address(l), kSmall);
    std::string contact;
    if (!office.phone.empty())
        contact = std::string(t.phone) + " " + office.phone + "　";
    contact += std::string(t.hours) + (l == Language::Ja ? "：" : ": ") + office.hours(l);
    y -= f.drawWrapped(f.left(), y, leftW, contact, kSmall);

    double bx = f.right() - boxW;
    double by = top;
    by -= f.drawWrapped(bx, by - 4, boxW, t.reception, kSmall, Weight::Regular, Align::Center) + 4;
    by -= f.drawWrapped(bx, by, boxW, c.receptionNumber, 22, Weight::Bold, Align::Center);
    by -= 4;
    f.doc().rect(f.page(), bx, by, boxW, top - by, 1.2);
    f.moveTo(std::min(y, by) - 6);

    auto created = readTimestamp(c.createdAt);
    date receivedDay = created ? created->localDay : printedOn;
    double labelW = l == Language::Ja ? 80 : 84;
    f.rule(0.3);
    f.labelled(t.receivedOn, printedDate(receivedDay, l), kBody, 0, labelW, Weight::Bold);
    // One visit, one handout: every procedure it is for, one under the other.
    std::vector<Procedure> procedures =
        rules.procedures.empty() ? std::vector<Procedure>{c.procedure} : rules.procedures;
    for (std::size_t i = 0; i < procedures.size(); ++i)
        f.labelled(i == 0 ? t.procedure : "", procedureName(procedures[i], l), kBody + 1, 0, labelW, Weight::Bold);
    f.labelled(t.name,
               nameLine + (c.resident.kana.empty()
                               ? ""
                               : (l == Language::Ja ? "（" + c.resident.kana + "）" : " (" + c.resident.kana + ")")),
               kBody + 1, 0, labelW, Weight::Bold);
    if (c.applicant.type != ApplicantType::Principal) {
        std::string who =
            std::string(l == Language::Ja ? applicantNameJa(c.applicant.type) : applicantNameEn(c.applicant.type));
        if (!c.applicant.proxyName.empty())
            who += l == Language::Ja ? "　" + c.applicant.proxyName + t.honorific : ": " + c.applicant.proxyName;
        if (!c.applicant.proxyRelation.empty())
            who += l == Language::Ja ? "（" + c.applicant.proxyRelation + "）" : " (" + c.applicant.proxyRelation + ")";
        f.labelled(t.applicant, who, kBody, 0, labelW, Weight::Bold);
    }
    f.rule(0.3);

    if (rules.requirements.refusal) {
        refusalSection(f, *rules.requirements.refusal, l, t);
    } else {
        // A visit with a refused procedure beside others: the refusal first, then the rest.
        for (const auto& [procedure, refusal] : rules.refusals) {
            rules::Refusal named = refusal;
            named.reason.ja = procedureName(procedure, Language::Ja) + "：" + refusal.reason.ja;
            named.reason.en = procedureName(procedure, Language::En) + ": " + refusal.reason.en;
            refusalSection(f, named, l, t);
        }
        secondVisitSection(f, rules, l, t);
        documentsSection(f, rules, l, t);
        deadlinesSection(f, c, rules, l, t);
        feesSection(f, rules.requirements, l, t);
    }
    whereSection(f, rules.requirements, l, t);
    contactsSection(f, rules.requirements, l, t);
    if (!rules.requirements.notes.empty()) {
        f.heading(t.notes, 13);
        for (const auto& n : rules.requirements.notes)
            f.labelled("・", pick(n, l), kBody, 0, kBody);
    }
    f.pageNumbers(
        [&](int p, int n) {
            return l == Language::Ja ? std::to_string(p) + " / " + std::to_string(n) + " ページ"
                                     : std::string(t.page) + " " + std::to_string(p) + " of " + std::to_string(n);
        },
        kSmall);

    RenderedDocument out;
    out.pdf = doc.bytes();
    out.runs = doc.runs();
    out.pages = doc.pageCount();
    return out;
}

void writeHandoutPdf(const Case& c, Language l, const OfficeInfo& office, const HandoutRules& rules,
                     const date& printedOn, const std::filesystem::path& path, files::Overwrite overwrite)
{
    files::writeOutputFile(path, renderHandout(c, l, office, rules, printedOn).pdf, overwrite);
}

} // namespace madoguchi::reports

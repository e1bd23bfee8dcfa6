// The booking slip (booking_slip.hpp).
#include "reports/booking_slip.hpp"

#include "core/rules/rule_book.hpp"
#include "core/rules/visit_requirements.hpp"
#include "reports/date_text.hpp"
#include "reports/flow_layout.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::reports {

using namespace bookings;

namespace {

// The loss/suspension line is on every paper a resident takes home, whatever a rule file says:
// a lost card must be stopped at any hour (Kodaira City: マイナンバーカードを紛失した場合; JPKI portal).
constexpr const char* kLossHotline = "0120-95-0178";

struct SlipLabels {
    const char* title;
    const char* number;
    const char* when;
    const char* procedure;
    const char* name;
    const char* honorific;
    const char* applicant;
    const char* place;
    const char* toBring;
    const char* toBringHint;
    const char* orWord;
    const char* notes;
    const char* lostTitle;
    const char* lostText;
    const char* hotlineName;
    const char* phone;
    const char* issued;
    const char* page;
};

constexpr SlipLabels kJa{"予約票",
                         "予約番号",
                         "ご予約日時",
                         "手続き",
                         "お名前",
                         " 様",
                         "申請される方",
                         "場所",
                         "お持ちいただくもの",
                         "□ にチェックしながらご準備ください。",
                         "または",
                         "ご注意",
                         "カードを紛失・盗難されたとき",
                         "すぐに電話でカードの機能を一時停止してください：",
                         "マイナンバー総合フリーダイヤル",
                         "電話",
                         "発行日",
                         "ページ"};

constexpr SlipLabels kEn{"Appointment slip",
                         "Booking no.",
                         "Date and time",
                         "Procedure",
                         "Name",
                         "",
                         "Applicant",
                         "Place",
                         "What to bring",
                         "Tick each box as you get it ready.",
                         "or",
                         "Please note",
                         "If your card is lost or stolen",
                         "Call at once to suspend the card's functions:",
                         "My Number general toll-free line",
                         "Phone",
                         "Issued on",
                         "Page"};

constexpr double kBody = 10.5;
constexpr double kSmall = 9;

const std::string& pick(const rules::Text& t, Language l)
{
    return l == Language::Ja ? t.ja : t.en;
}

std::string weekday(const boost::gregorian::date& d, Language l)
{
    static constexpr std::array<const char*, 7> ja{"日", "月", "火", "水", "木", "金", "土"};
    static constexpr std::array<const char*, 7> en{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};
    auto n = static_cast<std::size_t>(d.day_of_week().as_number());
    return l == Language::Ja ? std::string(ja[n]) + "曜日" : std::string(en[n]);
}

std::string procedureName(Procedure p, Language l)
{
    const auto& i = info(p);
    // English papers keep the Japanese name too: it is what the resident shows at the counter.
    return l == Language::Ja ? std::string(i.nameJa) : std::string(i.nameEn) + " (" + std::string(i.nameJa) + ")";
}

// 「運転免許証、旅券（パスポート）… のうち1点」: an option's papers on one line, as a slip has room for.
std::string optionLine(const rules::DocumentOption& o, Language l)
{
    std::string items;
    for (const auto& item : o.items)
        items += (items.empty() ? "" : (l == Language::Ja ? "、" : ", ")) + pick(item.text, l);
    if (o.items.size() <= 1)
        return items;
    std::string count = std::to_string(o.count);
    return l == Language::Ja ? items + " のうち" + count + "点" : count + " of: " + items;
}

void whatToBring(FlowLayout& f, const SlipRules& r, const std::vector<Procedure>& procedures, Language l,
                 const SlipLabels& t)
{
    const auto& docs = r.requirements.documents;
    if (docs.empty())
        return;
    f.heading(t.toBring, 13);
    f.paragraph(t.toBringHint, kSmall);
    f.space(2);
    for (std::size_t n = 0; n < docs.size(); ++n) {
        const auto& d = docs[n];
        std::string line = pick(d.text, l);
        if (d.single() && pick(d.alternatives.front().items.front().text, l) != line)
            line = pick(d.alternatives.front().items.front().text, l) + (l == Language::Ja ? "（" : " (") + line +
                   (l == Language::Ja ? "）" : ")");
        // For a visit of several procedures, a paper only some of them need says which.
        if (procedures.size() > 1 && n < r.documentFor.size() && !r.documentFor[n].empty() &&
            r.documentFor[n].size() < procedures.size()) {
            std::string names;
            for (Procedure p : r.documentFor[n])
                names += (names.empty() ? "" : (l == Language::Ja ? "・" : ", ")) +
                         std::string(l == Language::Ja ? info(p).nameJa : info(p).nameEn);
            line += l == Language::Ja ? "（" + names + "の手続きに）" : " (for: " + names + ")";
        }
        f.tickItem(line, kBody);
        if (!d.single())
            for (std::size_t a = 0; a < d.alternatives.size(); ++a) {
                const auto& o = d.alternatives[a];
                std::string head = o.id.size() <= 2 ? o.id + (l == Language::Ja ? "：" : ": ") : std::string();
                std::string lead = a == 0 ? "" : std::string(t.orWord) + " ";
                f.labelled("・", lead + head + optionLine(o, l), kSmall + 0.5, 18, kBody);
            }
        if (d.note)
            f.paragraph((l == Language::Ja ? "※ " : "Note: ") + pick(*d.note, l), kSmall, 18);
        f.space(2);
    }
}

void hotlineBox(FlowLayout& f, const rules::Requirements& req, Language l, const SlipLabels& t)
{
    const rules::Contact* hotline = nullptr;
    for (const auto& c : req.contacts)
        if (c.phone == kLossHotline)
            hotline = &c;
    std::string name = hotline ? pick(hotline->name, l) : t.hotlineName;
    std::string number = std::string(t.phone) + " " + kLossHotline;
    if (hotline && !pick(hotline->hours, l).empty())
        number += l == Language::Ja ? "（" + pick(hotline->hours, l) + "）" : " (" + pick(hotline->hours, l) + ")";
    auto lines = f.wrap(std::string(t.lostText) + " " + name, f.width() - 16, kBody);
    double boxH = 8 + FlowLayout::lineHeight(kBody + 1) +
                  static_cast<double>(lines.size()) * FlowLayout::lineHeight(kBody) + FlowLayout::lineHeight(16) + 6;
    f.ensure(boxH + 10);
    f.space(8);
    double top = f.cursor();
    f.doc().rect(f.page(), f.left(), top - boxH, f.width(), boxH, 1.4);
    double y = top - 4;
    y -= f.drawWrapped(f.left() + 8, y, f.width() - 16, t.lostTitle, kBody + 1, Weight::Bold);
    for (const auto& line : lines)
        y -= f.drawWrapped(f.left() + 8, y, f.width() - 16, line, kBody);
    f.drawWrapped(f.left() + 8, y, f.width() - 16, number, 14, Weight::Bold);
    f.moveTo(top - boxH);
    f.space(4);
}

} // namespace

Language slipLanguage(const Booking& b)
{
    return b.language == BookingLanguage::En ? Language::En : Language::Ja;
}

SlipRules slipRulesFor(const Booking& b, const rules::RuleBook& book)
{
    auto visit = rules::visitRequirementsFor(book, b.procedures, b.applicant, {b.birth, false}, b.start.day);
    return {std::move(visit.merged), std::move(visit.documentFor)};
}

RenderedDocument renderBookingSlip(const Booking& b, Language l, const OfficeInfo& office, const SlipRules& rules,
                                   const OfficeCalendar& calendar, const boost::gregorian::date& printedOn)
{
    const SlipLabels& t = l == Language::Ja ? kJa : kEn;
    PdfDocument doc(t.title);
    std::string nameLine = b.name + t.honorific;
    FlowLayout f(doc, {}, [&](FlowLayout& fl) {
        std::string head = std::string(t.number) + " " + b.number + "　" + nameLine;
        fl.space(fl.drawWrapped(fl.left(), fl.cursor(), fl.width(), head, kSmall));
        fl.rule();
    });

    // Header: the office on the left, the booking number in a box on the right.
    double boxW = 130;
    double top = f.cursor();
    double leftW = f.width() - boxW - 12;
    double y = top;
    y -= f.drawWrapped(f.left(), y, leftW, t.title, 18, Weight::Bold);
    y -= 2;
    y -= f.drawWrapped(f.left(), y, leftW, office.name(l), kBody, Weight::Bold);
    y -= f.drawWrapped(f.left(), y, leftW, office.address(l), kSmall);
    if (!office.phone.empty())
        y -= f.drawWrapped(f.left(), y, leftW, std::string(t.phone) + " " + office.phone, kSmall);
    double bx = f.right() - boxW;
    double by = top;
    by -= f.drawWrapped(bx, by - 4, boxW, t.number, kSmall, Weight::Regular, Align::Center) + 4;
    by -= f.drawWrapped(bx, by, boxW, b.number, 20, Weight::Bold, Align::Center);
    by -= 4;
    f.doc().rect(f.page(), bx, by, boxW, top - by, 1.2);
    f.moveTo(std::min(y, by) - 8);

    double labelW = l == Language::Ja ? 84 : 92;
    f.rule(0.3);
    // The day in both calendars, its weekday, and the time from–to.
    std::string when = printedDate(b.start.day, l) + (l == Language::Ja ? "　" : ", ") + weekday(b.start.day, l);
    f.labelled(t.when, when, kBody + 1.5, 0, labelW, Weight::Bold);
    f.labelled("",
               clockText(b.start.minute) + (l == Language::Ja ? "〜" : "–") + clockText(b.endMinute()) +
                   (l == Language::Ja ? "（" + std::to_string(b.minutes) + "分）"
                                      : " (" + std::to_string(b.minutes) + " minutes)"),
               14, 0, labelW, Weight::Bold);
    for (std::size_t i = 0; i < b.procedures.size(); ++i)
        f.labelled(i == 0 ? t.procedure : "", procedureName(b.procedures[i], l), kBody + 1, 0, labelW, Weight::Bold);
    f.labelled(t.name, nameLine + (l == Language::Ja ? "（" + b.kana + "）" : " (" + b.kana + ")"), kBody + 1, 0,
               labelW, Weight::Bold);
    if (b.applicant != ApplicantType::Principal)
        f.labelled(t.applicant,
                   std::string(l == Language::Ja ? applicantNameJa(b.applicant) : applicantNameEn(b.applicant)), kBody,
                   0, labelW, Weight::Bold);
    std::string place = office.name(l);
    if (!pick(rules.requirements.whereToGo, l).empty())
        place += "\n" + pick(rules.requirements.whereToGo, l);
    f.labelled(t.place, place, kBody, 0, labelW, Weight::Bold);
    f.rule(0.3);

    whatToBring(f, rules, b.procedures, l, t);

    f.heading(t.notes, 13);
    const std::string late = std::to_string(calendar.lateAfterMinutes());
    const std::string missed = std::to_string(calendar.missedAfterMinutes());
    std::vector<std::string> notes;
    if (l == Language::Ja) {
        notes.push_back("ご予約の時刻までに窓口へお越しください。この予約票と予約番号をお持ちください。");
        notes.push_back("遅れる場合や来られなくなった場合は、お電話でご連絡ください" +
                        (office.phone.empty() ? std::string("。") : "（電話 " + office.phone + "）。"));
        notes.push_back("予約の時刻を" + missed + "分過ぎてもお越しにならない場合は、予約は無効になります（" + late +
                        "分を過ぎると遅れとして扱います）。");
    } else {
        notes.push_back("Please come to the counter by the time of your appointment, with this slip and its "
                        "booking number.");
        notes.push_back(std::string("If you will be late or cannot come, please call us") +
                        (office.phone.empty() ? "." : " (" + office.phone + ")."));
        notes.push_back("An appointment is given up " + missed +
                        " minutes after its time if you have not come (after " + late + " minutes you are late).");
    }
    for (const auto& n : rules.requirements.notes)
        notes.push_back(pick(n, l));
    for (const auto& n : notes)
        f.labelled("・", n, kBody, 0, kBody);

    hotlineBox(f, rules.requirements, l, t);
    f.paragraph(std::string(t.issued) + (l == Language::Ja ? "：" : ": ") + printedDate(printedOn, l), kSmall);
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
    out.pageSize = doc.pageSize();
    return out;
}

} // namespace madoguchi::reports

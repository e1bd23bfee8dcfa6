// The rule book on paper (see rule_book_report.hpp). Its answers are the rule book's own
// (RuleBook::requirementsFor for each procedure and applicant): this file only lays them out.
#include "reports/rule_book_report.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/provenance_text.hpp"
#include "core/rules/readings_catalogue.hpp"
#include "reports/date_text.hpp"
#include "reports/flow_layout.hpp"

namespace madoguchi::reports {

namespace {

constexpr double kBody = 9;
constexpr double kSource = 7;

const std::string& pick(const rules::Text& t, Language l)
{
    return l == Language::Ja ? t.ja : t.en;
}

// The line under each item: where it comes from.
void source(FlowLayout& f, const rules::Provenance& p, Language l)
{
    if (p.entry.empty())
        return;
    std::string office = p.office ? (l == Language::Ja ? "窓口の規則 " : "office rule ") : "";
    f.paragraph((l == Language::Ja ? "根拠: " : "Source: ") + office + rules::provenanceText(p), kSource, 24);
}

void item(FlowLayout& f, const std::string& text, const rules::Provenance& p, Language l)
{
    f.labelled("・", text, kBody, 12, 10);
    source(f, p, l);
}

void section(FlowLayout& f, const rules::Requirements& r, Language l)
{
    const auto& p = info(r.procedure);
    bool ja = l == Language::Ja;
    f.heading(std::string(ja ? p.nameJa : p.nameEn) + (ja ? "（" : " (") +
                  (ja ? std::string(applicantNameJa(r.applicant)) : std::string(applicantNameEn(r.applicant))) +
                  (ja ? "）" : ")"),
              11);
    if (r.refusal) {
        item(f,
             (ja ? "受付できません: " : "Not accepted: ") + pick(r.refusal->reason, l) +
                 (r.refusal->instead
                      ? (ja ? "（代わりに " : " (instead: ") +
                            std::string(ja ? info(*r.refusal->instead).nameJa : info(*r.refusal->instead).nameEn) +
                            (ja ? "）" : ")")
                      : ""),
             r.refusal->from, l);
    }
    for (const auto& d : r.documents) {
        std::string text = pick(d.text, l);
        if (!d.single())
            for (const auto& o : d.alternatives) {
                text += (ja ? "　" : "; ") + pick(o.label, l) + (ja ? "：" : ": ");
                for (std::size_t i = 0; i < o.items.size(); ++i)
                    text += (i ? (ja ? "、" : ", ") : "") + pick(o.items[i].text, l);
            }
        item(f, (ja ? "□ " : "[ ] ") + text, d.from, l);
    }
    for (const auto& fee : r.fees)
        item(f,
             pick(fee.label, l) + " " + std::to_string(fee.fullYen) + (ja ? "円" : " yen") +
                 (fee.condition ? (ja ? "（" : " (") + pick(*fee.condition, l) + (ja ? "）" : ")") : ""),
             fee.from, l);
    if (r.window)
        item(f, (ja ? "期限: " : "Time limit: ") + pick(r.window->text, l), r.window->from, l);
    if (r.route.inquiry)
        item(f,
             ja ? "照会書方式（市が本人に照会書を郵送し、回答を持って再度来庁）"
                : "Inquiry route (the city mails a letter to the principal; the applicant returns with the answer)",
             r.route.from, l);
    item(f, (ja ? "窓口: " : "Where: ") + pick(r.whereToGo, l), r.whereFrom, l);
    for (const auto& place : r.places) {
        std::string text = pick(place.name, l);
        for (const auto& h : place.hours)
            text += (ja ? "　" : "; ") + pick(h, l);
        if (place.reservation)
            text += (ja ? "　予約: " : "; reservation: ") + pick(*place.reservation, l);
        item(f, text, place.from, l);
    }
    for (const auto& c : r.contacts)
        item(f, pick(c.name, l) + " " + c.phone, c.from, l);
    for (const auto& n : r.notes)
        item(f, pick(n, l), n.from, l);
    f.space(4);
}

} // namespace

RenderedDocument renderRuleBook(const rules::RuleBook& book, const boost::gregorian::date& day, Language lang,
                                const OfficeInfo& office)
{
    bool ja = lang == Language::Ja;
    std::string title = (ja ? "手続きの規則（" : "The rule book (") + printedDate(day, lang) + (ja ? "現在）" : ")");
    PdfDocument doc(title);
    FlowLayout f(doc, {}, [&](FlowLayout& fl) {
        fl.space(fl.drawWrapped(fl.left(), fl.cursor(), fl.width(), title + (ja ? "（続き）" : " (continued)"), kBody));
        fl.rule();
    });
    f.space(f.drawWrapped(f.left(), f.cursor(), f.width(), title, 16, Weight::Bold));
    f.paragraph(office.name(lang), kBody);
    f.paragraph(ja ? "各行の下に、その行を出した規則（ファイル・項目・適用期間・出典）を記載しています。"
                   : "Under each line: the rule it comes from (file, entry, dates in force, public source).",
                kBody - 1);
    f.rule();
    int answered = 0;
    for (const auto& p : allProcedures())
        for (ApplicantType a : allApplicantTypes()) {
            try {
                // A resident of no particular age: the entries for an age band are in the data, and
                // `rules explain --birth` answers for one.
                section(f, book.requirementsFor(p.procedure, a, {}, day), lang);
                ++answered;
            } catch (const NotFound&) {
                f.heading(std::string(ja ? p.nameJa : p.nameEn) + (ja ? "（" : " (") +
                              std::string(ja ? applicantNameJa(a) : applicantNameEn(a)) + (ja ? "）" : ")"),
                          11);
                f.paragraph(ja ? "この日に有効な規則はありません。" : "No rule in force on this day.", kBody, 12);
            }
        }
    if (answered == 0)
        throw NotFound("no rule in force on " + toIso(day));
    f.heading(ja ? "争いのある解釈（採った読み方）" : "Disputed readings (the one taken)", 11);
    for (const auto& r : rules::disputedReadings({})) {
        f.labelled("・", std::string(r.name) + " = " + std::string(r.taken) + ": " + std::string(ja ? r.ja : r.en),
                   kBody, 12, 10);
        f.paragraph((ja ? "出典: " : "Sources: ") + std::string(r.source), kSource, 24);
    }
    f.pageNumbers([](int page, int total) { return std::to_string(page) + " / " + std::to_string(total); }, 8);
    return rendered(doc);
}

} // namespace madoguchi::reports

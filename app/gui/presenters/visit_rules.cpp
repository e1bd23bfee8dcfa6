#include "app/gui/presenters/visit_rules.hpp"

#include "app/gui/presenters/date_input.hpp"
#include "app/gui/presenters/translate.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/provenance_text.hpp"
#include "core/rules/visit_requirements.hpp"

namespace madoguchi::gui {

const std::string& inUiLanguage(const rules::Text& t)
{
    return uiLanguage() == UiLanguage::Japanese || t.en.empty() ? t.ja : t.en;
}

std::string formatYen(int yen)
{
    std::string digits = std::to_string(yen), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return uiLanguage() == UiLanguage::Japanese ? grouped + "円" : "¥" + grouped;
}

namespace {

// The rule behind a line, for the window's "source of this line": the office's marked as such.
std::string sourceText(const rules::Provenance& p)
{
    if (p.entry.empty())
        return {};
    return (p.office ? tr("Office rule") + ": " : std::string()) + rules::provenanceText(p);
}

} // namespace

std::string documentLabel(const std::vector<ChecklistLine>& known, const std::string& stored)
{
    for (const auto& line : known)
        if (line.id == stored)
            return line.label;
    return stored;
}

VisitRules visitRules(const rules::RuleBook& book, const VisitFacts& f, const boost::gregorian::date& today)
{
    VisitRules out;
    try {
        std::vector<Procedure> procedures = f.procedures.empty() ? std::vector<Procedure>{f.procedure} : f.procedures;
        rules::Requirements req =
            rules::visitRequirementsFor(book, procedures, f.applicant, {f.birth, f.foreignResident}, today).merged;
        if (req.refusal) {
            // Said where the problems are said, so that no empty checklist reads as "nothing needed".
            out.problem = inUiLanguage(req.refusal->reason);
            if (req.refusal->instead)
                out.problem += " " + fill(tr("Instead: %1"), {uiLanguage() == UiLanguage::Japanese
                                                                  ? std::string(info(*req.refusal->instead).nameJa)
                                                                  : std::string(info(*req.refusal->instead).nameEn)});
            out.refused = true;
        }
        for (const auto& d : req.documents) {
            ChecklistLine line{d.id, inUiLanguage(d.text), {}, sourceText(d.from)};
            if (!d.single()) {
                for (const auto& alt : d.alternatives) {
                    std::string items;
                    for (const auto& item : alt.items)
                        items += (items.empty() ? "" : ", ") + inUiLanguage(item.text);
                    line.detail += (line.detail.empty() ? "" : " / ") + inUiLanguage(alt.label) + ": " + items;
                }
            }
            if (d.note)
                line.detail += (line.detail.empty() ? "" : " — ") + inUiLanguage(*d.note);
            out.documents.push_back(std::move(line));
        }
        for (const auto& fee : req.fees) {
            std::string text = inUiLanguage(fee.label) + " " + (fee.yen == 0 ? tr("free") : formatYen(fee.yen));
            if (!fee.applies)
                text += " " + tr("(only if it applies)");
            if (fee.waivedBy)
                text += " (" + inUiLanguage(fee.waivedBy->text) + ")";
            else if (fee.condition)
                text += " (" + inUiLanguage(*fee.condition) + ")";
            out.fees.push_back(std::move(text));
        }
        out.totalYen = req.totalYen();
        out.whereToGo = inUiLanguage(req.whereToGo);
    } catch (const std::exception& e) {
        out.problem = e.what();
    }

    if (f.cardIssued && f.birth) {
        rules::DeadlineInput in;
        in.birth = *f.birth;
        in.cardIssued = *f.cardIssued;
        in.stayUntil = f.foreignResident ? f.stayUntil : std::nullopt;
        if (in.stayUntil)
            in.status = rules::ResidenceStatus::StayBound;
        in.movedIn = f.movedIn;
        in.today = today;
        try {
            rules::Deadlines d = rules::computeDeadlines(in);
            auto line = [&](const std::string& what, const boost::gregorian::date& day) {
                out.deadlines.push_back(what + ": " + formatBothCalendars(day));
            };
            line(tr("Card valid until"), d.cardExpiry);
            if (d.cardRenewalOpens)
                line(tr("Card renewal from"), *d.cardRenewalOpens);
            line(tr("User certificate valid until"), d.authCertExpiry);
            if (d.signCertExpiry)
                line(tr("Signature certificate valid until"), *d.signCertExpiry);
            if (d.moveInDeadline)
                line(tr("Move-in continued-use deadline"), *d.moveInDeadline);
            if (d.cardExtendableUntil)
                line(tr("Card can be extended (special period) until"), *d.cardExtendableUntil);
            if (d.healthInsuranceUntil)
                line(tr("Usable as a health-insurance card until"), *d.healthInsuranceUntil);
            for (const auto& w : d.warnings)
                out.warnings.push_back(uiLanguage() == UiLanguage::Japanese ? w.ja : w.en);
        } catch (const std::exception& e) {
            out.warnings.push_back(e.what());
        }
    }
    return out;
}

} // namespace madoguchi::gui

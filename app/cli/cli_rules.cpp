// madoguchi-cli rules explain — "why does it say that?": every document, fee, note, place and
// deadline of an answer with the rule entry that produced it, its effective dates and its public
// source, and the disputed readings the engine took. The answer itself is the one `documents` and
// `deadlines` give (the same rule book, the same engine); this command only adds where each line
// comes from. `rules book`: the whole rule book in force on a day as a PDF, to review on paper.
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_deadline_options.hpp"
#include "app/cli/cli_requirements.hpp"
#include "app/cli/cli_rule_book.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"
#include "core/files/output_file.hpp"
#include "core/rules/deadline_rules.hpp"
#include "core/rules/deadlines.hpp"
#include "core/rules/provenance_text.hpp"
#include "core/rules/readings_catalogue.hpp"
#include "core/rules/rule_book.hpp"
#include "reports/office_info.hpp"
#include "reports/rule_book_report.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

using nlohmann::json;

namespace {

// 「procedures.json · pin-reset-own-id（2016-01-01〜）: 国立市; 菊池市」, the office's marked.
std::string provenanceLine(const rules::Provenance& p)
{
    if (p.entry.empty())
        return "（根拠なし）";
    return std::string(p.office ? "窓口の規則 " : "") + rules::provenanceText(p);
}

json deadlineRuleJson(const rules::DeadlineRule& r)
{
    return {{"entry", std::string(r.id)},
            {"file", "core/rules/deadline_rules.cpp"},
            {"office", false},
            {"ja", std::string(r.ja)},
            {"en", std::string(r.en)},
            {"effective_from", std::string(r.effectiveFrom)},
            {"effective_until", r.effectiveUntil.empty() ? json() : json(std::string(r.effectiveUntil))},
            {"source", std::string(r.source)}};
}

json readingsJson()
{
    json out = json::array();
    for (const auto& r : rules::disputedReadings({}))
        out.push_back({{"switch", std::string(r.name)},
                       {"taken", std::string(r.taken)},
                       {"other", std::string(r.other)},
                       {"ja", std::string(r.ja)},
                       {"en", std::string(r.en)},
                       {"source", std::string(r.source)}});
    return out;
}

void printExplained(std::ostream& out, const rules::Requirements& r, const std::optional<rules::Deadlines>& d)
{
    const auto& p = info(r.procedure);
    out << p.nameJa << "（" << applicantNameJa(r.applicant) << "） " << toIso(r.day) << " の根拠\n";
    auto because = [&](const rules::Provenance& from) { out << "      ← " << provenanceLine(from) << '\n'; };
    if (r.refusal) {
        out << "\n受付できません: " << r.refusal->reason.ja << '\n';
        because(r.refusal->from);
    }
    if (!r.documents.empty())
        out << "\n持ち物:\n";
    for (const auto& doc : r.documents) {
        out << "  □ " << doc.text.ja << '\n';
        because(doc.from);
    }
    if (!r.fees.empty())
        out << "\n手数料:\n";
    for (const auto& f : r.fees) {
        out << "  " << f.label.ja << " " << f.yen << "円" << (f.applies ? "" : "（該当する場合）") << '\n';
        because(f.from);
    }
    if (r.window) {
        out << "\n期限: " << r.window->text.ja << '\n';
        because(r.window->from);
    }
    if (r.route.inquiry) {
        out << "\n照会書方式（2回の来庁）\n";
        because(r.route.from);
    }
    out << "\n窓口: " << r.whereToGo.ja << '\n';
    because(r.whereFrom);
    for (const auto& place : r.places) {
        out << "  " << place.name.ja << (place.reservation ? "（予約: " + place.reservation->ja + "）" : "") << '\n';
        because(place.from);
    }
    for (const auto& c : r.contacts) {
        out << "連絡先: " << c.name.ja << " " << c.phone << '\n';
        because(c.from);
    }
    for (const auto& n : r.notes) {
        out << "・" << n.ja << '\n';
        because(n.from);
    }
    if (d) {
        out << "\n期限の計算:\n";
        json values = deadlinesJson(*d);
        for (const auto& applied : d->rules) {
            const auto& rule = rules::deadlineRule(applied.rule);
            // The date as `deadlines` prints it (西暦 and 和暦), or — where it does not apply.
            const json& v = values[std::string(applied.field)];
            std::string value = v.is_string() ? era::formatBoth(parseIsoDate(v.get<std::string>(), "date")) : "—";
            out << "  " << applied.field << " " << value << ": " << rule.ja << '\n'
                << "      ← " << rule.id << "（" << rule.effectiveFrom << "〜" << rule.effectiveUntil
                << "）: " << rule.source << '\n';
        }
        for (const auto& w : d->warnings)
            out << "  注意: " << w.ja << '\n';
    }
    out << "\n争いのある解釈（採った読み方）:\n";
    for (const auto& reading : rules::disputedReadings({}))
        out << "  " << reading.name << " = " << reading.taken << ": " << reading.ja << "（" << reading.source << "）\n";
}

int rulesExplain(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("rules explain");
    addRequirementOptions(o);
    o.add_options()("today", po::value<std::string>(), "the day the rules are taken for (default: today)");
    addDeadlineOptions(o);
    auto vm = parseArgs(args, o);
    auto today = optionalString(vm, "today");
    auto q = requirementQuery(vm, today ? parseIsoDate(*today, "today") : now().localDay);
    // The deadlines are explained too when the card is described (its 発行日 and the birth date).
    std::optional<rules::Deadlines> deadlines;
    if (vm.count("issued")) {
        if (!q.resident.birth)
            throw ValidationError("--issued: the deadlines need the birth date too (--birth)");
        deadlines = rules::computeDeadlines(
            deadlineInput(vm, *q.resident.birth, parseIsoDate(vm["issued"].as<std::string>(), "issued"), q.day));
    }
    return withRuleBook(ctx, q.officeFile, [&](const rules::RuleBook& book) {
        auto r = book.requirementsFor(q.procedure, q.applicant, q.resident, q.day);
        if (!ctx.json) {
            printExplained(ctx.out, r, deadlines);
            return kOk;
        }
        json out = requirementsJson(r, true);
        json dj;
        if (deadlines) {
            dj = deadlinesJson(*deadlines);
            json because = json::array();
            for (const auto& applied : deadlines->rules) {
                json rule = deadlineRuleJson(rules::deadlineRule(applied.rule));
                rule["field"] = std::string(applied.field);
                because.push_back(rule);
            }
            dj["rules"] = because;
        }
        out["deadlines"] = dj;
        out["readings"] = readingsJson();
        ctx.printJson(out);
        return kOk;
    });
}

int rulesBook(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("rules book");
    o.add_options()("pdf", po::value<std::string>()->required(), "write the rule book (PDF) here")(
        "date", po::value<std::string>(), "the day the rules in force are printed for (default: today)")(
        "lang", po::value<std::string>()->default_value("ja"), "ja|en")(
        "office", po::value<std::string>(), "the office's own file (default: ~/.config/madoguchi/office.json if any)")(
        "overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    auto vm = parseArgs(args, o);
    std::string pdf = vm["pdf"].as<std::string>();
    if (pdf.empty())
        throw ValidationError("--pdf: the file name is empty");
    auto lang = reports::parseLanguage(vm["lang"].as<std::string>());
    auto day = now().localDay;
    if (auto d = optionalString(vm, "date"))
        day = parseIsoDate(*d, "--date");
    auto officePath = officeFileFor(optionalString(vm, "office"));
    auto office = reports::loadOfficeInfoOrDefault(officePath);
    return withRuleBook(ctx, officePath, [&](const rules::RuleBook& book) {
        // No resident's data on it: nothing to audit.
        auto doc = reports::renderRuleBook(book, day, lang, office);
        files::writeOutputFile(pdf, doc.pdf, overwriteAsked(vm));
        if (ctx.json)
            ctx.printJson({{"day", toIso(day)},
                           {"lang", lang == reports::Language::Ja ? "ja" : "en"},
                           {"pdf", pdf},
                           {"pages", doc.pages},
                           {"bytes", doc.pdf.size()}});
        else
            ctx.out << "rule book of " << toIso(day) << " written to " << pdf << " (" << doc.pages << " pages)\n";
        return kOk;
    });
}

const CommandRegistration kRules{"rules",
                                 "the rule book: the rule entry, dates and source behind every line; the book as a PDF",
                                 {{"explain", rulesExplain}, {"book", rulesBook}}};

} // namespace
} // namespace madoguchi::cli

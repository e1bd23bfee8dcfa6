// madoguchi-cli case add|list|show|status|reopen — the case book, with the two-visit route
// (照会書回答待ち: `case status ID awaiting-answer --mailed D`, `case list --awaiting-answer`).
#include "app/cli/case_input.hpp"
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/case_json.hpp"
#include "core/cases/lifecycle.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "core/text/text_field.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

// 「暗証番号の再設定 + 電子証明書の更新・発行」: the visit's procedures, as the list shows them.
std::string procedureNames(const std::vector<ProcedureLine>& lines)
{
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : " + ") + std::string(info(l.procedure).nameJa);
    return out;
}

void printCase(CliContext& ctx, const Case& c)
{
    if (ctx.json) {
        ctx.printJson(app::toJson(c));
        return;
    }
    auto& o = ctx.out;
    const bool several = c.procedures.size() > 1;
    o << c.receptionNumber << "  (id " << c.id << ")  " << procedureNames(c.procedures) << "  "
      << statusNameJa(c.status) << '\n';
    if (several)
        for (const auto& l : c.procedures)
            o << "  手続き: " << info(l.procedure).nameJa << " (" << info(l.procedure).id << ")  "
              << statusNameJa(l.status) << '\n';
    // The two-visit route: when the inquiry letter went out, and while waiting for how long.
    const auto today = now().localDay;
    for (const auto& l : c.procedures)
        if (l.mailedOn) {
            o << "  照会書: " << info(l.procedure).id << "  郵送 " << toIso(*l.mailedOn);
            if (auto days = daysAwaitingAnswer(l, today))
                o << "  回答待ち " << *days << " 日";
            o << '\n';
        }
    o << "  氏名: " << c.resident.name << " (" << c.resident.kana << ")  生年月日: " << toIso(c.resident.birth) << '\n'
      << "  申請者: " << applicantNameJa(c.applicant.type)
      << (c.applicant.proxyName.empty() ? "" : " " + c.applicant.proxyName) << "  窓口: " << c.window
      << "  担当: " << c.clerk << '\n'
      << "  受付: " << c.createdAt << "  更新: " << c.updatedAt << '\n';
    for (const auto& h : c.history)
        o << "  " << h.at << "  " << h.actor << "  "
          << (several && h.procedure ? std::string(info(*h.procedure).id) + ": " : "")
          << (h.from ? std::string(statusId(*h.from)) + " → " : "") << statusId(h.to)
          << (h.reason.empty() ? "" : "  (" + h.reason + ")") << '\n';
}

std::optional<Procedure> optionalProcedure(const po::variables_map& vm)
{
    if (auto s = optionalString(vm, "procedure"))
        return parseProcedure(*s);
    return std::nullopt;
}

int caseAdd(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("case add");
    o.add_options()("input", po::value<std::string>(),
                    "read the case's fields as a JSON object from this file, - for standard input "
                    "(keeps the resident's data off the command line)");
    addCaseFieldOptions(o);
    auto vm = parseArgs(args, o);
    CaseDraft d = vm.count("input") ? draftFromJson(readCaseInput(vm["input"].as<std::string>(), vm), ctx.actor().user)
                                    : draftFromOptions(vm, ctx.actor().user);
    printCase(ctx, ctx.store().add(d, ctx.actor()));
    return kOk;
}

// `case list --awaiting-answer`: each line waiting for its inquiry answer, with the mailing day and
// the days since (the list row does not carry the mailing day: the visit is read).
int printAwaiting(CliContext& ctx, const std::vector<db::CaseSummary>& rows)
{
    const auto today = now().localDay;
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : rows) {
        Case c = ctx.store().get(r.id);
        for (const auto& l : c.procedures) {
            auto days = daysAwaitingAnswer(l, today);
            if (!days)
                continue;
            if (ctx.json) {
                nlohmann::json row = app::toJson(r);
                row["awaiting"] = {{"procedure", std::string(info(l.procedure).id)},
                                   {"mailed_on", toIso(*l.mailedOn)},
                                   {"days", *days}};
                arr.push_back(row);
                continue;
            }
            ctx.out << r.receptionNumber << '\t' << r.id << '\t' << r.createdAt.substr(0, 10) << '\t'
                    << info(l.procedure).nameJa << '\t' << statusNameJa(l.status) << '\t' << toIso(*l.mailedOn) << '\t'
                    << *days << "日\t" << r.name << '\t' << r.kana << '\t' << toIso(r.birth) << '\n';
        }
    }
    if (ctx.json)
        ctx.printJson(arr);
    return kOk;
}

int caseList(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("case list");
    o.add_options()("date", po::value<std::string>(), "office day YYYY-MM-DD (default: today, unless searching)")(
        "from", po::value<std::string>(), "first day of a range")(
        "to", po::value<std::string>(), "last day of a range")("status", po::value<std::string>(), "status id")(
        "procedure", po::value<std::string>(), "procedure id (any of the visit's)")("window", po::value<std::string>(),
                                                                                    "窓口")(
        "search", po::value<std::string>(), "name, フリガナ (any script or width), reception number or birth date")(
        "awaiting-answer", po::bool_switch(),
        "the visits of any day with a procedure waiting for the inquiry letter's answer (照会書回答待ち), with the "
        "mailing day and the days since")("limit", po::value<std::size_t>()->default_value(500),
                                          "at most this many rows");
    auto vm = parseArgs(args, o);
    db::CaseQuery q;
    if (auto s = optionalString(vm, "date"))
        q.day = parseIsoDate(*s, "--date");
    if (auto s = optionalString(vm, "from"))
        q.from = parseIsoDate(*s, "--from");
    if (auto s = optionalString(vm, "to"))
        q.to = parseIsoDate(*s, "--to");
    if (q.from && q.to && *q.from > *q.to)
        throw ValidationError("--from is after --to");
    if (auto s = optionalString(vm, "status"))
        q.status = parseStatus(*s);
    if (auto s = optionalString(vm, "procedure"))
        q.procedure = parseProcedure(*s);
    q.window = optionalString(vm, "window");
    q.text = optionalString(vm, "search");
    if (q.window)
        checkTextField("--window", *q.window);
    if (q.text)
        checkTextField("--search", *q.text);
    q.limit = vm["limit"].as<std::size_t>();
    const bool awaiting = vm["awaiting-answer"].as<bool>();
    if (awaiting)
        q.lineStatus = CaseStatus::AwaitingAnswer;
    // The letters waiting were mailed on earlier days: the whole book, unless a day is named.
    if (!q.day && !q.text && !q.from && !q.to && !awaiting)
        q.day = now().localDay;
    auto rows = ctx.store().search(q);
    // Audited before anything is shown: no name reaches the screen without its entry.
    std::vector<CaseId> shown;
    for (const auto& r : rows)
        shown.push_back(r.id);
    ctx.recordAccess(audit_actions::kList, shown, "console");
    if (awaiting)
        return printAwaiting(ctx, rows);
    if (ctx.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& r : rows)
            arr.push_back(app::toJson(r));
        ctx.printJson(arr);
        return kOk;
    }
    for (const auto& r : rows)
        ctx.out << r.receptionNumber << '\t' << r.id << '\t' << r.createdAt.substr(0, 16) << '\t'
                << procedureNames(r.procedures) << '\t' << statusNameJa(r.status) << '\t' << r.name << '\t' << r.kana
                << '\t' << toIso(r.birth) << '\t' << r.window << '\n';
    return kOk;
}

int caseShow(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("case show");
    o.add_options()("id", po::value<std::string>()->required(), "case id");
    po::positional_options_description p;
    p.add("id", 1);
    auto vm = parseArgs(args, o, p);
    Case c = ctx.store().get(parseCaseId(vm["id"].as<std::string>()));
    ctx.recordAccess(audit_actions::kView, {c.id}, "console");
    printCase(ctx, c);
    return kOk;
}

int caseStatus(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("case status");
    o.add_options()("id", po::value<std::string>()->required(),
                    "case id")("status", po::value<std::string>()->required(), "new status id")(
        "reason", po::value<std::string>()->default_value(""), "why (needed for waiting and withdrawn)")(
        "procedure", po::value<std::string>(), "the procedure to move on (default: every open procedure of the visit)")(
        "mailed", po::value<std::string>(),
        "YYYY-MM-DD: the day the inquiry letter was mailed to the principal (needed for awaiting-answer)");
    po::positional_options_description p;
    p.add("id", 1).add("status", 1);
    auto vm = parseArgs(args, o, p);
    CaseId id = parseCaseId(vm["id"].as<std::string>());
    db::StatusChange change;
    change.to = parseStatus(vm["status"].as<std::string>());
    change.reason = vm["reason"].as<std::string>();
    change.procedure = optionalProcedure(vm);
    if (auto m = optionalString(vm, "mailed"))
        change.mailedOn = parseIsoDate(*m, "--mailed");
    printCase(ctx, ctx.store().changeStatus(id, change, ctx.actor()));
    return kOk;
}

int caseReopen(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("case reopen");
    o.add_options()("id", po::value<std::string>()->required(),
                    "case id")("reason", po::value<std::string>()->required(), "why the closed case is reopened")(
        "procedure", po::value<std::string>(), "the closed procedure to reopen (needed when the visit has several)");
    po::positional_options_description p;
    p.add("id", 1);
    auto vm = parseArgs(args, o, p);
    printCase(ctx, ctx.store().reopen(parseCaseId(vm["id"].as<std::string>()), vm["reason"].as<std::string>(),
                                      ctx.actor(), optionalProcedure(vm)));
    return kOk;
}

const CommandRegistration kCase{
    "case",
    "add, list, show, change the status of, reopen cases",
    {{"add", caseAdd}, {"list", caseList}, {"show", caseShow}, {"status", caseStatus}, {"reopen", caseReopen}}};

} // namespace
} // namespace madoguchi::cli

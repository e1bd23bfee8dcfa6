// madoguchi-cli case add|list|show|status|reopen — the case book.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/case_json.hpp"
#include "core/cases/visit.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"

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
    o.add_options()("procedure", po::value<std::vector<std::string>>()->required()->composing(),
                    "procedure id (repeatable: one visit, several procedures)")(
        "name", po::value<std::string>()->required(), "氏名")("kana", po::value<std::string>()->required(), "フリガナ")(
        "birth", po::value<std::string>()->required(),
        "生年月日 YYYY-MM-DD")("address", po::value<std::string>()->default_value(""), "住所")(
        "sex", po::value<std::string>()->default_value("not-known"), "male|female|not-applicable|not-known")(
        "applicant", po::value<std::string>()->default_value("principal"), "principal|proxy|legal-representative")(
        "proxy-name", po::value<std::string>()->default_value(""), "the proxy's name")(
        "proxy-relation", po::value<std::string>()->default_value(""), "the proxy's relation to the resident")(
        "window", po::value<std::string>()->default_value(""), "窓口")("clerk", po::value<std::string>(),
                                                                       "担当 (default: the login name)")(
        "foreign", po::bool_switch(), "foreign resident")("stay-until", po::value<std::string>(),
                                                          "end of the period of stay YYYY-MM-DD")(
        "moved-in", po::value<std::string>(), "move-in notification day YYYY-MM-DD")(
        "document", po::value<std::vector<std::string>>()->composing(),
        "a document checked (repeatable)")("fee", po::value<int>()->default_value(0),
                                           "fee in yen")("notes", po::value<std::string>()->default_value(""), "notes");
    auto vm = parseArgs(args, o);
    CaseDraft d;
    std::vector<Procedure> procedures;
    for (const auto& p : vm["procedure"].as<std::vector<std::string>>())
        procedures.push_back(parseProcedure(p));
    setProcedures(d, procedures);
    d.resident.name = vm["name"].as<std::string>();
    d.resident.kana = vm["kana"].as<std::string>();
    d.resident.birth = parseIsoDate(vm["birth"].as<std::string>(), "--birth");
    d.resident.address = vm["address"].as<std::string>();
    d.resident.sex = parseSex(vm["sex"].as<std::string>());
    d.resident.foreignResident = vm["foreign"].as<bool>();
    if (auto s = optionalString(vm, "stay-until")) {
        d.resident.stayUntil = parseIsoDate(*s, "--stay-until");
        d.resident.foreignResident = true;
    }
    if (auto s = optionalString(vm, "moved-in"))
        d.resident.movedIn = parseIsoDate(*s, "--moved-in");
    d.applicant.type = parseApplicant(vm["applicant"].as<std::string>());
    d.applicant.proxyName = vm["proxy-name"].as<std::string>();
    d.applicant.proxyRelation = vm["proxy-relation"].as<std::string>();
    if (d.applicant.type != ApplicantType::Principal && d.applicant.proxyName.empty())
        throw ValidationError("--proxy-name: a proxy or legal representative needs a name");
    d.window = vm["window"].as<std::string>();
    d.clerk = optionalString(vm, "clerk").value_or(ctx.actor().user);
    if (vm.count("document"))
        for (const auto& doc : vm["document"].as<std::vector<std::string>>())
            d.documents.push_back({doc, true});
    d.feeYen = vm["fee"].as<int>();
    if (d.feeYen < 0)
        throw ValidationError("--fee: a fee cannot be negative");
    d.notes = vm["notes"].as<std::string>();
    printCase(ctx, ctx.store().add(d, ctx.actor()));
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
        "limit", po::value<std::size_t>()->default_value(500), "at most this many rows");
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
    q.limit = vm["limit"].as<std::size_t>();
    if (!q.day && !q.text && !q.from && !q.to)
        q.day = now().localDay;
    auto rows = ctx.store().search(q);
    // Audited before anything is shown: no name reaches the screen without its entry.
    std::vector<CaseId> shown;
    for (const auto& r : rows)
        shown.push_back(r.id);
    ctx.recordAccess(audit_actions::kList, shown, "console");
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
        "procedure", po::value<std::string>(), "the procedure to move on (default: every open procedure of the visit)");
    po::positional_options_description p;
    p.add("id", 1).add("status", 1);
    auto vm = parseArgs(args, o, p);
    CaseId id = parseCaseId(vm["id"].as<std::string>());
    db::StatusChange change;
    change.to = parseStatus(vm["status"].as<std::string>());
    change.reason = vm["reason"].as<std::string>();
    change.procedure = optionalProcedure(vm);
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

// madoguchi-cli call next|again|absent|number|settings — calling residents to a window, as the
// window's call key does (db/call_rules.hpp): for a console at the counter, a script, the tests.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/case_json.hpp"
#include "core/common/clock.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

// 「A-012 → 窓口 3」: the number and where it is called; the case follows for the clerk.
void printCall(CliContext& ctx, const Case& c)
{
    if (ctx.json) {
        ctx.printJson(app::toJson(c));
        return;
    }
    auto& o = ctx.out;
    o << c.receptionNumber << "  (id " << c.id << ")  ";
    if (c.call && c.call->kind == CallState::Kind::SentBack) {
        auto back = readTimestamp(c.call->backAt);
        o << "不在: " << (back ? back->clock() : c.call->backAt) << " から再び待ち (absent: waits again from then)";
    } else if (c.call)
        o << "→ 窓口 " << c.call->window << " (window " << c.call->window << ")";
    o << '\n';
    std::string procedures;
    for (const auto& l : c.procedures)
        procedures += (procedures.empty() ? "" : " + ") + std::string(info(l.procedure).nameJa);
    o << "  " << procedures << "  " << statusNameJa(c.status) << "  " << c.resident.name << '\n';
}

int callNext(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("call next");
    o.add_options()("window", po::value<std::string>()->required(), "the window (窓口) that calls")(
        "procedure", po::value<std::vector<std::string>>()->composing(),
        "a procedure this window takes (repeatable; default: every procedure)");
    auto vm = parseArgs(args, o);
    db::WindowCall call;
    call.window = vm["window"].as<std::string>();
    if (vm.count("procedure"))
        for (const auto& p : vm["procedure"].as<std::vector<std::string>>())
            call.work.procedures.push_back(parseProcedure(p));
    auto c = ctx.store().callNext(call, ctx.actor());
    if (c) {
        printCall(ctx, *c);
    } else if (ctx.json) {
        ctx.printJson(nullptr);
    } else {
        ctx.out << "待っている方はいません (nobody is waiting for window " << call.window << ")\n";
    }
    return kOk;
}

int callAgain(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("call again");
    o.add_options()("id", po::value<std::string>()->required(), "case id of the number called now");
    po::positional_options_description p;
    p.add("id", 1);
    auto vm = parseArgs(args, o, p);
    printCall(ctx, ctx.store().callAgain(parseCaseId(vm["id"].as<std::string>()), ctx.actor()));
    return kOk;
}

int callAbsent(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("call absent");
    o.add_options()("id", po::value<std::string>()->required(), "case id of the number called now");
    po::positional_options_description p;
    p.add("id", 1);
    auto vm = parseArgs(args, o, p);
    printCall(ctx, ctx.store().markAbsent(parseCaseId(vm["id"].as<std::string>()), ctx.actor()));
    return kOk;
}

int callNumber(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("call number");
    o.add_options()("number", po::value<std::string>()->required(), "today's reception number, e.g. A-012")(
        "window", po::value<std::string>()->required(), "the window (窓口) that calls");
    po::positional_options_description p;
    p.add("number", 1);
    auto vm = parseArgs(args, o, p);
    printCall(ctx, ctx.store().callNumber(vm["number"].as<std::string>(), vm["window"].as<std::string>(), ctx.actor()));
    return kOk;
}

int callSettings(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("call settings");
    o.add_options()("order", po::value<std::string>(), "booked-first or arrival (administrators)")(
        "absent-minutes", po::value<int>(), "how long a number not answered stays out of the queue, 0-240");
    auto vm = parseArgs(args, o);
    db::CaseStore& store = ctx.store();
    CallSettings s = store.callSettings();
    if (vm.count("order") || vm.count("absent-minutes")) {
        if (auto order = optionalString(vm, "order"))
            s.order = parseQueueOrder(*order);
        if (vm.count("absent-minutes"))
            s.absentMinutes = vm["absent-minutes"].as<int>();
        store.setCallSettings(s, ctx.actor());
    }
    if (ctx.json)
        ctx.printJson({{"order", std::string(queueOrderId(s.order))}, {"absent_minutes", s.absentMinutes}});
    else
        ctx.out << "order: " << queueOrderId(s.order) << "\nabsent minutes: " << s.absentMinutes << '\n';
    return kOk;
}

const CommandRegistration kCall{"call",
                                "call the next resident, again, not here, or a chosen number to a window",
                                {{"next", callNext},
                                 {"again", callAgain},
                                 {"absent", callAbsent},
                                 {"number", callNumber},
                                 {"settings", callSettings}}};

} // namespace
} // namespace madoguchi::cli

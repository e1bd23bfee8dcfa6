// madoguchi-cli deadlines — card and certificate expiries, renewal windows, the move-in limit.
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_deadline_options.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"
#include "core/rules/deadlines.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

using rules::date;

std::optional<date> optionalDate(const po::variables_map& vm, const char* name)
{
    if (auto s = optionalString(vm, name))
        return parseIsoDate(*s, name);
    return std::nullopt;
}

nlohmann::json isoOrNull(const std::optional<date>& d)
{
    return d ? nlohmann::json(toIso(*d)) : nlohmann::json();
}

namespace {

rules::ResidenceStatus parseStatus(const std::string& s)
{
    if (auto status = rules::residenceStatusFromId(s))
        return *status;
    throw ValidationError("status: unknown \"" + s +
                          "\" (japanese, stay-bound, permanent, highly-skilled-2, special-permanent, "
                          "temporary-refuge, provisional-stay, transitional)");
}

} // namespace

// The options of `deadlines`, shared with `rules explain` (cli_rules.cpp), which prints the
// same dates with the rules behind them.
void addDeadlineOptions(po::options_description& o)
{
    o.add_options()("issued", po::value<std::string>(), "the card's issue day (発行日, printed on the card)")(
        "applied", po::value<std::string>(), "the day J-LIS received the application (default: issued)")(
        "cert-issued", po::value<std::string>(), "the certificates' issue day (default: issued)")(
        "prev-cert-expiry", po::value<std::string>(),
        "expiry of the certificates those of --cert-issued replaced (default: those issued with the card)")(
        "sign-cert-issued", po::value<std::string>(), "a signature certificate issued on its own (after a move)")(
        "stay-until", po::value<std::string>(), "end of the period of stay the card is bound to (after extensions)")(
        "cert-stay-until", po::value<std::string>(),
        "end of the period of stay when the certificates were issued (default: stay-until)")(
        "stay-pending-until", po::value<std::string>(),
        "a stay renewal is pending: the special period ends on this day (at most 2 months after stay-until)")(
        "status", po::value<std::string>(),
        "residence status: japanese, stay-bound, permanent, highly-skilled-2, special-permanent, "
        "temporary-refuge, provisional-stay, transitional")("adult-ward",
                                                            "the resident is an adult ward (no signature certificate)")(
        "face-auth", "a face-authentication card (no signature certificate)")(
        "moved-in", po::value<std::string>(), "the day the move-in notification was filed")(
        "move-day", po::value<std::string>(), "the day the resident actually moved in (needs --moved-in)")(
        "declared-move-out", po::value<std::string>(),
        "the move-out day declared at the former city (needs --moved-in)")(
        "moved-again", "moved on again before the continued-use procedure");
}

rules::DeadlineInput deadlineInput(const po::variables_map& vm, const date& birth, const date& issued,
                                   const date& today)
{
    rules::DeadlineInput in;
    in.birth = birth;
    in.cardIssued = issued;
    in.applied = optionalDate(vm, "applied");
    in.certIssued = optionalDate(vm, "cert-issued");
    in.prevCertExpiry = optionalDate(vm, "prev-cert-expiry");
    in.signCertIssued = optionalDate(vm, "sign-cert-issued");
    in.stayUntil = optionalDate(vm, "stay-until");
    in.certStayUntil = optionalDate(vm, "cert-stay-until");
    in.stayPendingUntil = optionalDate(vm, "stay-pending-until");
    in.movedIn = optionalDate(vm, "moved-in");
    in.moveDay = optionalDate(vm, "move-day");
    in.declaredMoveOut = optionalDate(vm, "declared-move-out");
    in.movedAgain = vm.count("moved-again") > 0;
    in.today = today;
    if (auto s = optionalString(vm, "status"))
        in.status = parseStatus(*s);
    in.adultWard = vm.count("adult-ward") > 0;
    in.faceAuth = vm.count("face-auth") > 0;
    return in;
}

nlohmann::json deadlinesJson(const rules::Deadlines& d)
{
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : d.warnings)
        warnings.push_back(w.ja);
    // Exactly the keys of the contract (docs/cli.md, madoguchi-cli(1)); a date that does not apply is null.
    return {{"card_expiry", toIso(d.cardExpiry)},
            {"auth_cert_expiry", toIso(d.authCertExpiry)},
            {"sign_cert_expiry", isoOrNull(d.signCertExpiry)},
            {"card_renewal_opens", isoOrNull(d.cardRenewalOpens)},
            {"cert_renewal_opens", isoOrNull(d.certRenewalOpens)},
            {"move_in_deadline", isoOrNull(d.moveInDeadline)},
            {"card_extendable_until", isoOrNull(d.cardExtendableUntil)},
            {"health_insurance_until", isoOrNull(d.healthInsuranceUntil)},
            {"warnings", warnings}};
}

namespace {

int runDeadlines(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("deadlines");
    o.add_options()("birth", po::value<std::string>()->required(), "birth date")(
        "today", po::value<std::string>(), "the day to compute warnings for (default: today)");
    addDeadlineOptions(o);
    auto vm = parseArgs(args, o);
    if (!vm.count("issued"))
        throw ValidationError("the option '--issued' is required but missing (the card's 発行日)");
    auto in = deadlineInput(vm, parseIsoDate(vm["birth"].as<std::string>(), "birth"),
                            parseIsoDate(vm["issued"].as<std::string>(), "issued"),
                            optionalDate(vm, "today").value_or(now().localDay));
    auto d = rules::computeDeadlines(in);

    if (ctx.json) {
        ctx.printJson(deadlinesJson(d));
        return kOk;
    }
    auto line = [&](const char* label, const std::optional<date>& x) {
        ctx.out << label << (x ? era::formatBoth(*x) : std::string("—")) << '\n';
    };
    line("カード有効期限　　　　: ", d.cardExpiry);
    line("利用者証明用電子証明書: ", d.authCertExpiry);
    line("署名用電子証明書　　　: ", d.signCertExpiry);
    line("カード更新開始　　　　: ", d.cardRenewalOpens);
    line("電子証明書更新開始　　: ", d.certRenewalOpens);
    line("継続利用の期限　　　　: ", d.moveInDeadline);
    if (d.cardExtendableUntil)
        line("特例期間の延長限度　　: ", d.cardExtendableUntil);
    line("マイナ保険証の利用期限: ", d.healthInsuranceUntil);
    for (const auto& w : d.warnings)
        ctx.out << "注意: " << w.ja << '\n';
    return kOk;
}

const CommandRegistration kDeadlines{"deadlines", "card and certificate expiries, renewal windows, move-in limit",
                                     runDeadlines};

} // namespace
} // namespace madoguchi::cli

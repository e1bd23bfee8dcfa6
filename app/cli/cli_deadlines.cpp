// madoguchi-cli deadlines — card and certificate expiries, renewal windows, the move-in limit.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"
#include "core/rules/deadlines.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

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

rules::ResidenceStatus parseStatus(const std::string& s)
{
    if (s == "japanese")
        return rules::ResidenceStatus::JapaneseNational;
    if (s == "stay-bound")
        return rules::ResidenceStatus::StayBound;
    if (s == "permanent")
        return rules::ResidenceStatus::PermanentResident;
    if (s == "highly-skilled-2")
        return rules::ResidenceStatus::HighlySkilled2;
    if (s == "special-permanent")
        return rules::ResidenceStatus::SpecialPermanent;
    throw ValidationError("status: unknown \"" + s +
                          "\" (japanese, stay-bound, permanent, highly-skilled-2, special-permanent)");
}

int runDeadlines(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("deadlines");
    o.add_options()("birth", po::value<std::string>()->required(),
                    "birth date")("issued", po::value<std::string>()->required(), "the card's issue day")(
        "applied", po::value<std::string>(), "the day the application was received (default: issued)")(
        "cert-issued", po::value<std::string>(), "the certificates' issue day (default: issued)")(
        "stay-until", po::value<std::string>(), "end of the period of stay the card is bound to")(
        "moved-in", po::value<std::string>(), "the day the move-in notification was filed")(
        "today", po::value<std::string>(), "the day to compute warnings for (default: today)")(
        "status", po::value<std::string>(),
        "residence status: japanese, stay-bound, permanent, highly-skilled-2, special-permanent")(
        "adult-ward", "the resident is an adult ward (no signature certificate)");
    auto vm = parseArgs(args, o);

    rules::DeadlineInput in;
    in.birth = parseIsoDate(vm["birth"].as<std::string>(), "birth");
    in.cardIssued = parseIsoDate(vm["issued"].as<std::string>(), "issued");
    in.applied = optionalDate(vm, "applied");
    in.certIssued = optionalDate(vm, "cert-issued");
    in.stayUntil = optionalDate(vm, "stay-until");
    in.movedIn = optionalDate(vm, "moved-in");
    in.today = optionalDate(vm, "today").value_or(now().localDay);
    if (auto s = optionalString(vm, "status"))
        in.status = parseStatus(*s);
    in.adultWard = vm.count("adult-ward") > 0;
    auto d = rules::computeDeadlines(in);

    if (ctx.json) {
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto& w : d.warnings)
            warnings.push_back(w.ja);
        // Exactly the keys of the contract (shared/design.md).
        ctx.printJson({{"card_expiry", toIso(d.cardExpiry)},
                       {"auth_cert_expiry", toIso(d.authCertExpiry)},
                       {"sign_cert_expiry", isoOrNull(d.signCertExpiry)},
                       {"card_renewal_opens", toIso(d.cardRenewalOpens)},
                       {"cert_renewal_opens", toIso(d.certRenewalOpens)},
                       {"move_in_deadline", isoOrNull(d.moveInDeadline)},
                       {"warnings", warnings}});
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
    for (const auto& w : d.warnings)
        ctx.out << "注意: " << w.ja << '\n';
    return kOk;
}

const CommandRegistration kDeadlines{"deadlines", "card and certificate expiries, renewal windows, move-in limit",
                                     runDeadlines};

} // namespace
} // namespace madoguchi::cli

// madoguchi-cli register — the issued-card register the renewal forecast reads: an import of the
// office's earlier records, and the sync from the counter's own finished cases.
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_input_file.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/errors.hpp"
#include "core/register/register_csv.hpp"
#include "core/security/audit_chain.hpp"
#include "db/card_register.hpp"

namespace po = boost::program_options;

namespace madoguchi::cli {

db::CardRegister& cardRegisterOf(CliContext& ctx)
{
    db::CardRegister* reg = ctx.store().cardRegister();
    if (!reg)
        throw StorageError(StorageError::Kind::Other, "this case book keeps no card register");
    return *reg;
}

namespace {

int registerImport(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("register import");
    o.add_options()("file", po::value<std::string>()->required(),
                    "the records (CSV: record_id,birth,card_issued,cert_issued,stay_until; UTF-8 or Shift_JIS)");
    po::positional_options_description pos;
    pos.add("file", 1);
    auto vm = parseArgs(args, o, pos);
    const std::string bytes = readInputFile(vm["file"].as<std::string>(), "register file");
    // Every line checked before the case book is opened: a bad file changes nothing.
    const std::vector<IssuedCard> cards = parseRegisterCsv(bytes);
    db::Actor actor = ctx.actor();
    db::RegisterPutResult r = cardRegisterOf(ctx).putIssuedCards(cards, audit_actions::kRegisterImport, actor);
    if (ctx.json) {
        ctx.printJson({{"added", r.added}, {"updated", r.updated}, {"unchanged", r.unchanged}});
        return kOk;
    }
    ctx.out << cards.size() << " records (" << registerCsvEncoding(bytes) << "): " << r.added << " added, " << r.updated
            << " updated, " << r.unchanged << " unchanged\n";
    return kOk;
}

int registerSync(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("register sync");
    parseArgs(args, o);
    db::Actor actor = ctx.actor();
    db::RegisterSyncResult r = db::syncRegisterFromCases(ctx.store(), cardRegisterOf(ctx), actor);
    if (ctx.json) {
        ctx.printJson({{"cases", r.casesRead},
                       {"added", r.put.added},
                       {"updated", r.put.updated},
                       {"unchanged", r.put.unchanged},
                       {"skipped", r.skipped}});
        return kOk;
    }
    ctx.out << r.casesRead << " finished cases read: " << r.put.added << " added, " << r.put.updated << " updated, "
            << r.put.unchanged << " unchanged, " << r.skipped << " skipped\n";
    return kOk;
}

const CommandRegistration kRegister{"register",
                                    "the issued-card register the renewal forecast reads (no names)",
                                    {{"import", registerImport}, {"sync", registerSync}}};

} // namespace
} // namespace madoguchi::cli

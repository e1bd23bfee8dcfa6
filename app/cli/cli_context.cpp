#include "app/cli/cli_context.hpp"

#include "core/common/errors.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

std::string CliContext::storeUrl() const
{
    return dbUrl.empty() ? db::defaultDatabasePath().string() : dbUrl;
}

db::CaseStore& CliContext::unauthenticatedStore()
{
    if (!store_) {
        db::StoreOptions options;
        if (!office.empty())
            options.office = office;
        store_ = db::openStore(storeUrl(), options);
    }
    return *store_;
}

db::CaseStore& CliContext::store()
{
    actor();
    return *store_;
}

void CliContext::printJson(const nlohmann::json& doc)
{
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

po::variables_map parseArgs(const std::vector<std::string>& args, const po::options_description& options,
                            const po::positional_options_description& positional)
{
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw ValidationError(e.what());
    }
    return vm;
}

std::optional<std::string> optionalString(const po::variables_map& vm, const char* name)
{
    if (vm.count(name))
        return vm[name].as<std::string>();
    return std::nullopt;
}

} // namespace madoguchi::cli

#include "app/cli/cli_context.hpp"

#include "app/common/current_user.hpp"
#include "core/common/errors.hpp"

#include <cctype>
#include <iostream>
#include <sstream>

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
        options.createIfMissing = createBook;
        options.desk = app::currentDesk();
        options.notice = [this](const std::string& line) { err << "madoguchi-cli: " << line << '\n'; };
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

namespace {

// Boost prints the options under their caption ("case status:"), which names the command's words.
std::string usageOf(const po::options_description& options, const po::positional_options_description& positional)
{
    std::ostringstream printed;
    options.print(printed);
    std::string body = printed.str();
    std::string words;
    if (auto colon = body.find(":\n"); colon != std::string::npos && colon < body.find('\n')) {
        words = body.substr(0, colon);
        body.erase(0, colon + 2);
    }
    std::ostringstream text;
    text << "usage: madoguchi-cli " << words;
    unsigned positions = positional.max_total_count();
    for (unsigned i = 0; i < positions && i < 8; ++i) {
        std::string word = positional.name_for_position(i);
        for (char& c : word)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        text << ' ' << word;
    }
    if (options.options().empty())
        text << "\n(no options)\n";
    else
        text << " [options]\n\noptions:\n" << body;
    return text.str();
}

} // namespace

po::variables_map parseArgs(const std::vector<std::string>& args, const po::options_description& options,
                            const po::positional_options_description& positional)
{
    for (const auto& a : args)
        if (a == "--help" || a == "-h")
            throw HelpRequested{usageOf(options, positional)};
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw ValidationError(e.what());
    }
    return vm;
}

CaseId parseCaseId(const std::string& text)
{
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0)
            return id;
    } catch (const std::exception&) {
    }
    throw ValidationError("case id \"" + text + "\" is not a positive whole number");
}

files::Overwrite overwriteAsked(const po::variables_map& vm)
{
    return vm.count("overwrite") && vm["overwrite"].as<bool>() ? files::Overwrite::Yes : files::Overwrite::No;
}

std::optional<std::string> optionalString(const po::variables_map& vm, const char* name)
{
    if (vm.count(name))
        return vm[name].as<std::string>();
    return std::nullopt;
}

} // namespace madoguchi::cli

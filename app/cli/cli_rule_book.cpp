// Loading the rule book for a command (see cli_rule_book.hpp).
#include "app/cli/cli_rule_book.hpp"

#include "app/cli/cli_requirements.hpp"
#include "core/common/data_paths.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::cli {

std::optional<std::filesystem::path> officeFileFor(const std::optional<std::string>& given)
{
    if (given) {
        if (given->empty())
            throw ValidationError("--office: the file name is empty");
        return std::filesystem::path(*given);
    }
    return defaultOfficeFileIfAny();
}

rules::RuleBook loadRuleBook(const std::optional<std::filesystem::path>& officeFile)
{
    try {
        return rules::RuleBook::load(dataDirectory() / "rules", officeFile);
    } catch (const rules::RuleFileError& e) {
        if (officeFile && e.file() == officeFile->filename().string())
            throw ValidationError("office file " + officeFile->string() + " refused: " + e.what());
        throw RuleDataError(std::string("rule data refused: ") + e.what());
    }
}

int withRuleBook(CliContext& ctx, const std::optional<std::filesystem::path>& officeFile,
                 const std::function<int(const rules::RuleBook&)>& body)
{
    std::optional<rules::RuleBook> book;
    try {
        book.emplace(loadRuleBook(officeFile));
    } catch (const RuleDataError& e) {
        ctx.err << "madoguchi-cli: " << e.what() << '\n';
        return kFailure;
    }
    return body(*book);
}

} // namespace madoguchi::cli

#pragma once
// The rule book: required documents, fees, places and contacts as dated data entries read from
// JSON files (data/rules/*.json, and an office's own file beside them), so that a fee or rule
// change is a data change. Usage:
//     auto book = rules::RuleBook::load(dataDirectory() / "rules", officeFile);
//     auto req = book.requirementsFor(Procedure::Reissue, ApplicantType::Proxy, {birth, false}, today);
#include "core/rules/office_file.hpp"
#include "core/rules/requirements.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace madoguchi::rules {

// A data file that cannot be used. The message names the file, the line where the entry (or
// place) starts when it can be found, the entry and what is wrong:
//   fees.json line 40: entry "card-reissue-fee": effective_from "2024-02-30" is not a date
class RuleFileError : public std::runtime_error {
public:
    RuleFileError(std::string file, std::string entry, std::string problem, int line = 0);
    const std::string& file() const { return file_; }
    const std::string& entry() const { return entry_; }
    const std::string& problem() const { return problem_; }
    int line() const { return line_; } // 0: not known

private:
    std::string file_, entry_, problem_;
    int line_ = 0;
};

class RuleBook {
public:
    // Reads every *.json in `directory` (in name order), then the office's file if one is given.
    // Throws RuleFileError for a broken file, an unknown procedure or applicant, a missing field
    // or text, a bad date, an unknown document id, or two versions of one entry in force on the
    // same day.
    static RuleBook load(const std::filesystem::path& directory,
                         const std::optional<std::filesystem::path>& officeFile = std::nullopt);
    // The same for one file (for tests and tools).
    static RuleBook loadFile(const std::filesystem::path& file);
    // The given files together, in this order (catalogues are shared between them).
    static RuleBook loadFiles(const std::vector<std::filesystem::path>& files,
                              const std::optional<std::filesystem::path>& officeFile = std::nullopt);

    // Throws NotFound when no rule is in force for that day, ValidationError for a circumstance
    // id the data does not know. A procedure the applicant cannot do is an answer with a refusal.
    Requirements requirementsFor(Procedure procedure, ApplicantType applicant, const ResidentAttributes& resident,
                                 const boost::gregorian::date& day) const;

    std::size_t entryCount() const;
    // The circumstances the data knows (for --circumstance and the window).
    std::vector<Circumstance> circumstances() const;
    // The office file read with the national data, if any.
    const OfficeFile* office() const;

    RuleBook(RuleBook&&) noexcept;
    RuleBook& operator=(RuleBook&&) noexcept;
    ~RuleBook();

private:
    struct Data;
    static RuleBook loadFilesAsGiven(const std::vector<std::filesystem::path>& files,
                                     const std::optional<std::filesystem::path>& officeFile);
    explicit RuleBook(std::unique_ptr<Data> data);
    std::unique_ptr<Data> data_;
};

} // namespace madoguchi::rules

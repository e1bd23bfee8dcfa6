#pragma once
// Who stands at the counter for the resident. The ids are a contract (stored in the case book,
// `--applicant` of madoguchi-cli, the rule data's "applicants").
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi {

// The resident, a voluntary proxy (任意代理人), a legal representative (法定代理人: parent of a
// minor, adult guardian), a member of the same household (同一世帯員: files some procedures with
// their own ID and the card's PIN), a curator or assistant (保佐人・補助人: acts where the court's
// list of powers, 代理行為目録, covers the procedure). Required documents differ for each.
enum class ApplicantType { Principal, Proxy, LegalRepresentative, HouseholdMember, Curator };

std::span<const ApplicantType> allApplicantTypes();
std::string_view applicantId(ApplicantType t);
std::string_view applicantNameJa(ApplicantType t);
std::string_view applicantNameEn(ApplicantType t);
// "principal, proxy, legal-representative, household-member, curator", for messages.
std::string applicantIdList();
std::optional<ApplicantType> applicantFromId(std::string_view id);
ApplicantType parseApplicant(std::string_view id); // throws ValidationError

struct Applicant {
    ApplicantType type = ApplicantType::Principal;
    std::string proxyName;     // empty for the principal
    std::string proxyRelation; // 父, 母, 成年後見人, 知人...
};

} // namespace madoguchi

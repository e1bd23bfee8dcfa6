#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

// Who stands at the counter: the resident, a proxy (任意代理人) or a legal representative
// (法定代理人: parent of a minor, adult guardian). Required documents differ for each.
enum class ApplicantType { Principal, Proxy, LegalRepresentative };

std::string_view applicantId(ApplicantType t);
std::string_view applicantNameJa(ApplicantType t);
std::string_view applicantNameEn(ApplicantType t);
std::optional<ApplicantType> applicantFromId(std::string_view id);
ApplicantType parseApplicant(std::string_view id); // throws ValidationError

struct Applicant {
    ApplicantType type = ApplicantType::Principal;
    std::string proxyName;     // empty for the principal
    std::string proxyRelation; // 父, 母, 成年後見人, 知人...
};

} // namespace madoguchi

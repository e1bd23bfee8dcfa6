#include "core/cases/applicant.hpp"

#include "core/common/errors.hpp"

#include <string>

namespace madoguchi {

std::string_view applicantId(ApplicantType t)
{
    switch (t) {
    case ApplicantType::Principal:
        return "principal";
    case ApplicantType::Proxy:
        return "proxy";
    case ApplicantType::LegalRepresentative:
        return "legal-representative";
    }
    return "principal";
}

std::string_view applicantNameJa(ApplicantType t)
{
    switch (t) {
    case ApplicantType::Principal:
        return "本人";
    case ApplicantType::Proxy:
        return "任意代理人";
    case ApplicantType::LegalRepresentative:
        return "法定代理人";
    }
    return "本人";
}

std::string_view applicantNameEn(ApplicantType t)
{
    switch (t) {
    case ApplicantType::Principal:
        return "Principal";
    case ApplicantType::Proxy:
        return "Proxy";
    case ApplicantType::LegalRepresentative:
        return "Legal representative";
    }
    return "Principal";
}

std::optional<ApplicantType> applicantFromId(std::string_view id)
{
    for (auto t : {ApplicantType::Principal, ApplicantType::Proxy, ApplicantType::LegalRepresentative})
        if (applicantId(t) == id)
            return t;
    return std::nullopt;
}

ApplicantType parseApplicant(std::string_view id)
{
    if (auto t = applicantFromId(id))
        return *t;
    throw ValidationError("unknown applicant type \"" + std::string(id) +
                          "\" (one of: principal, proxy, legal-representative)");
}

} // namespace madoguchi

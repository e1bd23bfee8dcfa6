// The applicant types: one table, so that adding one is one line here (and its rules in data/rules).
#include "core/cases/applicant.hpp"

#include "core/common/errors.hpp"

#include <array>
#include <string>

namespace madoguchi {

namespace {

struct ApplicantInfo {
    ApplicantType type;
    std::string_view id, nameJa, nameEn;
};

constexpr std::array<ApplicantInfo, 5> kApplicants{{
    {ApplicantType::Principal, "principal", "本人", "Principal"},
    {ApplicantType::Proxy, "proxy", "任意代理人", "Proxy"},
    {ApplicantType::LegalRepresentative, "legal-representative", "法定代理人", "Legal representative"},
    {ApplicantType::HouseholdMember, "household-member", "同一世帯員", "Household member"},
    {ApplicantType::Curator, "curator", "保佐人・補助人", "Curator or assistant"},
}};

constexpr std::array<ApplicantType, kApplicants.size()> kTypes{ApplicantType::Principal, ApplicantType::Proxy,
                                                               ApplicantType::LegalRepresentative,
                                                               ApplicantType::HouseholdMember, ApplicantType::Curator};

const ApplicantInfo& infoOf(ApplicantType t)
{
    return kApplicants[static_cast<std::size_t>(t)];
}

} // namespace

std::span<const ApplicantType> allApplicantTypes()
{
    return kTypes;
}

std::string_view applicantId(ApplicantType t)
{
    return infoOf(t).id;
}

std::string_view applicantNameJa(ApplicantType t)
{
    return infoOf(t).nameJa;
}

std::string_view applicantNameEn(ApplicantType t)
{
    return infoOf(t).nameEn;
}

std::string applicantIdList()
{
    std::string list;
    for (const auto& a : kApplicants)
        list += (list.empty() ? "" : ", ") + std::string(a.id);
    return list;
}

std::optional<ApplicantType> applicantFromId(std::string_view id)
{
    for (const auto& a : kApplicants)
        if (a.id == id)
            return a.type;
    return std::nullopt;
}

ApplicantType parseApplicant(std::string_view id)
{
    if (auto t = applicantFromId(id))
        return *t;
    throw ValidationError("unknown applicant type \"" + std::string(id) + "\" (one of: " + applicantIdList() + ")");
}

} // namespace madoguchi

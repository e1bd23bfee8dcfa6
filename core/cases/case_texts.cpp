#include "core/cases/case_texts.hpp"

#include "core/text/text_field.hpp"

namespace madoguchi {

void checkCaseTexts(const CaseDraft& d)
{
    checkTextField("name", d.resident.name);
    checkTextField("kana", d.resident.kana);
    checkTextField("address", d.resident.address);
    checkTextField("proxy-name", d.applicant.proxyName);
    checkTextField("proxy-relation", d.applicant.proxyRelation);
    checkTextField("window", d.window);
    checkTextField("clerk", d.clerk);
    for (std::size_t i = 0; i < d.documents.size(); ++i)
        checkTextField("documents[" + std::to_string(i + 1) + "]", d.documents[i].document);
    checkTextField("notes", d.notes, TextShape::Lines);
}

void checkReasonText(const std::string& reason)
{
    checkTextField("reason", reason, TextShape::Lines);
}

} // namespace madoguchi

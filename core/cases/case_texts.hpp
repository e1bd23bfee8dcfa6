#pragma once
// Every text a case carries, checked by core/text/text_field.hpp before a store writes it: the
// stores call this in every write path (new case, import, edit), so that no text reaches the case
// book, a handout or a terminal with invalid UTF-8 or control characters in it. A field added to
// the case is added here.
#include "core/cases/case.hpp"

namespace madoguchi {

// ValidationError naming the first bad field ("name", "documents[2]", "notes").
void checkCaseTexts(const CaseDraft& draft);

// A reason given for a status change or a reopening (free text, kept in the history).
void checkReasonText(const std::string& reason);

} // namespace madoguchi

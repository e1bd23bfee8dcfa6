#include "app/gui/presenters/procedure_filter.hpp"

#include "app/gui/presenters/translate.hpp"
#include "core/cases/case_status.hpp"
#include "core/text/search_fold.hpp"

#include <cctype>
#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace madoguchi::gui {

namespace {
// A clerk whose input method is off types romaji: saikoufu reads as さいこうふ.
std::string romajiAsHiragana(const std::string& text)
{
    bool latin = !text.empty();
    for (unsigned char c : text)
        latin = latin && (std::isalpha(c) || c == '-' || c == ' ');
    if (!latin)
        return {};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Latin-Hiragana", UTRANS_FORWARD, status));
    if (U_FAILURE(status))
        return {};
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return foldForSearch(out);
}
} // namespace

std::vector<Procedure> matchProcedures(const std::string& query)
{
    std::string q = foldForSearch(query);
    std::string kana = romajiAsHiragana(trimmed(query));
    std::vector<Procedure> out;
    for (const auto& p : allProcedures()) {
        // Folding makes カード, かーど and ｶｰﾄﾞ one; the reading lets さいこうふ find 再交付.
        bool match = q.empty();
        for (std::string_view name : {p.nameJa, p.readingJa, p.nameEn, p.id}) {
            std::string folded = foldForSearch(name);
            match = match || folded.find(q) != std::string::npos ||
                    (!kana.empty() && folded.find(kana) != std::string::npos);
        }
        if (match)
            out.push_back(p.procedure);
    }
    return out;
}

std::string procedureName(Procedure p)
{
    return std::string(uiLanguage() == UiLanguage::Japanese ? info(p).nameJa : info(p).nameEn);
}

std::string procedureNames(const std::vector<ProcedureLine>& lines)
{
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : " + ") + procedureName(l.procedure);
    return out;
}

std::string statusName(CaseStatus s)
{
    return std::string(uiLanguage() == UiLanguage::Japanese ? statusNameJa(s) : statusNameEn(s));
}

} // namespace madoguchi::gui

#include "app/gui/presenters/translate.hpp"

namespace madoguchi::gui {

namespace {
std::function<std::string(const char*)>& translator()
{
    static std::function<std::string(const char*)> t;
    return t;
}
UiLanguage& language()
{
    static UiLanguage l = UiLanguage::English;
    return l;
}
} // namespace

void setTranslator(std::function<std::string(const char*)> translate)
{
    translator() = std::move(translate);
}

std::string tr(const char* msgid)
{
    return translator() ? translator()(msgid) : std::string(msgid);
}

void setUiLanguage(UiLanguage l)
{
    language() = l;
}
UiLanguage uiLanguage()
{
    return language();
}

std::string fill(std::string text, std::initializer_list<std::string_view> values)
{
    int n = 1;
    for (auto v : values) {
        std::string key = "%" + std::to_string(n++);
        if (auto at = text.find(key); at != std::string::npos)
            text.replace(at, key.size(), v);
    }
    return text;
}

} // namespace madoguchi::gui

#pragma once
// UTF-8 in and out of wxString. The program may run under the C locale (a kiosk session, the
// test X server), where wxString's default conversion would mangle Japanese.
#include <string>
#include <wx/string.h>

namespace madoguchi::gui {

inline wxString u8(const std::string& s)
{
    return wxString::FromUTF8(s.data(), s.size());
}
inline std::string utf8(const wxString& s)
{
    return std::string(s.utf8_str());
}

} // namespace madoguchi::gui

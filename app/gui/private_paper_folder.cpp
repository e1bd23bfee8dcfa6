#include "app/gui/private_paper_folder.hpp"

#include "app/gui/wx_text.hpp"

#include <wx/stdpaths.h>

namespace madoguchi::gui {

std::filesystem::path privatePaperFolder(const std::string& kind)
{
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    std::filesystem::path dir =
        std::filesystem::path(utf8(wxStandardPaths::Get().GetUserDir(wxStandardPaths::Dir_Cache))) / "madoguchi" / kind;
    std::filesystem::create_directories(dir);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    return dir;
}

} // namespace madoguchi::gui

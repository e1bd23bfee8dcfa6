#pragma once
// Where the window writes the papers it prints (handouts, booking slips) before the viewer opens
// them: a folder under the user's cache that only this user can read, because each paper carries a
// resident's name. One place for it, so that every printer keeps the same promise.
#include <filesystem>
#include <string>

namespace madoguchi::gui {

// ~/.cache/madoguchi/<kind> (XDG), made if missing, mode 0700.
std::filesystem::path privatePaperFolder(const std::string& kind);

} // namespace madoguchi::gui

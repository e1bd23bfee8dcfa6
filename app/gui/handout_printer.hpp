#pragma once
// Ctrl+P: the resident's handout for a case (reports/handout.hpp) written as a PDF into the
// user's private cache folder and opened with the system's viewer, from which it is printed.
#include "app/gui/desk_context.hpp"

#include <filesystem>
#include <optional>

class wxWindow;

namespace madoguchi::gui {

// Writes the handout; returns its path, or none after telling the clerk why not (error dialog).
// `english`: the English handout, on the resident's request.
std::optional<std::filesystem::path> printHandout(wxWindow* parent, const DeskContext& desk, const Case& c,
                                                  bool english);

} // namespace madoguchi::gui

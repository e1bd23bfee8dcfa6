#pragma once
// What an error dialog says: what happened and what to do, in plain words, chosen by the kind of
// failure (core/common/errors.hpp) rather than by parsing messages.
#include <exception>
#include <string>

namespace madoguchi::gui {

struct ErrorText {
    std::string what;   // 保存できませんでした。
    std::string todo;   // 少し待ってから、もう一度保存してください。
    std::string detail; // the technical message, for the help desk
};

// `action`: what the clerk was doing, already translated ("Saving the case").
ErrorText explain(const std::exception& e, const std::string& action);

} // namespace madoguchi::gui

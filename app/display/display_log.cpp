#include "app/display/display_log.hpp"

#include "core/common/clock.hpp"

namespace madoguchi::display {

void DisplayLog::line(const std::string& text)
{
    std::lock_guard lock(mutex_);
    out_ << now().iso << ' ' << text << std::endl;
}

} // namespace madoguchi::display

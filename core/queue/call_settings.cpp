// The call settings' limits.
#include "core/queue/call_settings.hpp"

#include "core/common/errors.hpp"

#include <string>

namespace madoguchi {

void validate(const CallSettings& s)
{
    if (s.absentMinutes < 0 || s.absentMinutes > kMaxAbsentMinutes)
        throw ValidationError("absent minutes: " + std::to_string(s.absentMinutes) + " is not between 0 and " +
                              std::to_string(kMaxAbsentMinutes));
}

} // namespace madoguchi

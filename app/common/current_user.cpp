#include "app/common/current_user.hpp"

#include <pwd.h>
#include <unistd.h>

namespace madoguchi::app {

std::string currentOsUser()
{
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "uid" + std::to_string(geteuid());
}

} // namespace madoguchi::app

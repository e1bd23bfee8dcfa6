#include "app/common/current_user.hpp"

#include <pwd.h>
#include <unistd.h>

namespace madoguchi::app {

namespace {

std::string osUser()
{
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "uid" + std::to_string(geteuid());
}

} // namespace

std::string currentDesk()
{
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    return std::string(host[0] ? host : "?") + "/" + osUser();
}

} // namespace madoguchi::app

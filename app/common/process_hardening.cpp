#include "app/common/process_hardening.hpp"

#include <sys/prctl.h>

namespace madoguchi::app {

void keepSecretsOutOfCoreDumps()
{
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

bool coreDumpsAllowed()
{
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1;
}

} // namespace madoguchi::app

#pragma once
// Resets a cached statement however the block that used it is left. tryReset, not reset: after a
// failed step (a constraint, a full disk) reset() throws that error again, and a throw from a
// destructor while the first error unwinds would end the program.
#include <SQLiteCpp/Statement.h>

namespace madoguchi::db {

struct StatementReset {
    SQLite::Statement& st;
    ~StatementReset()
    {
        st.tryReset();
        st.clearBindings();
    }
};

} // namespace madoguchi::db

#pragma once
// The audit statements every audited change runs, prepared once per connection (a bulk import
// appends one entry per case).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace madoguchi::db {

struct SqliteAuditStatements {
    explicit SqliteAuditStatements(SQLite::Database& db)
        : head(db, "SELECT seq, hash FROM audit_head WHERE id = 1"),
          insert(db, "INSERT INTO audit_log (seq, at, user, role, action, case_id, detail, prev_hash, hash)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          moveHead(db, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
    {
    }
    SQLite::Statement head, insert, moveHead;
};

} // namespace madoguchi::db

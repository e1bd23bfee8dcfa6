-- Nothing to change: on PostgreSQL, migration 009 has the database write the audit entry for
-- changes made outside the program (the database is the boundary where offices share a server).
-- SQLite stays single-office, the file's mode is its boundary (docs/admin-guide.md). This file
-- keeps the two backends' schema versions in step.
SELECT 1;

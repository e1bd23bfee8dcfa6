-- What an office's database role may do in the case book: read and write cases and their
-- procedure lines, take reception numbers, append history and audit entries — not create, alter
-- or drop anything, and not delete a case (purging old cases is done with the owner's URL). Run by the
-- database owner once the schema exists (the owner's first `madoguchi-cli db check` creates it),
-- once per office role:
--   psql -d madoguchi -v office_role=office_kodaira -f office_role_grants.sql
-- The tests run this very file, so the admin guide's recipe (docs/admin-guide.md) cannot go stale.
-- What the role changes in cases, bookings and users is audited by the database itself, in the
-- role's name, when the program did not write the entry (migration 009). The role is shared by
-- every desk of the office and reads the password hashes to log users in: where offices share a
-- server, give each user a database role of their own instead (docs/admin-guide.md).
GRANT USAGE ON SCHEMA public TO :"office_role";
GRANT SELECT ON schema_version TO :"office_role";
GRANT SELECT, INSERT, UPDATE ON cases, day_counters TO :"office_role";
GRANT SELECT, INSERT, UPDATE ON case_procedures TO :"office_role";
GRANT SELECT, INSERT, DELETE ON case_documents TO :"office_role";
GRANT SELECT, INSERT ON case_history TO :"office_role";
-- Bookings: taken, moved, cancelled and checked in at any window (purged with the owner's URL too).
GRANT SELECT, INSERT, UPDATE ON bookings, booking_counters TO :"office_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"office_role";
-- Logging in, managing users (an admin at the desk), the audit trail and settings.
GRANT SELECT, INSERT, UPDATE ON users, settings TO :"office_role";
GRANT SELECT, INSERT ON audit_log TO :"office_role";
GRANT SELECT, UPDATE ON audit_head TO :"office_role";
-- The issued-card register (supervisors import it and read it for the forecast).
GRANT SELECT, INSERT, UPDATE ON issued_cards TO :"office_role";
-- Failed logins in a row (the delay and the lock of db/login_throttle.hpp).
GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO :"office_role";

-- Each Madoguchi user a PostgreSQL role (docs/admin-guide.md, "Each user a database role"): the
-- group roles of this case book and what each may do, by GRANT. Run by the database owner (who
-- needs CREATEROLE) once the schema exists, and again after an upgrade whose notes say so:
--   psql -d madoguchi -f user_roles.sql
-- The groups are named after the database (<db>_clerk, <db>_supervisor, <db>_admin: two case books
-- on one server keep theirs apart), nested so that each has the grants of the one before it, and
-- all of them are in a role named as the database, which pg_hba.conf's `samerole` matches. From
-- then on `user add/role/disable/enable/passwd` keep each user's role in step (migration 009's
-- madoguchi_sync_user_role) and the desks log in as their user. Nobody's role may read a password
-- hash, change a role except an admin through the program, or change a case, a booking or a user
-- without an audit entry (migration 009 writes one when the program did not). The tests run this
-- very file.
DO $$
DECLARE
    db constant text := current_database();
    clerk constant text := db || '_clerk';
    supervisor constant text := db || '_supervisor';
    admin constant text := db || '_admin';
BEGIN
    IF to_regrole(quote_ident(db)) IS NULL THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', db);
    END IF;
    IF to_regrole(quote_ident(clerk)) IS NULL THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', clerk, db);
    END IF;
    IF to_regrole(quote_ident(supervisor)) IS NULL THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', supervisor, clerk);
    END IF;
    IF to_regrole(quote_ident(admin)) IS NULL THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', admin, supervisor);
    END IF;

    -- A clerk: cases, their procedure lines, documents and history, reception numbers, bookings,
    -- calls; their own row of users without its hash (row-level security: migration 009); the
    -- settings to read; the audit trail to append to (in their own name only) and to verify.
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', db, clerk);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', clerk);
    EXECUTE format('GRANT SELECT ON schema_version, settings TO %I', clerk);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON cases, day_counters, case_procedures, bookings, booking_counters TO %I', clerk);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON case_documents TO %I', clerk);
    EXECUTE format('GRANT SELECT, INSERT ON case_history TO %I', clerk);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', clerk);
    EXECUTE format('GRANT SELECT (name, role, active, created_at) ON users TO %I', clerk);
    EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', clerk);
    EXECUTE format('GRANT SELECT, UPDATE ON audit_head TO %I', clerk);
    EXECUTE format('GRANT EXECUTE ON FUNCTION madoguchi_sync_user_role(text, text, text) TO %I', clerk); -- own password
    -- A supervisor: also the issued-card register (the forecast).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON issued_cards TO %I', supervisor);
    -- An admin: also users (every row; never the hash to read), the settings, purging, and the
    -- failed-login counts an enable clears.
    EXECUTE format('GRANT INSERT (name, role, password_hash, active, created_at), UPDATE (role, active) ON users TO %I', admin);
    EXECUTE format('GRANT INSERT, UPDATE ON settings TO %I', admin);
    EXECUTE format('GRANT DELETE ON cases, bookings TO %I', admin);
    EXECUTE format('GRANT SELECT, DELETE ON login_failures TO %I', admin);
END $$;

-- Failed logins in a row, per typed user name and per desk: the same table and meaning as
-- db/migrations/sqlite/008_login_failures.sql (db/login_throttle.hpp).
CREATE TABLE login_failures (
    key            text    PRIMARY KEY,
    failures       integer NOT NULL,
    last_failed_at text    NOT NULL
);

-- An office's role (office_role_grants.sql) that logs users in keeps doing so after the owner's
-- program migrated, without running the grants again (as migration 006 does for issued_cards).
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT a.grantee::regrole::text AS role
             FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.oid = 'users'::regclass AND a.privilege_type = 'UPDATE'
               AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO %s', r.role);
    END LOOP;
END $$;

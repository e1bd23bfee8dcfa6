-- The issued-card register: the same table and meaning as db/migrations/sqlite/006_issued_cards.sql
-- (pseudonymous: no name, no address, no My Number).
CREATE TABLE issued_cards (
    record_id text PRIMARY KEY,
    birth date NOT NULL,
    card_issued date NOT NULL,
    cert_issued date,
    stay_until date,
    face_auth boolean NOT NULL DEFAULT false,
    updated_at text NOT NULL
);

-- An office's role (office_role_grants.sql) that could append history may keep the register too:
-- an office keeps working after the owner's program migrated, without running the grants again
-- (as migration 003 does for case_procedures).
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT a.grantee::regrole::text AS role
             FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.oid = 'case_history'::regclass AND a.privilege_type = 'INSERT'
               AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON issued_cards TO %s', r.role);
    END LOOP;
END $$;

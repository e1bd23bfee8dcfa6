-- A case is a visit with one or more procedure lines, each with its own status: the same tables
-- and meaning as db/migrations/sqlite/003_visit_procedures.sql.
CREATE TABLE case_procedures (
    case_id   bigint  NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position  integer NOT NULL,  -- 0 for the first line
    procedure text    NOT NULL,
    status    text    NOT NULL,
    -- A visit names each procedure once. The key is also the only index: lines are read by case
    -- (and ordered by position, one to a few rows), so a bulk import writes one b-tree per line.
    PRIMARY KEY (case_id, procedure)
);

INSERT INTO case_procedures (case_id, position, procedure, status) SELECT id, 0, procedure, status FROM cases;

ALTER TABLE case_history ADD COLUMN procedure text;
ALTER TABLE case_history ADD COLUMN kind text NOT NULL DEFAULT 'status';
UPDATE case_history SET kind = 'edit' WHERE from_status = to_status;
UPDATE case_history SET kind = 'reopen' WHERE from_status IN ('done', 'withdrawn') AND to_status <> from_status;
UPDATE case_history h SET procedure = c.procedure FROM cases c
    WHERE c.id = h.case_id AND h.from_status IS NOT NULL AND h.kind <> 'edit';

-- Live refresh from the history: every change to a visit or a line appends an entry, and the entry
-- says what it was (a line moved while the visit's status stayed is still a status change). The
-- payload is "<id> added|status|edited"; NOTIFY drops a payload repeated within one transaction,
-- so a change that moves two lines is announced once. A bulk import sets madoguchi.quiet and
-- announces itself once ("0 many").
DROP TRIGGER cases_notify ON cases;
DROP FUNCTION madoguchi_notify_case();
CREATE FUNCTION madoguchi_notify_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('madoguchi.quiet', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('madoguchi_cases', NEW.case_id::text || ' ' ||
        CASE WHEN NEW.kind = 'edit' THEN 'edited'
             WHEN NEW.from_status IS NULL AND NEW.procedure IS NULL THEN 'added'
             WHEN NEW.from_status IS NULL THEN 'edited'  -- a line added to the visit
             ELSE 'status' END);
    RETURN NULL;
END $$;
CREATE TRIGGER case_history_notify AFTER INSERT ON case_history
    FOR EACH ROW EXECUTE FUNCTION madoguchi_notify_history();

-- An office's role (office_role_grants.sql) that could append history may keep lines too: an
-- office keeps working after the owner's program migrated, without running the grants again.
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT a.grantee::regrole::text AS role
             FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.oid = 'case_history'::regclass AND a.privilege_type = 'INSERT'
               AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON case_procedures TO %s', r.role);
    END LOOP;
END $$;

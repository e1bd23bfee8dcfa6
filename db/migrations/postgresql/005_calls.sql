-- Calling residents to a window: the same columns and meaning as db/migrations/sqlite/005_calls.sql,
-- and what the hall's display may read (db/postgresql/display_role_grants.sql): three views of
-- reception numbers, windows, times and procedure ids, nothing else of a case.
ALTER TABLE cases ADD COLUMN called_at text;
ALTER TABLE cases ADD COLUMN call_window text;
ALTER TABLE cases ADD COLUMN back_at text;
ALTER TABLE case_history ADD COLUMN "window" text;

-- Live refresh: a call is announced as "<id> called" (before, an entry without `from` nor
-- procedure was a reception).
CREATE OR REPLACE FUNCTION madoguchi_notify_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('madoguchi.quiet', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('madoguchi_cases', NEW.case_id::text || ' ' ||
        CASE WHEN NEW.kind = 'edit' THEN 'edited'
             WHEN NEW.kind IN ('called', 'called-again', 'absent') THEN 'called'
             WHEN NEW.from_status IS NULL AND NEW.procedure IS NULL THEN 'added'
             WHEN NEW.from_status IS NULL THEN 'edited'  -- a line added to the visit
             ELSE 'status' END);
    RETURN NULL;
END $$;

-- The hall's views: owned by the schema's owner, so a role granted SELECT on them reads these
-- columns without any right on the tables (no name, birth date, address, clerk or reason).
CREATE VIEW hall_visits AS
    SELECT c.office, c.day, c.reception_number, c.created_at AS received_at, c.status,
           c.called_at, c.call_window, c.back_at,
           array_to_string(ARRAY(SELECT p.position || ':' || p.procedure || ':' || p.status FROM case_procedures p
                                 WHERE p.case_id = c.id ORDER BY p.position), ' ') AS lines
    FROM cases c
    WHERE c.day BETWEEN current_date - 1 AND current_date + 1; -- today, wherever the server's clock is
CREATE VIEW hall_calls AS
    SELECT h.id AS seq, c.office, c.day, c.reception_number, h."window", h.at, h.kind
    FROM case_history h JOIN cases c ON c.id = h.case_id
    WHERE h.kind IN ('called', 'called-again', 'absent') AND c.day BETWEEN current_date - 1 AND current_date + 1;
CREATE VIEW hall_settings AS
    SELECT key, value FROM settings WHERE key LIKE 'call.%';

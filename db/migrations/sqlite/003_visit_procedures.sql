-- A case is a visit with one or more procedure lines, each with its own status (core/cases/case.hpp).
-- cases.procedure stays the first line's and cases.status the visit's (derived from the lines by
-- core/cases/visit.hpp), kept in step by the store for the indexes and for older readers.
CREATE TABLE case_procedures (
    case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,  -- 0 for the first line
    procedure TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    -- A visit names each procedure once. The key is also the only index: lines are read by case
    -- (and ordered by position, one to a few rows), so a bulk import writes one b-tree per line.
    PRIMARY KEY (case_id, procedure)
) WITHOUT ROWID;

-- Every existing case is a visit of its one procedure, at its status.
INSERT INTO case_procedures (case_id, position, procedure, status) SELECT id, 0, procedure, status FROM cases;

-- The line an entry concerns (NULL: the whole visit — its reception, an edit) and what it records
-- (core/cases/history_kind.hpp: status, edit, reopen).
ALTER TABLE case_history ADD COLUMN procedure TEXT;
ALTER TABLE case_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'status';
-- Before, an edit was the one entry from a status to itself, and a reopening the one move out of a
-- closed status; every move concerned the case's only procedure.
UPDATE case_history SET kind = 'edit' WHERE from_status = to_status;
UPDATE case_history SET kind = 'reopen' WHERE from_status IN ('done', 'withdrawn') AND to_status <> from_status;
UPDATE case_history SET procedure = (SELECT c.procedure FROM cases c WHERE c.id = case_history.case_id)
    WHERE from_status IS NOT NULL AND kind <> 'edit';

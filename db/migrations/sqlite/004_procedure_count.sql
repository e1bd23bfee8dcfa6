-- How many procedure lines a visit has, kept in step by the store with its lines: a list row reads
-- the lines of a visit of several procedures only — most visits have one, and that line is
-- `procedure` at `status` (core/cases/visit.hpp: a visit of one line has its line's status).
ALTER TABLE cases ADD COLUMN procedure_count INTEGER NOT NULL DEFAULT 1;
UPDATE cases SET procedure_count = (SELECT count(*) FROM case_procedures p WHERE p.case_id = cases.id)
    WHERE id IN (SELECT case_id FROM case_procedures GROUP BY case_id HAVING count(*) > 1);

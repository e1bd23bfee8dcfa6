-- How many procedure lines a visit has: the same column and meaning as
-- db/migrations/sqlite/004_procedure_count.sql.
ALTER TABLE cases ADD COLUMN procedure_count integer NOT NULL DEFAULT 1;
UPDATE cases c SET procedure_count = n.count
    FROM (SELECT case_id, count(*) AS count FROM case_procedures GROUP BY case_id HAVING count(*) > 1) n
    WHERE n.case_id = c.id;

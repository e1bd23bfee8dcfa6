-- The two-visit route (照会書方式, issue #14): a procedure line at 照会書回答待ち (awaiting-answer)
-- keeps the day the inquiry letter was mailed to the principal (ISO date), and keeps it once the
-- line moves on at the second visit. NULL for every other line. (009 is PostgreSQL's alone.)
ALTER TABLE case_procedures ADD COLUMN mailed_on TEXT;

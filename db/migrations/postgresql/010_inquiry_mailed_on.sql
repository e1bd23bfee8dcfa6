-- The inquiry letter's mailing day of a procedure line: the same column and meaning as
-- db/migrations/sqlite/010_inquiry_mailed_on.sql (照会書回答待ち, issue #14).
ALTER TABLE case_procedures ADD COLUMN mailed_on date;

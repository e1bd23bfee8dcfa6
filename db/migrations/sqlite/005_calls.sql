-- Calling residents to a window (db/call_rules.hpp). The visit's standing call is kept on its row,
-- so that the queue (today's visits at 受付 not called now) is read from `cases` alone; every call
-- is also a history entry (kind called, called-again or absent) naming its window.
ALTER TABLE cases ADD COLUMN called_at TEXT;    -- the latest call began (NULL: never called)
ALTER TABLE cases ADD COLUMN call_window TEXT;  -- the window of the latest call
ALTER TABLE cases ADD COLUMN back_at TEXT;      -- "not here": waits in the queue again from then (NULL: called now)
ALTER TABLE case_history ADD COLUMN "window" TEXT; -- a call's window; NULL for every other entry

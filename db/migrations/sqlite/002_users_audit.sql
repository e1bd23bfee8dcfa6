-- Users of the program, the hash-chained audit trail and the few settings an admin keeps.
CREATE TABLE users (
    name          TEXT    PRIMARY KEY,
    role          TEXT    NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_hash TEXT    NOT NULL,  -- Argon2id string from crypto_pwhash_str (salt and limits inside)
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL
) WITHOUT ROWID;

-- No foreign key to cases: the trail outlives a purged case. No personal data: case ids, action
-- names, status ids. seq is the chain order; hash covers the row and prev_hash
-- (core/security/audit_chain.hpp).
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    user      TEXT    NOT NULL,
    role      TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    case_id   INTEGER,
    detail    TEXT    NOT NULL DEFAULT '',
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);
CREATE INDEX audit_log_by_day ON audit_log (substr(at, 1, 10), seq);
CREATE INDEX audit_log_by_case ON audit_log (case_id, seq);

-- The last entry, kept apart so that removing entries from the end of the log is seen too.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

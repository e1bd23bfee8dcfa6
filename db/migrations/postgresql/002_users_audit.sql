-- Users of the program, the hash-chained audit trail and the few settings an admin keeps: the same
-- tables and meaning as db/migrations/sqlite/002_users_audit.sql.
CREATE TABLE users (
    name          text    PRIMARY KEY,
    role          text    NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_hash text    NOT NULL,  -- Argon2id string from crypto_pwhash_str (salt and limits inside)
    active        boolean NOT NULL DEFAULT true,
    created_at    text    NOT NULL
);

-- No foreign key to cases: the trail outlives a purged case. No personal data: case ids, action
-- names, status ids. seq is the chain order; hash covers the row and prev_hash
-- (core/security/audit_chain.hpp).
CREATE TABLE audit_log (
    seq       bigint PRIMARY KEY,
    at        text   NOT NULL,
    user_name text   NOT NULL,
    role      text   NOT NULL,
    action    text   NOT NULL,
    case_id   bigint,
    detail    text   NOT NULL DEFAULT '',
    prev_hash text   NOT NULL,
    hash      text   NOT NULL
);
CREATE INDEX audit_log_by_day ON audit_log (substr(at, 1, 10), seq);
CREATE INDEX audit_log_by_case ON audit_log (case_id, seq);

-- The last entry, kept apart so that removing entries from the end of the log is seen too. Every
-- audited change locks this row (SELECT … FOR UPDATE) to append: windows take turns at the end of
-- the chain, and it is always the last lock a transaction takes, so no two wait on each other.
CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint  NOT NULL,
    hash text    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

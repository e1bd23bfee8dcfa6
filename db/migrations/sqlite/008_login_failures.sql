-- Failed logins in a row, per typed user name ("name:" and a digest of it) and per desk ("desk:host/osuser"),
-- for the growing delay and the lock of db/login_throttle.hpp (issue #20). A success deletes the
-- name's and the desk's row. No password, nothing of a resident.
CREATE TABLE login_failures (
    key            TEXT    PRIMARY KEY,
    failures       INTEGER NOT NULL,
    last_failed_at TEXT    NOT NULL
) WITHOUT ROWID;

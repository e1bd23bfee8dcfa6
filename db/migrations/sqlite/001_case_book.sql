-- The case book. Dates are ISO text (YYYY-MM-DD), timestamps ISO with UTC offset.
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    office           TEXT    NOT NULL,
    day              TEXT    NOT NULL,  -- the office day the case was received
    seq              INTEGER NOT NULL,  -- the day's sequence behind the reception number
    reception_number TEXT    NOT NULL,
    procedure        TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    window           TEXT    NOT NULL DEFAULT '',
    clerk            TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    name             TEXT    NOT NULL,
    kana             TEXT    NOT NULL,
    name_folded      TEXT    NOT NULL,  -- search_fold.hpp: width, kana script, case and spaces folded
    kana_folded      TEXT    NOT NULL,
    birth            TEXT    NOT NULL,
    sex              TEXT    NOT NULL DEFAULT 'not-known',
    address          TEXT    NOT NULL DEFAULT '',
    foreign_resident INTEGER NOT NULL DEFAULT 0,
    stay_until       TEXT,
    moved_in         TEXT,
    applicant        TEXT    NOT NULL DEFAULT 'principal',
    proxy_name       TEXT    NOT NULL DEFAULT '',
    proxy_relation   TEXT    NOT NULL DEFAULT '',
    fee_yen          INTEGER NOT NULL DEFAULT 0,
    notes            TEXT    NOT NULL DEFAULT '',
    UNIQUE (office, day, seq)
);
-- The day's list is served by the UNIQUE (office, day, seq) index.
CREATE INDEX cases_by_birth ON cases (birth);
CREATE INDEX cases_by_kana ON cases (kana_folded);
CREATE INDEX cases_by_status ON cases (status, day);

CREATE TABLE case_documents (
    case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT    NOT NULL,
    checked  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE case_history (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX case_history_by_case ON case_history (case_id, id);

-- Substring search over the folded name and kana. Trigrams serve queries of three characters or
-- more; the single-character index (each character a token, "山 田 太 郎") serves one- and
-- two-character queries as phrase queries, which a trigram index cannot answer.
-- Neither keeps a copy of the text (the trigram table reads `cases`, the character table is
-- contentless) nor column sizes (no ranking is done): fewer writes per case.
CREATE VIRTUAL TABLE case_search_trigram USING fts5 (
    name_folded, kana_folded, content = 'cases', content_rowid = 'id', tokenize = 'trigram', columnsize = 0);
CREATE VIRTUAL TABLE case_search_chars USING fts5 (
    name_chars, kana_chars, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0');
-- Merge index segments less eagerly: a busy day's inserts and bulk imports write less.
INSERT INTO case_search_trigram (case_search_trigram, rank) VALUES ('automerge', 8);
INSERT INTO case_search_chars (case_search_chars, rank) VALUES ('automerge', 8);

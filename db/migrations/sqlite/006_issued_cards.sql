-- The issued-card register (core/register/issued_card.hpp, issue #18): what the office knows of
-- each card it handed over, for the renewal forecast. Pseudonymous: a record id, dates and the
-- face-auth flag — no name, no address, no My Number. ISO dates as text, like the cases' dates.
CREATE TABLE issued_cards (
    record_id TEXT PRIMARY KEY,
    birth TEXT NOT NULL,
    card_issued TEXT NOT NULL,
    cert_issued TEXT,
    stay_until TEXT,
    face_auth INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

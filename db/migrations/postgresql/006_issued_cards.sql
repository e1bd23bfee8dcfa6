-- The issued-card register: the same table and meaning as db/migrations/sqlite/006_issued_cards.sql
-- (pseudonymous: no name, no address, no My Number).
CREATE TABLE issued_cards (
    record_id text PRIMARY KEY,
    birth date NOT NULL,
    card_issued date NOT NULL,
    cert_issued date,
    stay_until date,
    face_auth boolean NOT NULL DEFAULT false,
    updated_at text NOT NULL
);

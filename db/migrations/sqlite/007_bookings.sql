-- The booking book (予約, core/bookings/booking.hpp): appointments made by phone, at the counter or
-- imported from the booking service, and the visit each became at check-in. A booking holds no My
-- Number and no address. Its start is the office's wall-clock time: the day and the minute of the
-- day (10:15 = 615); its length and kind of work are those it was booked (or last moved) with.
CREATE TABLE bookings (
    id             INTEGER PRIMARY KEY,
    office         TEXT    NOT NULL,
    seq            INTEGER NOT NULL,  -- behind the booking number (Y-000123), per office
    booking_number TEXT    NOT NULL,
    day            TEXT    NOT NULL,  -- YYYY-MM-DD
    start_minute   INTEGER NOT NULL,
    minutes        INTEGER NOT NULL,
    kind           TEXT    NOT NULL,  -- the kind of work whose windows it takes
    procedures     TEXT    NOT NULL,  -- "pin-reset,cert-renewal": the visit's procedures in order
    procedure      TEXT    NOT NULL,  -- the first of them
    applicant      TEXT    NOT NULL DEFAULT 'principal',
    name           TEXT    NOT NULL,
    kana           TEXT    NOT NULL,
    name_folded    TEXT    NOT NULL,  -- search_fold.hpp: any script and width finds it
    kana_folded    TEXT    NOT NULL,
    birth          TEXT,
    phone          TEXT    NOT NULL DEFAULT '',
    phone_digits   TEXT    NOT NULL DEFAULT '',  -- the phone's digits only, for search
    language       TEXT    NOT NULL DEFAULT 'ja',
    notes          TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL,  -- counter, phone, import
    external_id    TEXT,              -- the booking service's id (import only)
    state          TEXT    NOT NULL DEFAULT 'booked',
    cancel_reason  TEXT    NOT NULL DEFAULT '',
    case_id        INTEGER REFERENCES cases (id) ON DELETE SET NULL,
    arrived_at     TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (office, seq),
    UNIQUE (office, external_id)
);
-- The day's bookings as capacity reads them, straight off the index (no table lookup).
CREATE INDEX bookings_by_day ON bookings (office, day, state, start_minute, minutes, kind);
CREATE INDEX bookings_by_kana ON bookings (kana_folded);
CREATE INDEX bookings_by_phone ON bookings (phone_digits);

-- A visit opened by checking a booking in: which booking, and the time it was booked for (kept on
-- the case, so the queue can order booked residents by their time even after the booking is
-- purged). NULL for a walk-in.
ALTER TABLE cases ADD COLUMN booking_id INTEGER REFERENCES bookings (id) ON DELETE SET NULL;
ALTER TABLE cases ADD COLUMN booked_start TEXT;

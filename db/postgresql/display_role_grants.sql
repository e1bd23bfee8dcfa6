-- What the waiting hall's display (madoguchi-display) may read of the case book: the three hall
-- views of migration 005 — reception numbers, windows, times, statuses and procedure ids of the
-- last days' visits, their calls, the call settings — and the schema version. No table: not a
-- name, a birth date, an address, a clerk or a reason; and nothing to write. Run by the database
-- owner once per display role (it may LISTEN for live refresh, which needs no grant):
--   psql -d madoguchi -v display_role=hall_kodaira -f display_role_grants.sql
-- The tests run this very file (docs/admin-guide.md, "The waiting-hall display").
GRANT USAGE ON SCHEMA public TO :"display_role";
GRANT SELECT ON schema_version, hall_visits, hall_calls, hall_settings TO :"display_role";

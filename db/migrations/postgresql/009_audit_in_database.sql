-- The database writes the audit entry itself (issue #20, "the database is the boundary"): every
-- change to a case (its procedure lines, documents and history), a booking or a user leaves an
-- entry in the hash chain in the same transaction, whoever makes it — the program, or psql with a
-- desk's credentials. The program's own entries stay as they are (they say more: "received→done");
-- at commit, a deferred trigger on each changed row looks for an entry of the same transaction
-- about that row, and appends one only when there is none. The entry is chained exactly as
-- core/security/audit_chain.cpp chains it (BLAKE2b-256 over length-prefixed fields), so
-- `db verify-audit` checks it like any other. PostgreSQL only: on SQLite the file's mode is the
-- boundary (migration 009 there changes nothing).

-- BLAKE2b with a 32-byte digest (RFC 7693), as libsodium's crypto_generichash(…, 32) computes it.
-- PostgreSQL has no BLAKE2b of that size (pgcrypto's digest() knows blake2b512 only, and is not
-- always installed); the entries are short (two or three 128-byte blocks), so PL/pgSQL will do.
-- 64-bit words are bigints: additions are done in 32-bit halves (a bigint + must not overflow),
-- rotations with masked shifts (>> is arithmetic).
CREATE FUNCTION madoguchi_add64(a bigint, b bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (((a >> 32) + (b >> 32) + (((a & 4294967295) + (b & 4294967295)) >> 32)) << 32)
           | (((a & 4294967295) + (b & 4294967295)) & 4294967295)
$$;

CREATE FUNCTION madoguchi_rotr64(x bigint, n integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ((x >> n) & ((1::bigint << (64 - n)) - 1)) | (x << (64 - n))
$$;

CREATE FUNCTION madoguchi_blake2b256(msg bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    iv constant bigint[] := ARRAY[
        x'6a09e667f3bcc908'::bigint, x'bb67ae8584caa73b'::bigint, x'3c6ef372fe94f82b'::bigint,
        x'a54ff53a5f1d36f1'::bigint, x'510e527fade682d1'::bigint, x'9b05688c2b3e6c1f'::bigint,
        x'1f83d9abfb41bd6b'::bigint, x'5be0cd19137e2179'::bigint];
    sigma constant integer[] := ARRAY[
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0];
    -- The eight G applications of a round: four columns, then four diagonals (0-based words).
    lanes constant integer[] := ARRAY[
        0, 4, 8, 12,  1, 5, 9, 13,  2, 6, 10, 14,  3, 7, 11, 15,
        0, 5, 10, 15,  1, 6, 11, 12,  2, 7, 8, 13,  3, 4, 9, 14];
    h bigint[] := iv;
    v bigint[];
    m bigint[];
    total integer := length(msg);
    done integer := 0;
    last boolean;
    block bytea;
    w bigint;
    a integer; b integer; c integer; d integer; s integer;
    x bigint; y bigint;
    out text := '';
BEGIN
    h[1] := h[1] # x'0000000001010020'::bigint; -- no key, 32-byte digest
    LOOP
        last := total - done <= 128;
        block := substring(msg FROM done + 1 FOR 128);
        done := done + length(block);
        IF length(block) < 128 THEN
            block := block || decode(repeat('00', 128 - length(block)), 'hex');
        END IF;
        m := ARRAY[]::bigint[];
        FOR i IN 0..15 LOOP
            w := 0;
            FOR j IN 0..7 LOOP
                w := w | (get_byte(block, i * 8 + j)::bigint << (8 * j));
            END LOOP;
            m := m || w;
        END LOOP;
        v := h || iv;
        v[13] := v[13] # done::bigint;
        IF last THEN
            v[15] := ~v[15];
        END IF;
        FOR r IN 0..11 LOOP
            s := (r % 10) * 16;
            FOR g IN 0..7 LOOP
                a := lanes[g * 4 + 1] + 1; b := lanes[g * 4 + 2] + 1;
                c := lanes[g * 4 + 3] + 1; d := lanes[g * 4 + 4] + 1;
                x := m[sigma[s + g * 2 + 1] + 1];
                y := m[sigma[s + g * 2 + 2] + 1];
                v[a] := madoguchi_add64(madoguchi_add64(v[a], v[b]), x);
                v[d] := madoguchi_rotr64(v[d] # v[a], 32);
                v[c] := madoguchi_add64(v[c], v[d]);
                v[b] := madoguchi_rotr64(v[b] # v[c], 24);
                v[a] := madoguchi_add64(madoguchi_add64(v[a], v[b]), y);
                v[d] := madoguchi_rotr64(v[d] # v[a], 16);
                v[c] := madoguchi_add64(v[c], v[d]);
                v[b] := madoguchi_rotr64(v[b] # v[c], 63);
            END LOOP;
        END LOOP;
        FOR i IN 1..8 LOOP
            h[i] := h[i] # v[i] # v[i + 8];
        END LOOP;
        EXIT WHEN last;
    END LOOP;
    FOR i IN 1..4 LOOP
        FOR j IN 0..7 LOOP
            out := out || lpad(to_hex((h[i] >> (8 * j)) & 255), 2, '0');
        END LOOP;
    END LOOP;
    RETURN out;
END $$;

-- One field as audit_chain.cpp's absorb() feeds it: its length in bytes as 8 bytes little-endian,
-- then its UTF-8 bytes.
CREATE FUNCTION madoguchi_audit_field(field text) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    bytes bytea := convert_to(field, 'UTF8');
    n bigint := length(bytes);
    len bytea := '';
BEGIN
    FOR i IN 0..7 LOOP
        len := len || decode(lpad(to_hex((n >> (8 * i)) & 255), 2, '0'), 'hex');
    END LOOP;
    RETURN len || bytes;
END $$;

-- computeAuditHash() of core/security/audit_chain.cpp.
CREATE FUNCTION madoguchi_audit_hash(at text, user_name text, role text, action text, case_id bigint,
                                     detail text, prev_hash text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT madoguchi_blake2b256(
        madoguchi_audit_field('madoguchi-audit-v1') || madoguchi_audit_field(at) ||
        madoguchi_audit_field(user_name) || madoguchi_audit_field(role) || madoguchi_audit_field(action) ||
        madoguchi_audit_field(coalesce(case_id::text, '-')) || madoguchi_audit_field(detail) ||
        madoguchi_audit_field(prev_hash))
$$;

-- Which transaction wrote an entry, and what it is about besides its case ("booking 42",
-- "user sato", "purge"): stamped by the database on every insert (an inserter cannot choose them),
-- not part of the hash. Entries written before this migration have neither.
ALTER TABLE audit_log ADD COLUMN xact bigint;
ALTER TABLE audit_log ADD COLUMN subject text;
CREATE INDEX audit_log_by_xact_case ON audit_log (xact, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_by_xact_subject ON audit_log (xact, subject) WHERE subject IS NOT NULL;

-- Each Madoguchi user a PostgreSQL role (docs/admin-guide.md, "Each user a database role"). The
-- groups are named after the database — <db>_clerk, <db>_supervisor, <db>_admin, nested so that
-- each has the grants of the one before it, all in a role named as the database (pg_hba.conf's
-- `samerole`) — and db/postgresql/user_roles.sql creates them with their grants. Until it has run
-- (an office's shared role, as before) none of what follows changes anything.
CREATE FUNCTION madoguchi_group(kind text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT current_database() || '_' || kind
$$;

-- The session's role in the program when it logged in as a Madoguchi user (a member of one of the
-- groups), else NULL: the owner, a superuser (a member of every role, but no user), an office's role.
CREATE FUNCTION madoguchi_session_role() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    kind text;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RETURN NULL;
    END IF;
    FOREACH kind IN ARRAY ARRAY['admin', 'supervisor', 'clerk'] LOOP
        IF to_regrole(quote_ident(madoguchi_group(kind))) IS NOT NULL
           AND pg_has_role(session_user, madoguchi_group(kind), 'MEMBER') THEN
            RETURN kind;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- A user sees their own row of users, an admin every row; the owner and an office's shared role
-- (no user of the program) as before. The password hash is in no group's column grants at all.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_own_row ON users
    USING (madoguchi_session_role() IS NULL OR madoguchi_session_role() = 'admin' OR name = session_user);

-- An entry names who wrote it: a user's session writes entries as itself, with its group's role —
-- a clerk cannot put an entry in an admin's name.
CREATE FUNCTION madoguchi_audit_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    writer_role text := madoguchi_session_role();
BEGIN
    IF writer_role IS NOT NULL AND (NEW.user_name IS DISTINCT FROM session_user OR NEW.role IS DISTINCT FROM writer_role) THEN
        RAISE EXCEPTION 'audit entries are written in the name of who writes them: % (%), not % (%)',
            session_user, writer_role, NEW.user_name, NEW.role USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.xact := txid_current();
    NEW.subject := CASE
        WHEN NEW.action = 'retention.purge' THEN 'purge'
        WHEN NEW.action = 'search.refold' THEN 'refold'
        WHEN NEW.action LIKE 'booking.%' THEN split_part(NEW.detail, ';', 1)
        WHEN NEW.action LIKE 'user.%' THEN 'user ' || split_part(NEW.detail, ' ', 1)
    END;
    RETURN NEW;
END $$;

CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_stamp();

-- Appends one entry at the end of the chain, as db/postgresql/postgres_audit_log.cpp does: the
-- head locked (the last lock the transaction takes), the entry sealed with the head's hash. The
-- actor is the session's login role and that user's role in the program (or "database" for a role
-- that is no user's: an office's shared role, the owner). The time is the session's local time,
-- as the program writes it (2026-12-02T10:05:00+09:00): the database's timezone setting should be
-- the office's (docs/admin-guide.md).
CREATE FUNCTION madoguchi_audit_append(entry_action text, entry_case bigint, entry_detail text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    head record;
    actor text := session_user;
    actor_role text;
    at text := to_char(clock_timestamp(), 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM');
    entry_hash text;
BEGIN
    actor_role := madoguchi_session_role();
    IF actor_role IS NULL THEN
        SELECT role INTO actor_role FROM users WHERE name = actor;
    END IF;
    actor_role := coalesce(actor_role, 'database');
    SELECT seq, hash INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
    entry_hash := madoguchi_audit_hash(at, actor, actor_role, entry_action, entry_case, entry_detail, head.hash);
    INSERT INTO audit_log (seq, at, user_name, role, action, case_id, detail, prev_hash, hash)
        VALUES (head.seq + 1, at, actor, actor_role, entry_action, entry_case, entry_detail, head.hash, entry_hash);
    UPDATE audit_head SET seq = head.seq + 1, hash = entry_hash WHERE id = 1;
END $$;
REVOKE ALL ON FUNCTION madoguchi_audit_append(text, bigint, text) FROM PUBLIC;

-- At commit, for each changed row of cases, case_procedures, case_documents, case_history,
-- bookings and users: an entry of this transaction about it (its case id, its booking, its user,
-- or a purge), else one written now, naming the table, the kind of change and the columns changed
-- (names only: no resident's data in the trail).
CREATE FUNCTION madoguchi_audit_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    me bigint := txid_current();
    row_now jsonb;
    row_before jsonb;
    about_case bigint;
    about text;
    what text;
    changed text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_now := to_jsonb(OLD);
    ELSE
        row_now := to_jsonb(NEW);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        row_before := to_jsonb(OLD);
        SELECT string_agg(k, ', ' ORDER BY k) INTO changed
            FROM jsonb_object_keys(row_now) AS k WHERE row_now -> k IS DISTINCT FROM row_before -> k;
    END IF;
    -- A purge's entry covers what it deletes, and the links to the deleted rows it clears.
    IF (TG_OP = 'DELETE' OR changed IN ('booking_id', 'case_id'))
       AND EXISTS (SELECT 1 FROM audit_log WHERE xact = me AND subject = 'purge') THEN
        RETURN NULL;
    END IF;
    -- Only the search columns folded again (a program of a newer fold, on opening the book): one
    -- entry for the whole transaction, as they hold nothing a user typed.
    IF TG_OP = 'UPDATE' AND changed IS NOT NULL
       AND string_to_array(changed, ', ') <@ ARRAY['grams', 'kana_folded', 'name_folded'] THEN
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE xact = me AND subject = 'refold') THEN
            PERFORM madoguchi_audit_append('search.refold', NULL, 'search columns folded again');
        END IF;
        RETURN NULL;
    END IF;
    what := 'in the database: ' || TG_OP || ' ' || TG_TABLE_NAME ||
            CASE WHEN changed IS NULL THEN '' ELSE ' (' || changed || ')' END;
    IF TG_TABLE_NAME = 'bookings' THEN
        about := 'booking ' || (row_now ->> 'id');
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE xact = me AND subject = about) THEN
            PERFORM madoguchi_audit_append('booking.change', NULL, about || '; ' || what);
        END IF;
    ELSIF TG_TABLE_NAME = 'users' THEN
        about := 'user ' || (row_now ->> 'name');
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE xact = me AND subject = about) THEN
            PERFORM madoguchi_audit_append('user.change', NULL, (row_now ->> 'name') || ' ' || what);
        END IF;
        -- An admin's change made with psql reaches the user's database role too.
        IF TG_OP <> 'DELETE' AND madoguchi_session_role() = 'admin' THEN
            PERFORM madoguchi_sync_user_role(row_now ->> 'name', NULL, NULL);
        END IF;
    ELSE
        about_case := CASE WHEN TG_TABLE_NAME = 'cases' THEN row_now ->> 'id' ELSE row_now ->> 'case_id' END;
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE xact = me AND case_id = about_case) THEN
            PERFORM madoguchi_audit_append('case.change', about_case, what);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER cases_audited AFTER INSERT OR UPDATE OR DELETE ON cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
CREATE CONSTRAINT TRIGGER case_procedures_audited AFTER INSERT OR UPDATE OR DELETE ON case_procedures
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
CREATE CONSTRAINT TRIGGER case_documents_audited AFTER INSERT OR UPDATE OR DELETE ON case_documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
CREATE CONSTRAINT TRIGGER case_history_audited AFTER INSERT OR UPDATE OR DELETE ON case_history
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
CREATE CONSTRAINT TRIGGER bookings_audited AFTER INSERT OR UPDATE OR DELETE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
CREATE CONSTRAINT TRIGGER users_audited AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_check();
-- Keeps a user's database role in step with their row of users (run after the row is written, in
-- the same transaction): the role exists, may log in while the account is on, is in exactly the
-- group of its role, and — when given — gets the new password as a SCRAM-SHA-256 verifier the
-- program computed (PQencryptPasswordConn: the clear password never reaches the server) and the
-- row the new Argon2id hash. Owned by the schema owner, who needs CREATEROLE. Allowed to an admin,
-- the owner, a superuser, and to a user for their own password.
CREATE FUNCTION madoguchi_sync_user_role(user_name text, argon_hash text, scram_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    u record;
    existing oid;
    ours boolean := false;
    kind text;
    in_group boolean;
    owner_name text := (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                        WHERE c.oid = 'users'::regclass);
BEGIN
    IF NOT (madoguchi_session_role() = 'admin' OR session_user = owner_name
            OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
            OR (user_name = session_user AND scram_verifier IS NOT NULL)) THEN
        RAISE EXCEPTION 'only an admin manages users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO u FROM users WHERE name = user_name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user %', user_name USING ERRCODE = 'no_data_found';
    END IF;
    IF user_name = session_user AND madoguchi_session_role() IS DISTINCT FROM 'admin' THEN
        -- one's own password only: role and state are left as they are
        u.role := madoguchi_session_role();
        u.active := true;
    END IF;
    IF argon_hash IS NOT NULL THEN
        UPDATE users SET password_hash = argon_hash WHERE name = user_name;
    END IF;
    IF to_regrole(quote_ident(madoguchi_group('admin'))) IS NULL THEN
        RETURN; -- no groups: the desks log in through an office's role
    END IF;
    existing := to_regrole(quote_ident(user_name));
    IF existing IS NULL THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', user_name);
        existing := to_regrole(quote_ident(user_name));
        ours := true;
    ELSE
        FOREACH kind IN ARRAY ARRAY['clerk', 'supervisor', 'admin'] LOOP
            ours := ours OR EXISTS (SELECT 1 FROM pg_auth_members
                                    WHERE roleid = to_regrole(quote_ident(madoguchi_group(kind))) AND member = existing);
        END LOOP;
        IF NOT ours OR (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE oid = existing) THEN
            RAISE EXCEPTION 'the database already has a role % that is not a user of this case book; choose another name',
                user_name USING ERRCODE = 'duplicate_object';
        END IF;
    END IF;
    FOREACH kind IN ARRAY ARRAY['clerk', 'supervisor', 'admin'] LOOP
        in_group := EXISTS (SELECT 1 FROM pg_auth_members
                          WHERE roleid = to_regrole(quote_ident(madoguchi_group(kind))) AND member = existing);
        IF kind = u.role AND NOT in_group THEN
            EXECUTE format('GRANT %I TO %I', madoguchi_group(kind), user_name);
        ELSIF kind <> u.role AND in_group THEN
            EXECUTE format('REVOKE %I FROM %I', madoguchi_group(kind), user_name);
        END IF;
    END LOOP;
    EXECUTE format('ALTER ROLE %I %s', user_name, CASE WHEN u.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    IF scram_verifier IS NOT NULL THEN
        IF scram_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
            RAISE EXCEPTION 'a password reaches the database as a SCRAM-SHA-256 verifier only'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L', user_name, scram_verifier);
    END IF;
END $$;
REVOKE ALL ON FUNCTION madoguchi_sync_user_role(text, text, text) FROM PUBLIC;

-- The append-only timeline of every verification: each status change, and notes.
-- A row with from_status = to_status is a note: something happened that changed no status
-- (a user's return, a query result that arrived after the final status: cause LATE_RESULT, ...).
-- The first row of a verification has from_status NULL and to_status RECEIVED.

CREATE TABLE verification_transitions (
    id              bigserial   PRIMARY KEY,
    verification_id uuid        NOT NULL REFERENCES verifications (id),
    from_status     text        CHECK (from_status IN ('RECEIVED', 'INITIALIZING', 'AWAITING_USER',
                                    'PASSED', 'FAILED', 'EXPIRED', 'REJECTED', 'DEAD_LETTERED')),
    to_status       text        NOT NULL CHECK (to_status IN ('RECEIVED', 'INITIALIZING', 'AWAITING_USER',
                                    'PASSED', 'FAILED', 'EXPIRED', 'REJECTED', 'DEAD_LETTERED')),
    cause           text        NOT NULL CHECK (cause ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    -- which service (and instance) wrote it, e.g. worker@host-1
    source          text        NOT NULL CHECK (length(source) BETWEEN 1 AND 256),
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    details         jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
    CONSTRAINT verification_transitions_start_received CHECK (from_status IS NOT NULL OR to_status = 'RECEIVED')
);

CREATE INDEX verification_transitions_timeline ON verification_transitions (verification_id, id);

COMMENT ON TABLE verification_transitions IS
    'Append-only: UPDATE, DELETE and TRUNCATE are refused. from_status = to_status marks a note that changed no status.';

-- History is evidence: nobody rewrites it, not even by mistake.
CREATE FUNCTION refuse_timeline_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'verification_transitions is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER verification_transitions_append_only
    BEFORE UPDATE OR DELETE ON verification_transitions
    FOR EACH ROW EXECUTE FUNCTION refuse_timeline_rewrite();

CREATE TRIGGER verification_transitions_no_truncate
    BEFORE TRUNCATE ON verification_transitions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_timeline_rewrite();

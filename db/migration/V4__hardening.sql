-- Ops replays are asked for in the database, bound to the version of the dead-lettered row: a
-- record on verification-requests alone (which any producer could write, or a broker could
-- redeliver) never resumes a DEAD_LETTERED verification. Kept as the audit of who replayed what.
CREATE TABLE replay_requests (
    verification_id uuid        NOT NULL REFERENCES verifications (id),
    version         bigint      NOT NULL CHECK (version >= 0),
    requested_by    text        NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 256),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (verification_id, version)
);

COMMENT ON TABLE replay_requests IS
    'One row per ops replay of a dead-lettered verification, at the version it was dead-lettered at.';

-- A request (or a replay) that reaches the worker past expires_at ends EXPIRED without ever being
-- initialized: it has no outer_order_no and no certify URL.
ALTER TABLE verifications DROP CONSTRAINT verifications_order_before_initialize;
ALTER TABLE verifications ADD CONSTRAINT verifications_order_before_initialize CHECK (
    status NOT IN ('INITIALIZING', 'AWAITING_USER', 'PASSED', 'FAILED') OR outer_order_no IS NOT NULL);
ALTER TABLE verifications DROP CONSTRAINT verifications_certify_id_when_issued;
ALTER TABLE verifications ADD CONSTRAINT verifications_certify_id_when_issued CHECK (
    status NOT IN ('AWAITING_USER', 'PASSED', 'FAILED')
    OR (certify_id IS NOT NULL AND certify_url IS NOT NULL));

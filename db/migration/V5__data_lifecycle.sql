-- Data lifecycle (docs/data-retention.md): identity data is erased once it is no longer needed,
-- published outbox rows and old timelines are deleted. Nothing here deletes a verifications row:
-- it is the idempotency key (one verification per client_id + request_id, ever) and the audit
-- record that the verification happened and how it ended.

-- When the sealed identity (cert_name, cert_no and their key id) was erased. The row keeps its
-- status, ids and times; updated_at is left alone by the erasure, so for a final row it stays the
-- moment it became final, the clock every retention period counts from.
ALTER TABLE verifications ADD COLUMN identity_erased_at timestamptz;

COMMENT ON COLUMN verifications.identity_erased_at IS
    'When cert_name_ciphertext, cert_no_ciphertext and pii_key_id were erased (retention purge or facecheck-ops erase); cert_type is kept.';

-- An erased row has no key id any more: "complete" now means sealed, or erased.
ALTER TABLE verifications DROP CONSTRAINT verifications_request_complete;
ALTER TABLE verifications ADD CONSTRAINT verifications_request_complete CHECK (
    status = 'REJECTED'
    OR (biz_code IS NOT NULL AND app IS NOT NULL AND return_url IS NOT NULL AND ttl_seconds IS NOT NULL
        AND (pii_key_id IS NOT NULL OR identity_erased_at IS NOT NULL) AND expires_at IS NOT NULL));

-- The document type (IDENTITY_CARD) is no identity: it stays after the erasure, for the audit.
ALTER TABLE verifications DROP CONSTRAINT verifications_pii_sealed_together;
ALTER TABLE verifications ADD CONSTRAINT verifications_pii_sealed_together CHECK (
    (cert_name_ciphertext IS NULL) = (pii_key_id IS NULL)
    AND (cert_no_ciphertext IS NULL) = (pii_key_id IS NULL)
    AND ((cert_type IS NULL) = (pii_key_id IS NULL) OR identity_erased_at IS NOT NULL));

-- Only a final verification is ever erased: until then its identity is still in use (on the
-- request and retry topics, in the worker's call to Alipay, in a dead letter a replay sends
-- again), so an erased row would claim what is not true yet. An erased row holds no ciphertext.
-- The database refuses anything else, whatever code tries it.
ALTER TABLE verifications ADD CONSTRAINT verifications_erased_only_when_final CHECK (
    identity_erased_at IS NULL
    OR (status IN ('PASSED', 'FAILED', 'EXPIRED', 'REJECTED') AND pii_key_id IS NULL
        AND cert_name_ciphertext IS NULL AND cert_no_ciphertext IS NULL));

-- The purge's erasure scan:
--   WHERE pii_key_id IS NOT NULL AND status IN (final) AND updated_at < :cutoff ORDER BY updated_at LIMIT n
-- Partial: only final rows still holding an identity; an erased row leaves the index.
CREATE INDEX verifications_identity_erasable ON verifications (updated_at)
    WHERE pii_key_id IS NOT NULL AND status IN ('PASSED', 'FAILED', 'EXPIRED', 'REJECTED');

-- The purge's outbox scan: WHERE published_at < :cutoff ORDER BY published_at LIMIT n.
-- Partial: unpublished rows (the relay's work) are never candidates.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- The purge's timeline scan: WHERE occurred_at < :cutoff (joined to final verifications).
CREATE INDEX verification_transitions_occurred ON verification_transitions (occurred_at);

-- The timeline stays append-only, with one exception: a session that names an audit cutoff
-- (SET LOCAL facecheck.timeline_purge_before = '<timestamptz>', which only the reconciler's
-- purge does) may delete rows older than the cutoff of a verification that became final before
-- it. A stray DELETE, a TRUNCATE, any UPDATE, and any row of a verification still in flight or
-- dead-lettered are refused as before. A guard against mistakes, not against the schema owner.
CREATE OR REPLACE FUNCTION refuse_timeline_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    cutoff timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        cutoff := nullif(current_setting('facecheck.timeline_purge_before', true), '')::timestamptz;
        IF cutoff IS NOT NULL AND OLD.occurred_at < cutoff AND EXISTS (
                SELECT 1 FROM verifications v
                WHERE v.id = OLD.verification_id
                  AND v.status IN ('PASSED', 'FAILED', 'EXPIRED', 'REJECTED')
                  AND v.updated_at < cutoff) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'verification_transitions is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

COMMENT ON TABLE verification_transitions IS
    'Append-only: UPDATE and TRUNCATE are refused; DELETE only by the retention purge, of rows past the audit period of final verifications. from_status = to_status marks a note that changed no status.';

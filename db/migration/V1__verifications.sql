-- One row per verification: its current status and everything needed to continue it.
-- Writers use compare-and-set: UPDATE ... SET ..., version = version + 1 WHERE id = ? AND version = ?
-- cert_name and cert_no are stored only as AES-256-GCM ciphertext, with the id of the key that sealed them.

CREATE TABLE verifications (
    id                        uuid        PRIMARY KEY,
    client_id                 text        NOT NULL CHECK (client_id ~ '^[a-z0-9-]{1,64}$'),
    request_id                text        NOT NULL CHECK (request_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    -- sha-256 (hex) of the canonical request: same key + other hash = an idempotency conflict
    request_hash              text        NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    status                    text        NOT NULL CHECK (status IN ('RECEIVED', 'INITIALIZING', 'AWAITING_USER',
                                              'PASSED', 'FAILED', 'EXPIRED', 'REJECTED', 'DEAD_LETTERED')),
    version                   bigint      NOT NULL DEFAULT 0 CHECK (version >= 0),

    -- the request; nullable only on a request rejected at receipt for being invalid
    biz_code                  text        CHECK (biz_code IN ('FACE', 'CERT_PHOTO', 'CERT_PHOTO_FACE', 'SMART_FACE')),
    app                       text        CHECK (app ~ '^[A-Za-z0-9._-]{1,64}$'),
    return_url                text        CHECK (length(return_url) <= 2048),
    ttl_seconds               integer     CHECK (ttl_seconds BETWEEN 60 AND 86400),
    metadata                  jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    cert_type                 text,
    cert_name_ciphertext      bytea,
    cert_no_ciphertext        bytea,
    pii_key_id                text        CHECK (pii_key_id ~ '^[A-Za-z0-9._-]{1,64}$'),

    -- progress with Alipay
    outer_order_no            text        UNIQUE CHECK (outer_order_no ~ '^[A-Za-z0-9]{1,32}$'),
    certify_id                text        CHECK (length(certify_id) BETWEEN 1 AND 128),
    certify_url               text        CHECK (length(certify_url) BETWEEN 1 AND 8192),
    expires_at                timestamptz,
    -- when the reconciler should query Alipay next; null when no query is due
    next_query_at             timestamptz,
    query_attempts            integer     NOT NULL DEFAULT 0 CHECK (query_attempts >= 0),
    -- when the latest query was issued: EXPIRED needs one issued at or after expires_at
    last_query_at             timestamptz,
    -- when the user's browser came back through the callback (first time)
    user_returned_at          timestamptz,

    -- why the verification did not pass (FAILED, EXPIRED, REJECTED)
    error_code                text        CHECK (error_code ~ '^[A-Za-z0-9_.-]{1,128}$'),
    error_field               text        CHECK (length(error_field) BETWEEN 1 AND 256),
    error_message             text        CHECK (length(error_message) <= 2048),

    status_before_dead_letter text        CHECK (status_before_dead_letter IN ('RECEIVED', 'INITIALIZING', 'AWAITING_USER')),
    dead_letter_reason        text        CHECK (length(dead_letter_reason) BETWEEN 1 AND 2048),

    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),

    -- the idempotency key: one verification per (client_id, request_id), ever
    CONSTRAINT verifications_idempotency_key UNIQUE (client_id, request_id),

    -- PII is all there (sealed under one key) or all absent
    CONSTRAINT verifications_pii_sealed_together CHECK (
        (cert_name_ciphertext IS NULL) = (pii_key_id IS NULL)
        AND (cert_no_ciphertext IS NULL) = (pii_key_id IS NULL)
        AND (cert_type IS NULL) = (pii_key_id IS NULL)),
    -- only a request rejected as invalid may lack the request's fields
    CONSTRAINT verifications_request_complete CHECK (
        status = 'REJECTED'
        OR (biz_code IS NOT NULL AND app IS NOT NULL AND return_url IS NOT NULL AND ttl_seconds IS NOT NULL
            AND pii_key_id IS NOT NULL AND expires_at IS NOT NULL)),
    -- intent is written before Alipay is called: every status past RECEIVED (but REJECTED) has an order number
    CONSTRAINT verifications_order_before_initialize CHECK (
        status NOT IN ('INITIALIZING', 'AWAITING_USER', 'PASSED', 'FAILED', 'EXPIRED') OR outer_order_no IS NOT NULL),
    CONSTRAINT verifications_certify_id_when_issued CHECK (
        status NOT IN ('AWAITING_USER', 'PASSED', 'FAILED', 'EXPIRED')
        OR (certify_id IS NOT NULL AND certify_url IS NOT NULL)),
    -- only a verification waiting for its user gets queried; final and dead-lettered ones never
    CONSTRAINT verifications_query_only_while_awaiting CHECK (
        next_query_at IS NULL OR status = 'AWAITING_USER'),
    CONSTRAINT verifications_error_on_unsuccessful_final CHECK (
        (status IN ('FAILED', 'EXPIRED', 'REJECTED')) = (error_code IS NOT NULL)
        AND (error_code IS NOT NULL OR (error_field IS NULL AND error_message IS NULL))),
    CONSTRAINT verifications_dead_letter_explained CHECK (
        (status = 'DEAD_LETTERED') = (status_before_dead_letter IS NOT NULL)
        AND (status = 'DEAD_LETTERED') = (dead_letter_reason IS NOT NULL)),
    CONSTRAINT verifications_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
);

COMMENT ON TABLE verifications IS
    'One row per verification. Change it only through the status machine (io.facecheck.statemachine), by compare-and-set on version.';
COMMENT ON COLUMN verifications.cert_name_ciphertext IS 'AES-256-GCM, context verification:<id>:cert_name, key pii_key_id';
COMMENT ON COLUMN verifications.cert_no_ciphertext IS 'AES-256-GCM, context verification:<id>:cert_no, key pii_key_id';

-- The reconciler's due-query scan:
--   WHERE status = 'AWAITING_USER' AND next_query_at <= now() ORDER BY next_query_at LIMIT n
-- Partial: it holds only the (few) rows waiting for a user, not the (many) finished ones.
CREATE INDEX verifications_due_queries ON verifications (next_query_at)
    WHERE status = 'AWAITING_USER' AND next_query_at IS NOT NULL;

-- Ops list what waits in the dead letter, oldest first.
CREATE INDEX verifications_dead_lettered ON verifications (updated_at)
    WHERE status = 'DEAD_LETTERED';

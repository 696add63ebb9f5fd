-- Result events written in the same transaction as the status change that produced them,
-- relayed to the verification-results topic afterwards. Within one verification, id order is
-- the order of its changes (each change commits before the next can pass its compare-and-set).

CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    -- deterministic per (verification_id, event_type): a second copy of an event cannot exist
    event_id        uuid        NOT NULL UNIQUE,
    verification_id uuid        NOT NULL REFERENCES verifications (id),
    event_type      text        NOT NULL CHECK (event_type IN ('verification.certify_url_issued',
                                    'verification.passed', 'verification.failed',
                                    'verification.expired', 'verification.rejected')),
    -- the Kafka key, {client_id}:{request_id}
    message_key     text        NOT NULL CHECK (length(message_key) BETWEEN 3 AND 129),
    -- the verification-result v1 JSON; never PII
    payload         jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);

-- Exactly one final result event per verification (DESIGN §4.2), enforced where it is stored.
CREATE UNIQUE INDEX outbox_one_final_event ON outbox (verification_id)
    WHERE event_type <> 'verification.certify_url_issued';

-- The relay's scan: WHERE published_at IS NULL ORDER BY id LIMIT n. Published rows leave the index.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- The trace a verification was created in: the W3C traceparent of the worker's span that stored the
-- row (ids and a sampling flag only, never payload). Work about the verification that has no trace
-- of its own to continue (a ladder query) or whose own trace only leads back to a browser (the
-- user's return) continues this one, so one verification is one trace, rooted at the client's
-- request. Null for rows created before V7, or while nothing was traced (tracing off, not sampled):
-- their later work is traced as before, in traces of its own.
ALTER TABLE verifications ADD COLUMN trace_parent text;

-- NOT VALID: every existing row holds NULL, which the check accepts, so the scan that validating
-- it would make under this migration's exclusive lock on the largest table would prove nothing.
-- New and updated rows are checked all the same.
ALTER TABLE verifications ADD CONSTRAINT verifications_trace_parent_length
    CHECK (trace_parent IS NULL OR length(trace_parent) <= 128) NOT VALID;

COMMENT ON COLUMN verifications.trace_parent IS
    'W3C traceparent of the span that created the verification (ids only); null when not traced.';

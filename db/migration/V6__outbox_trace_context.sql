-- The trace context of the change that wrote a result event (a W3C traceparent: ids only, never
-- payload), so the relay's publish continues that verification's trace. Null for rows written
-- before tracing, or while nothing was traced: the relay then publishes them in a trace of its own.
ALTER TABLE outbox
    ADD COLUMN trace_parent text CHECK (trace_parent IS NULL OR length(trace_parent) <= 128);

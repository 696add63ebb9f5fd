package io.facecheck.statemachine.jdbc;

import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.statemachine.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a result event to the outbox, inside the caller's transaction. A second copy of an event
 * (same event_id), or a second final event, violates a unique index and rolls the change back.
 */
final class OutboxWriter {

  private final JdbcClient jdbc;
  private final OutboxTraceSource traces;

  OutboxWriter(JdbcClient jdbc, OutboxTraceSource traces) {
    this.jdbc = jdbc;
    this.traces = traces;
  }

  void append(VerificationResult event, Submission submission) {
    jdbc.sql(
            "INSERT INTO outbox"
                + " (event_id, verification_id, event_type, message_key, payload, created_at,"
                + " trace_parent)"
                + " VALUES (:eventId, :verificationId, :type, :key, CAST(:payload AS jsonb), :at,"
                + " :traceParent)")
        .param("eventId", event.eventId())
        .param("verificationId", event.verificationId())
        .param("type", event.type().value())
        .param("key", submission.resultKey())
        .param("payload", JsonColumns.write(event))
        .param("at", Timestamps.toDb(event.occurredAt()))
        .param("traceParent", traces.current())
        .update();
  }
}

package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.toDb;

import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.FieldChange;
import io.facecheck.statemachine.ResultEventFactory;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change persisted in ONE statement: the compare-and-set UPDATE, and, on the row it returns, the
 * timeline row and the outbox row (data-modifying CTEs). A lost compare-and-set returns no row, so
 * nothing else is written; a refused outbox row (a second final event) fails the whole statement.
 * One statement is atomic by itself, so no transaction of its own is opened (it joins the caller's
 * when there is one): no BEGIN, one round trip, where UPDATE, INSERT, INSERT and COMMIT took four.
 */
final class CompareAndSet {

  private static final String UPDATE =
      "UPDATE verifications SET status = :status, version = version + 1,"
          + " outer_order_no = :outerOrderNo, certify_id = :certifyId,"
          + " certify_url = :certifyUrl, next_query_at = :nextQueryAt,"
          + " query_attempts = :queryAttempts, last_query_at = :lastQueryAt,"
          + " user_returned_at = :userReturnedAt, error_code = :errorCode,"
          + " error_field = :errorField, error_message = :errorMessage,"
          + " status_before_dead_letter = :left, dead_letter_reason = :deadLetterReason,"
          + " updated_at = :now"
          + " WHERE id = :id AND version = :expected RETURNING id";

  private static final String TIMELINE =
      "INSERT INTO verification_transitions"
          + " (verification_id, from_status, to_status, cause, source, occurred_at, details)"
          + " SELECT id, :from, :to, :cause, :source, :now, CAST(:details AS jsonb) FROM moved";

  private static final String OUTBOX =
      "INSERT INTO outbox"
          + " (event_id, verification_id, event_type, message_key, payload, created_at,"
          + " trace_parent)"
          + " SELECT :eventId, id, :type, :key, CAST(:payload AS jsonb), :eventAt, :traceParent"
          + " FROM moved";

  private final JdbcClient jdbc;
  private final OutboxTraceSource traces;

  CompareAndSet(JdbcClient jdbc, OutboxTraceSource traces) {
    this.jdbc = jdbc;
    this.traces = traces;
  }

  /** False when the version moved on: nothing was written. */
  boolean apply(Change change, String source, Instant now) {
    Verification v = change.after();
    Optional<TimelineWriter.Entry> entry = entryOf(change);
    Optional<VerificationResult> event =
        change instanceof StatusChange move
            ? move.resultEvent().map(type -> ResultEventFactory.build(v, type, now))
            : Optional.empty();
    StringBuilder sql = new StringBuilder("WITH moved AS (").append(UPDATE).append(")");
    entry.ifPresent(e -> sql.append(", noted AS (").append(TIMELINE).append(")"));
    event.ifPresent(e -> sql.append(", announced AS (").append(OUTBOX).append(")"));
    sql.append(" SELECT count(*) FROM moved");
    JdbcClient.StatementSpec statement =
        MutableColumns.bind(jdbc.sql(sql.toString()), v)
            .param("status", v.status().name())
            .param("now", toDb(now))
            .param("id", change.verificationId())
            .param("expected", change.expectedVersion());
    if (entry.isPresent()) {
      TimelineWriter.Entry e = entry.get();
      statement =
          statement
              .param("from", e.from().name())
              .param("to", e.to().name())
              .param("cause", e.cause())
              .param("source", source)
              .param("details", JsonColumns.write(e.details()));
    }
    if (event.isPresent()) {
      VerificationResult e = event.get();
      statement =
          statement
              .param("eventId", e.eventId())
              .param("type", e.type().value())
              .param("key", v.submission().resultKey())
              .param("payload", JsonColumns.write(e))
              .param("eventAt", toDb(e.occurredAt()))
              .param("traceParent", traces.current());
    }
    return statement.query(Long.class).single() == 1;
  }

  /** A status change's timeline row, or a field change's note (from = to), if it has one. */
  private static Optional<TimelineWriter.Entry> entryOf(Change change) {
    if (change instanceof StatusChange move) {
      return Optional.of(
          new TimelineWriter.Entry(move.from(), move.to(), move.cause(), move.details()));
    }
    Verification after = change.after();
    return ((FieldChange) change)
        .note()
        .map(
            note ->
                new TimelineWriter.Entry(
                    after.status(), after.status(), note.cause(), note.details()));
  }
}

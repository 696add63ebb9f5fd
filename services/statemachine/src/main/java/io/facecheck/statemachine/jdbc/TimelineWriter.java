package io.facecheck.statemachine.jdbc;

import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends to, and reads, the verification_transitions table (append-only in the database). */
final class TimelineWriter {

  private final JdbcClient jdbc;

  TimelineWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(
      UUID verificationId,
      VerificationStatus from,
      VerificationStatus to,
      String cause,
      String source,
      Instant at,
      Map<String, String> details) {
    jdbc.sql(
            "INSERT INTO verification_transitions"
                + " (verification_id, from_status, to_status, cause, source, occurred_at, details)"
                + " VALUES (:id, :from, :to, :cause, :source, :at, CAST(:details AS jsonb))")
        .param("id", verificationId)
        .param("from", from == null ? null : from.name())
        .param("to", to.name())
        .param("cause", cause)
        .param("source", source)
        .param("at", Timestamps.toDb(at))
        .param("details", JsonColumns.write(details))
        .update();
  }

  /** A note: from = to = the status the verification has when the note is written. */
  boolean note(
      UUID verificationId, String cause, String source, Instant at, Map<String, String> details) {
    return jdbc.sql(
                "INSERT INTO verification_transitions"
                    + " (verification_id, from_status, to_status, cause, source, occurred_at,"
                    + " details)"
                    + " SELECT id, status, status, :cause, :source, :at, CAST(:details AS jsonb)"
                    + " FROM verifications WHERE id = :id")
            .param("id", verificationId)
            .param("cause", cause)
            .param("source", source)
            .param("at", Timestamps.toDb(at))
            .param("details", JsonColumns.write(details))
            .update()
        == 1;
  }

  List<Transition> read(UUID verificationId) {
    return jdbc.sql(
            "SELECT id, verification_id, from_status, to_status, cause, source, occurred_at,"
                + " details FROM verification_transitions WHERE verification_id = :id ORDER BY id")
        .param("id", verificationId)
        .query(
            (rs, n) -> {
              String from = rs.getString("from_status");
              return new Transition(
                  rs.getLong("id"),
                  rs.getObject("verification_id", UUID.class),
                  from == null ? null : VerificationStatus.valueOf(from),
                  VerificationStatus.valueOf(rs.getString("to_status")),
                  rs.getString("cause"),
                  rs.getString("source"),
                  Timestamps.read(rs, "occurred_at"),
                  JsonColumns.readStringMap(rs.getString("details")));
            })
        .list();
  }
}

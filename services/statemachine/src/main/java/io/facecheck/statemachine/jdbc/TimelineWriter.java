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

  /** One timeline row of a verification, written with others by {@link #append(UUID, …)}. */
  record Entry(
      VerificationStatus from, VerificationStatus to, String cause, Map<String, String> details) {}

  void append(
      UUID verificationId,
      VerificationStatus from,
      VerificationStatus to,
      String cause,
      String source,
      Instant at,
      Map<String, String> details) {
    append(verificationId, source, at, List.of(new Entry(from, to, cause, details)));
  }

  /**
   * Appends {@code entries} in their order (ascending ids), in one statement: a transaction that
   * writes several timeline rows pays one round trip and one statement for them.
   */
  void append(UUID verificationId, String source, Instant at, List<Entry> entries) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO verification_transitions"
                + " (verification_id, from_status, to_status, cause, source, occurred_at, details)"
                + " VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(
              "(:id, :from%1$d, :to%1$d, :cause%1$d, :source, :at, CAST(:details%1$d AS jsonb))"
                  .formatted(i));
    }
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString())
            .param("id", verificationId)
            .param("source", source)
            .param("at", Timestamps.toDb(at));
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      statement =
          statement
              .param("from" + i, e.from() == null ? null : e.from().name())
              .param("to" + i, e.to().name())
              .param("cause" + i, e.cause())
              .param("details" + i, JsonColumns.write(e.details()));
    }
    statement.update();
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

package io.facecheck.crashtests;

import io.facecheck.statemachine.VerificationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What the services left in PostgreSQL for one client's verifications, read with plain SQL. */
final class PipelineTables {

  record VerificationRow(
      UUID id,
      String requestId,
      VerificationStatus status,
      String outerOrderNo,
      String certifyId,
      String certifyUrl) {}

  record TransitionRow(String from, String to, String cause, String source) {
    boolean isNote() {
      return to.equals(from);
    }
  }

  record OutboxRow(
      long id, UUID verificationId, UUID eventId, String eventType, boolean published) {}

  private final DataSource db;

  PipelineTables(DataSource db) {
    this.db = db;
  }

  Map<VerificationStatus, Integer> statusCounts(String clientId) throws SQLException {
    Map<VerificationStatus, Integer> counts = new EnumMap<>(VerificationStatus.class);
    query(
        "SELECT status, count(*) FROM verifications WHERE client_id = ? GROUP BY status",
        clientId,
        rs -> counts.put(VerificationStatus.valueOf(rs.getString(1)), rs.getInt(2)));
    return counts;
  }

  int count(String clientId, VerificationStatus status) throws SQLException {
    return statusCounts(clientId).getOrDefault(status, 0);
  }

  int finalCount(String clientId) throws SQLException {
    return statusCounts(clientId).entrySet().stream()
        .filter(e -> e.getKey().isFinal())
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Outbox rows of the client's verifications: [published, unpublished]. */
  int[] outboxProgress(String clientId) throws SQLException {
    int[] progress = new int[2];
    query(
        "SELECT o.published_at IS NOT NULL, count(*) FROM outbox o"
            + " JOIN verifications v ON v.id = o.verification_id WHERE v.client_id = ?"
            + " GROUP BY 1",
        clientId,
        rs -> progress[rs.getBoolean(1) ? 0 : 1] = rs.getInt(2));
    return progress;
  }

  /** Who moved the client's verifications into {@code status}: timeline source → count. */
  Map<String, Integer> movedBy(String clientId, VerificationStatus status) throws SQLException {
    Map<String, Integer> sources = new LinkedHashMap<>();
    query(
        "SELECT t.source, count(*) FROM verification_transitions t"
            + " JOIN verifications v ON v.id = t.verification_id"
            + " WHERE v.client_id = ? AND t.to_status = '"
            + status.name()
            + "' AND t.from_status IS DISTINCT FROM t.to_status GROUP BY t.source ORDER BY 1",
        clientId,
        rs -> sources.put(rs.getString(1), rs.getInt(2)));
    return sources;
  }

  List<VerificationRow> verifications(String clientId) throws SQLException {
    List<VerificationRow> rows = new ArrayList<>();
    query(
        "SELECT id, request_id, status, outer_order_no, certify_id, certify_url"
            + " FROM verifications WHERE client_id = ? ORDER BY request_id",
        clientId,
        rs ->
            rows.add(
                new VerificationRow(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    VerificationStatus.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6))));
    return rows;
  }

  /** Each verification's timeline, oldest row first. */
  Map<UUID, List<TransitionRow>> timelines(String clientId) throws SQLException {
    Map<UUID, List<TransitionRow>> timelines = new LinkedHashMap<>();
    query(
        "SELECT t.verification_id, t.from_status, t.to_status, t.cause, t.source"
            + " FROM verification_transitions t JOIN verifications v ON v.id = t.verification_id"
            + " WHERE v.client_id = ? ORDER BY t.id",
        clientId,
        rs ->
            timelines
                .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                .add(
                    new TransitionRow(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
    return timelines;
  }

  /** When each of the client's verifications first got a timeline row with {@code cause}. */
  Map<UUID, Instant> firstRowWithCause(String clientId, String cause) throws SQLException {
    Map<UUID, Instant> first = new LinkedHashMap<>();
    query(
        "SELECT t.verification_id, min(t.occurred_at) FROM verification_transitions t"
            + " JOIN verifications v ON v.id = t.verification_id"
            + " WHERE v.client_id = ? AND t.cause = '"
            + cause
            + "' GROUP BY 1",
        clientId,
        rs -> first.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
    return first;
  }

  /** When each of the client's final verifications moved into its final status. */
  Map<UUID, Instant> decidedAt(String clientId) throws SQLException {
    Map<UUID, Instant> decided = new LinkedHashMap<>();
    query(
        "SELECT t.verification_id, min(t.occurred_at) FROM verification_transitions t"
            + " JOIN verifications v ON v.id = t.verification_id"
            + " WHERE v.client_id = ? AND t.to_status IN ('PASSED', 'FAILED', 'EXPIRED', 'REJECTED')"
            + " AND t.from_status IS DISTINCT FROM t.to_status GROUP BY 1",
        clientId,
        rs -> decided.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
    return decided;
  }

  /** One verification's timeline as text, one row a line: when, move or note, cause, details. */
  List<String> timelineText(UUID verificationId) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT occurred_at, from_status, to_status, cause, source, details::text"
                    + " FROM verification_transitions WHERE verification_id = ? ORDER BY id")) {
      s.setObject(1, verificationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(
              rs.getTimestamp(1).toInstant()
                  + " "
                  + rs.getString(2)
                  + " -> "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4)
                  + " by "
                  + rs.getString(5)
                  + " "
                  + rs.getString(6));
        }
      }
    }
    return lines;
  }

  List<OutboxRow> outbox(String clientId) throws SQLException {
    List<OutboxRow> rows = new ArrayList<>();
    query(
        "SELECT o.id, o.verification_id, o.event_id, o.event_type, o.published_at IS NOT NULL"
            + " FROM outbox o JOIN verifications v ON v.id = o.verification_id"
            + " WHERE v.client_id = ? ORDER BY o.id",
        clientId,
        rs ->
            rows.add(
                new OutboxRow(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getBoolean(5))));
    return rows;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, String clientId, RowReader reader) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, clientId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }
}

package io.facecheck.worker.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads what the worker stored, for integration tests. */
public final class StoredVerificationReader {

  private final JdbcTemplate jdbc;
  private final String clientId;

  public StoredVerificationReader(JdbcTemplate jdbc, String clientId) {
    this.jdbc = jdbc;
    this.clientId = clientId;
  }

  public String status(String requestId) {
    return jdbc
        .query(
            "SELECT status FROM verifications WHERE client_id = ? AND request_id = ?",
            (rs, n) -> rs.getString(1),
            clientId,
            requestId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** Waits until the request's verification has {@code status}; returns its row. */
  public Map<String, Object> awaitStatus(String requestId, String status, Duration wait) {
    await()
        .atMost(wait)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> status.equals(status(requestId)));
    return row(requestId);
  }

  public Map<String, Object> row(String requestId) {
    return jdbc.queryForMap(
        "SELECT * FROM verifications WHERE client_id = ? AND request_id = ?", clientId, requestId);
  }

  public List<String> statusesOf(UUID id) {
    return jdbc.queryForList(
        "SELECT to_status FROM verification_transitions WHERE verification_id = ? ORDER BY id",
        String.class,
        id);
  }

  public List<String> causesOf(UUID id) {
    return jdbc.queryForList(
        "SELECT cause FROM verification_transitions WHERE verification_id = ? ORDER BY id",
        String.class,
        id);
  }

  public List<Map<String, Object>> outbox(UUID id) {
    return jdbc.queryForList("SELECT * FROM outbox WHERE verification_id = ? ORDER BY id", id);
  }

  public static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? "" : new String(record.key(), UTF_8);
  }

  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }
}

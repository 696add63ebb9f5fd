package io.facecheck.ops.connection;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolved connection settings; the password and the Kafka client properties' values (which may
 * hold a SASL password) never appear in {@link #toString}.
 *
 * @param kafkaProperties client properties from {@code --kafka-properties} (security, TLS, SASL),
 *     applied to every Kafka client ops creates
 */
public record ConnectionSettings(
    String bootstrapServers,
    String jdbcUrl,
    String user,
    String password,
    Duration timeout,
    Map<String, String> kafkaProperties) {

  public ConnectionSettings {
    kafkaProperties = Map.copyOf(kafkaProperties);
  }

  public ConnectionSettings(
      String bootstrapServers, String jdbcUrl, String user, String password, Duration timeout) {
    this(bootstrapServers, jdbcUrl, user, password, timeout, Map.of());
  }

  @Override
  public String toString() {
    return "ConnectionSettings[kafka=%s, kafkaProperties=%s, jdbc=%s, user=%s, timeout=%s]"
        .formatted(
            bootstrapServers, new TreeMap<>(kafkaProperties).keySet(), jdbcUrl, user, timeout);
  }
}

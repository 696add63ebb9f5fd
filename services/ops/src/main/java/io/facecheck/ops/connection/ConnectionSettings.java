package io.facecheck.ops.connection;

import java.time.Duration;

/** Resolved connection settings; the password never appears in {@link #toString}. */
public record ConnectionSettings(
    String bootstrapServers, String jdbcUrl, String user, String password, Duration timeout) {

  @Override
  public String toString() {
    return "ConnectionSettings[kafka=%s, jdbc=%s, user=%s, timeout=%s]"
        .formatted(bootstrapServers, jdbcUrl, user, timeout);
  }
}

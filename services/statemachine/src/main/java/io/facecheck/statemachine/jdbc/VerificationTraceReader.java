package io.facecheck.statemachine.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the trace each verification was created in ({@code verifications.trace_parent}), a batch at
 * a time, so the reconciler's later work about it (the user's return, a ladder query) continues
 * that trace. A query of its own rather than a field of {@code Verification}: only tracing reads
 * it.
 */
public final class VerificationTraceReader {

  private final JdbcClient jdbc;

  public VerificationTraceReader(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Verification id → stored traceparent, for those of {@code ids} that have one. */
  public Map<UUID, String> traceParents(Collection<UUID> ids) {
    Map<UUID, String> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT id, trace_parent FROM verifications"
                + " WHERE id = ANY(:ids) AND trace_parent IS NOT NULL")
        .param("ids", ids.toArray(new UUID[0]))
        .query(
            rs -> {
              found.put(rs.getObject("id", UUID.class), rs.getString("trace_parent"));
            });
    return found;
  }
}

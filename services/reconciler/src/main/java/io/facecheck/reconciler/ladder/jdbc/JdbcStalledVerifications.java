package io.facecheck.reconciler.ladder.jdbc;

import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.reconciler.ladder.StalledVerifications;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link StalledVerifications} on PostgreSQL. The first scan rides the partial index of due queries
 * (status AWAITING_USER, next_query_at); the second joins the few replay requests.
 */
public final class JdbcStalledVerifications implements StalledVerifications {

  private final JdbcClient jdbc;

  public JdbcStalledVerifications(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public List<UUID> lastFinalQueryDue(Instant now, FinalQueryLimit limit, int max) {
    long lastAttemptAfterMs = limit.retry().multipliedBy(limit.attempts() - 1L).toMillis();
    return jdbc.sql(
            "SELECT id FROM verifications WHERE status = 'AWAITING_USER'"
                + " AND next_query_at <= :now"
                + " AND last_query_at >= expires_at + :afterMs * interval '1 millisecond'"
                + " ORDER BY next_query_at LIMIT :max")
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("afterMs", lastAttemptAfterMs)
        .param("max", max)
        .query(UUID.class)
        .list();
  }

  @Override
  public List<UUID> replayRequestedWhileAwaitingUser(int max) {
    return jdbc.sql(
            "SELECT v.id FROM replay_requests r JOIN verifications v"
                + " ON v.id = r.verification_id AND v.version = r.version"
                + " WHERE v.status = 'DEAD_LETTERED'"
                + " AND v.status_before_dead_letter = 'AWAITING_USER'"
                + " ORDER BY r.requested_at LIMIT :max")
        .param("max", max)
        .query(UUID.class)
        .list();
  }
}

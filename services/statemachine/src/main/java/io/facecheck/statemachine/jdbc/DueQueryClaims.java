package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.toDb;

import io.facecheck.statemachine.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reconciler's due-query scan: one statement that picks due rows (via the partial index
 * verifications_due_queries) and starts their query exactly as {@link Verification#startQuery}
 * would: one more attempt, last_query_at = now, and a lease instead of a schedule.
 */
final class DueQueryClaims {

  private final JdbcClient jdbc;

  DueQueryClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Verification> claim(Instant now, int limit, Duration lease) {
    // SKIP LOCKED: a row another reconciler is claiming right now is simply not ours this round
    List<Claimed> claimed =
        jdbc.sql(
                "WITH due AS (SELECT id, next_query_at AS due_at FROM verifications"
                    + " WHERE status = 'AWAITING_USER' AND next_query_at <= :now"
                    + " ORDER BY next_query_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                    + " UPDATE verifications v SET next_query_at = :leaseEnd,"
                    + " query_attempts = v.query_attempts + 1, last_query_at = :now,"
                    + " version = v.version + 1, updated_at = :now"
                    + " FROM due WHERE v.id = due.id"
                    + " RETURNING due.due_at, "
                    + VerificationRows.columns("v"))
            .param("now", toDb(now))
            .param("limit", limit)
            .param("leaseEnd", toDb(now.plus(lease)))
            .query(
                (rs, n) ->
                    new Claimed(
                        Timestamps.read(rs, "due_at"), VerificationRows.MAPPER.mapRow(rs, n)))
            .list();
    // RETURNING has no order: hand them back oldest-due first, as the scan picked them
    return claimed.stream()
        .sorted(Comparator.comparing(Claimed::dueAt))
        .map(Claimed::verification)
        .toList();
  }

  private record Claimed(Instant dueAt, Verification verification) {}
}

package io.facecheck.statemachine.jdbc;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes outbox rows published long ago: once on verification-results (whose own retention keeps
 * them for downstream systems), a row is only the record of what was announced. Unpublished rows,
 * the relay's work, are never candidates, however old.
 */
public final class OutboxPurge {

  /**
   * {@code = ANY(ARRAY(…))}, not {@code IN (…)}: the planner then deletes the batch by primary key
   * instead of hashing it against a scan of the whole table.
   */
  static final String DELETE_PUBLISHED_BEFORE =
      "DELETE FROM outbox WHERE id = ANY(ARRAY(SELECT id FROM outbox"
          + " WHERE published_at < :cutoff ORDER BY published_at LIMIT :limit"
          + " FOR UPDATE SKIP LOCKED))";

  private final JdbcClient jdbc;

  public OutboxPurge(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Deletes up to {@code limit} rows published before {@code publishedBefore}, oldest first, in one
   * statement (index {@code outbox_published}).
   *
   * @return how many were deleted; {@code limit} means more may be due
   */
  public int deletePublishedBefore(Instant publishedBefore, int limit) {
    return jdbc.sql(DELETE_PUBLISHED_BEFORE)
        .param("cutoff", Timestamps.toDb(publishedBefore))
        .param("limit", limit)
        .update();
  }
}

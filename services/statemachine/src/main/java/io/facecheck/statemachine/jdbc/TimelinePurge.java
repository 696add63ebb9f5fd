package io.facecheck.statemachine.jdbc;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes timeline rows past the audit period, only of verifications that became final before it: a
 * verification in flight or dead-lettered keeps its whole timeline however old. The table refuses
 * every other DELETE (V5): the transaction names its cutoff first, and the trigger checks each row
 * against it.
 */
public final class TimelinePurge {

  /**
   * Oldest rows first through {@code verification_transitions_occurred}, each checked against its
   * verification by primary key. The {@code LIMIT 1} keeps the lateral check from being flattened
   * into a join that scans every final verification: the work per batch stays its own rows plus the
   * few old rows of verifications still in flight, which are skipped.
   */
  static final String DELETE_OF_FINAL_BEFORE =
      "DELETE FROM verification_transitions WHERE id = ANY(ARRAY(SELECT t.id"
          + " FROM verification_transitions t CROSS JOIN LATERAL (SELECT 1 FROM verifications v"
          + " WHERE v.id = t.verification_id AND v.updated_at < :cutoff AND v.status IN "
          + IdentityErasure.FINAL
          + " LIMIT 1) final_since"
          + " WHERE t.occurred_at < :cutoff ORDER BY t.occurred_at LIMIT :limit))";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public TimelinePurge(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * Deletes up to {@code limit} rows that occurred before {@code cutoff} of verifications final
   * since before it, oldest first, in one transaction (index {@code
   * verification_transitions_occurred}, then each row's verification by its key).
   *
   * @return how many were deleted; {@code limit} means more may be due
   */
  public int deleteOfFinalBefore(Instant cutoff, int limit) {
    Integer deleted =
        tx.execute(
            status -> {
              jdbc.sql(
                      "SELECT set_config('facecheck.timeline_purge_before',"
                          + " CAST(CAST(:cutoff AS timestamptz) AS text), true)")
                  .param("cutoff", Timestamps.toDb(cutoff))
                  .query(String.class)
                  .single();
              return jdbc.sql(DELETE_OF_FINAL_BEFORE)
                  .param("cutoff", Timestamps.toDb(cutoff))
                  .param("limit", limit)
                  .update();
            });
    return deleted == null ? 0 : deleted;
  }
}

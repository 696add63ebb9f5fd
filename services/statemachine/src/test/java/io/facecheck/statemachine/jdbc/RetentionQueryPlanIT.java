package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention purge's three scans use their indexes (V5), not a full scan, on tables where most
 * rows are recent (as in production, where the purge keeps up): each batch costs its own rows.
 */
class RetentionQueryPlanIT {

  private static MigratedDatabase db;

  @BeforeAll
  static void fill() {
    db = MigratedDatabase.create();
    // 20,000 verifications: 19,000 recent and finished, 500 finished long ago, 500 in flight
    db.jdbc
        .sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status, biz_code,"
                + " app, return_url, ttl_seconds, cert_type, cert_name_ciphertext,"
                + " cert_no_ciphertext, pii_key_id, outer_order_no, certify_id, certify_url,"
                + " expires_at, created_at, updated_at)"
                + " SELECT gen_random_uuid(), 'loan-service', 'r' || g, repeat('a', 64),"
                + " CASE WHEN g <= 500 THEN 'AWAITING_USER' ELSE 'PASSED' END, 'FACE', 'default',"
                + " 'https://l.example', 900, 'IDENTITY_CARD', '\\x00', '\\x00', 'k1', 'FC' || g,"
                + " 'c' || g, 'https://a.example/' || g, ts + interval '15 minutes', ts, ts"
                + " FROM (SELECT g, CASE WHEN g BETWEEN 501 AND 1000"
                + " THEN now() - interval '400 days' ELSE now() - g * interval '1 second' END AS ts"
                + " FROM generate_series(1, 20000) g) s")
        .update();
    db.jdbc
        .sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload,"
                + " created_at, published_at) SELECT gen_random_uuid(), id, 'verification.passed',"
                + " 'k:' || request_id, '{}', updated_at, CASE WHEN status = 'PASSED' THEN"
                + " updated_at END FROM verifications")
        .update();
    db.jdbc
        .sql(
            "INSERT INTO verification_transitions (verification_id, from_status, to_status, cause,"
                + " source, occurred_at) SELECT id, NULL, 'RECEIVED', 'REQUEST_RECEIVED', 'test',"
                + " created_at FROM verifications")
        .update();
    db.jdbc.sql("ANALYZE").update();
  }

  @Test
  void erasureBatchUsesItsPartialIndex() {
    String plan = explain(IdentityErasure.ERASE_FINAL_BEFORE);

    assertThat(plan).contains("verifications_identity_erasable").doesNotContain("Seq Scan");
  }

  @Test
  void outboxBatchUsesItsPartialIndexAndDeletesByKey() {
    String plan = explain(OutboxPurge.DELETE_PUBLISHED_BEFORE);

    assertThat(plan)
        .contains("outbox_published")
        .contains("outbox_pkey")
        .doesNotContain("Seq Scan");
  }

  @Test
  void timelineBatchUsesTheOccurredIndexAndTheVerificationsKey() {
    String plan = explain(TimelinePurge.DELETE_OF_FINAL_BEFORE);

    assertThat(plan)
        .contains("verification_transitions_occurred")
        .contains("verifications_pkey")
        .contains("verification_transitions_pkey")
        .doesNotContain("Seq Scan");
  }

  /** The purge's own statement, with a cutoff 30 days back and a batch of 500. */
  private static String explain(String sql) {
    List<String> lines =
        db.jdbc
            .sql("EXPLAIN " + sql)
            .param("cutoff", Timestamps.toDb(Instant.now().minus(Duration.ofDays(30))))
            .param("limit", 500)
            .param("now", Timestamps.toDb(Instant.now()))
            .param("source", "purge")
            .param("details", "{}")
            .query(String.class)
            .list();
    String plan = String.join("\n", lines);
    System.out.println(plan);
    return plan;
  }
}

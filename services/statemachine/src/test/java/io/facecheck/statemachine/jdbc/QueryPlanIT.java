package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's due-query scan and the outbox relay's scan use their partial indexes, not a full
 * scan, on a table where most rows are finished and published (as in production).
 */
class QueryPlanIT {

  private static MigratedDatabase db;

  @BeforeAll
  static void fill() {
    db = MigratedDatabase.create();
    // 20,000 finished verifications with published events, 50 waiting for their user
    db.jdbc
        .sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status, biz_code,"
                + " app, return_url, ttl_seconds, cert_type, cert_name_ciphertext,"
                + " cert_no_ciphertext, pii_key_id, outer_order_no, certify_id, certify_url,"
                + " expires_at, next_query_at, created_at)"
                + " SELECT gen_random_uuid(), 'loan-service', 'r' || g, repeat('a', 64),"
                + " CASE WHEN g <= 50 THEN 'AWAITING_USER' ELSE 'PASSED' END, 'FACE', 'default',"
                + " 'https://l.example', 900, 'IDENTITY_CARD', '\\x00', '\\x00', 'k1', 'FC' || g,"
                + " 'c' || g, 'https://a.example/' || g, now() + interval '15 minutes',"
                + " CASE WHEN g <= 50 THEN now() - g * interval '1 second' END, now()"
                + " FROM generate_series(1, 20000) g")
        .update();
    db.jdbc
        .sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload,"
                + " published_at) SELECT gen_random_uuid(), id, 'verification.passed', 'k:' ||"
                + " request_id, '{}', CASE WHEN status = 'PASSED' THEN now() END FROM verifications")
        .update();
    db.jdbc.sql("ANALYZE").update();
  }

  @Test
  void dueQueryScanUsesItsPartialIndex() {
    String plan =
        explain(
            "SELECT id FROM verifications WHERE status = 'AWAITING_USER' AND next_query_at <= now()"
                + " ORDER BY next_query_at LIMIT 100 FOR UPDATE SKIP LOCKED");

    assertThat(plan).contains("verifications_due_queries").doesNotContain("Seq Scan");
  }

  @Test
  void outboxRelayScanUsesItsPartialIndex() {
    String plan = explain("SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 500");

    assertThat(plan).contains("outbox_unpublished").doesNotContain("Seq Scan");
  }

  @Test
  void requestLookupUsesTheIdempotencyKey() {
    String plan =
        explain(
            "SELECT * FROM verifications WHERE client_id = 'loan-service' AND request_id = 'r7'");

    assertThat(plan).contains("verifications_idempotency_key");
  }

  private static String explain(String sql) {
    List<String> lines = db.jdbc.sql("EXPLAIN " + sql).query(String.class).list();
    String plan = String.join("\n", lines);
    System.out.println(plan);
    return plan;
  }
}

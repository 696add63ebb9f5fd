package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backlog drained in batches of 500, as the first purge on an old database meets it: 20,000 final
 * verifications past every period, each with 4 timeline rows and 2 published events, beside 1,000
 * in flight. Prints rows per second (a figure for the README, not an assertion: timing thresholds
 * flake on a shared machine) and checks that nothing in flight was touched.
 */
class RetentionPurgeThroughputIT {

  private static final int FINAL = 20_000;
  private static final int BATCH = 500;

  private static MigratedDatabase db;
  private static Instant cutoff;

  @BeforeAll
  static void fill() {
    db = MigratedDatabase.create();
    db.jdbc
        .sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status, biz_code,"
                + " app, return_url, ttl_seconds, cert_type, cert_name_ciphertext,"
                + " cert_no_ciphertext, pii_key_id, outer_order_no, certify_id, certify_url,"
                + " expires_at, created_at, updated_at)"
                + " SELECT gen_random_uuid(), 'loan-service', 'r' || g, repeat('a', 64),"
                + " CASE WHEN g <= 1000 THEN 'AWAITING_USER' ELSE 'PASSED' END, 'FACE', 'default',"
                + " 'https://l.example', 900, 'IDENTITY_CARD', decode(md5(g::text), 'hex'),"
                + " decode(md5(g::text), 'hex'), 'k1', 'FC' || g, 'c' || g,"
                + " 'https://a.example/' || g, ts + interval '15 minutes', ts, ts"
                + " FROM (SELECT g, now() - interval '2000 days' + g * interval '1 second' AS ts"
                + " FROM generate_series(1, :n) g) s")
        .param("n", FINAL + 1000)
        .update();
    db.jdbc
        .sql(
            "INSERT INTO verification_transitions (verification_id, from_status, to_status, cause,"
                + " source, occurred_at) SELECT v.id, NULL, 'RECEIVED', 'REQUEST_RECEIVED', 'test',"
                + " v.created_at FROM verifications v, generate_series(1, 4)")
        .update();
    db.jdbc
        .sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload,"
                + " created_at, published_at) SELECT gen_random_uuid(), v.id, e.t,"
                + " 'k:' || v.request_id, '{}', v.updated_at, v.updated_at FROM verifications v,"
                + " (VALUES ('verification.certify_url_issued'), ('verification.passed')) e(t)"
                + " WHERE v.status = 'PASSED'")
        .update();
    db.jdbc.sql("ANALYZE").update();
    cutoff = Instant.now().minus(Duration.ofDays(1825));
  }

  @Test
  void drainsEachKindInBatchesAndLeavesWhatIsInFlight() {
    IdentityErasure erasure = new IdentityErasure(db.dataSource, db.clock);
    long erased =
        drain(
            "identities erased",
            () -> erasure.eraseFinalBefore(cutoff, BATCH, "purge", Map.of("reason", "retention")));
    long outbox =
        drain(
            "outbox rows deleted",
            () -> new OutboxPurge(db.dataSource).deletePublishedBefore(cutoff, BATCH));
    long timeline =
        drain(
            "timeline rows deleted",
            () -> new TimelinePurge(db.dataSource).deleteOfFinalBefore(cutoff, BATCH));

    assertThat(erased).isEqualTo(FINAL);
    assertThat(outbox).isEqualTo(2L * FINAL);
    // the 4 rows of each final verification; the erasure notes are younger than the cutoff
    assertThat(timeline).isEqualTo(4L * FINAL);
    assertThat(
            db.jdbc
                .sql(
                    "SELECT count(*) FROM verifications WHERE status = 'AWAITING_USER'"
                        + " AND pii_key_id IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(1000);
  }

  private static long drain(String what, IntSupplier batch) {
    long total = 0;
    long start = System.nanoTime();
    int done;
    while ((done = batch.getAsInt()) > 0) {
      assertThat(done).isLessThanOrEqualTo(BATCH);
      total += done;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "retention purge: %,d %s in batches of %d: %.1f s, %,.0f rows/s%n",
        total, what, BATCH, seconds, total / seconds);
    return total;
  }
}

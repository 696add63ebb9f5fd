package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.reconciler.retention.ElectedPurge;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention purge in two reconciler instances on one real PostgreSQL, as two pods run it: one
 * instance purges (its lock), in batches, never touching a verification in flight; when it stops,
 * the other takes over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionPurgeLeaderIT {

  private static final int BATCH = 5;
  private static final int FINAL_VERIFICATIONS = 23;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static JdbcClient sql;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static final List<Verification> inFlight = new ArrayList<>();
  private static final List<String> inFlightSealed = new ArrayList<>();
  private static String firstLeaderSource;
  private static final long lockKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    sql = JdbcClient.create(db.dataSource);
    String group = "reconciler-retention-" + UUID.randomUUID();
    Map<String, Object> retention =
        Map.of(
            "facecheck.reconciler.retention.batch", BATCH,
            "facecheck.reconciler.retention.interval", "100ms",
            "facecheck.reconciler.retention.batch-pause", "10ms",
            "facecheck.reconciler.retention.erase-identity-after", "7d",
            "facecheck.reconciler.retention.delete-published-outbox-after", "30d",
            "facecheck.reconciler.retention.audit-period", "400d",
            "facecheck.reconciler.retention.lock-key", lockKey);
    first = ReconcilerInstances.start(db.database, clock, group, "keep-1", retention);
    second = ReconcilerInstances.start(db.database, clock, group, "keep-2", retention);
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
  }

  @Test
  @Order(1)
  void oneInstanceErasesFinalIdentitiesInBatchesAndDeletesPublishedOutboxRows() {
    List<Verification> finals = passed(FINAL_VERIFICATIONS);
    inFlight.add(db.initializing());
    inFlight.add(db.awaitingUser());
    Verification parked = db.initializing();
    db.store.apply(parked.markDeadLettered("PROVIDER_CONFIG"), "worker@it");
    inFlight.add(db.find(parked.id()));
    inFlight.forEach(v -> inFlightSealed.add(sealed(v.id())));
    await("every event published")
        .atMost(WAIT)
        .until(() -> count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
    long outboxRows = count("SELECT count(*) FROM outbox");
    assertThat(outboxRows).isEqualTo(2L * FINAL_VERIFICATIONS + 1);
    assertThat(count("SELECT count(*) FROM verifications WHERE pii_key_id IS NOT NULL"))
        .isEqualTo(FINAL_VERIFICATIONS + 3L);

    clock.advance(Duration.ofDays(31));

    await("final identities erased, published outbox rows deleted")
        .atMost(WAIT)
        .until(
            () ->
                erasedNotes() == FINAL_VERIFICATIONS && count("SELECT count(*) FROM outbox") == 0);
    assertThat(
            count(
                "SELECT count(*) FROM verifications WHERE identity_erased_at IS NOT NULL"
                    + " AND pii_key_id IS NULL AND cert_name_ciphertext IS NULL"
                    + " AND cert_no_ciphertext IS NULL"))
        .isEqualTo(FINAL_VERIFICATIONS);
    for (Verification v : finals) {
      assertThat(db.find(v.id()).status()).isEqualTo(v.status());
    }
    // leader-only: every erasure was written by one instance, the one holding the purge lock
    List<String> sources =
        sql.sql("SELECT DISTINCT source FROM verification_transitions WHERE cause = :cause")
            .param("cause", Causes.IDENTITY_ERASED)
            .query(String.class)
            .list();
    assertThat(sources).hasSize(1);
    firstLeaderSource = sources.get(0);
    assertThat(purge(first).isActive() ^ purge(second).isActive()).isTrue();
    assertThat(firstLeaderSource)
        .isEqualTo(purge(first).isActive() ? "reconciler@keep-1" : "reconciler@keep-2");
    // batched: one transaction (xmin) per batch, none larger than the batch
    List<Long> perTransaction =
        sql.sql(
                "SELECT count(*) FROM verification_transitions WHERE cause = :cause"
                    + " GROUP BY xmin::text")
            .param("cause", Causes.IDENTITY_ERASED)
            .query(Long.class)
            .list();
    assertThat(perTransaction).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(BATCH));
    assertThat(perTransaction).hasSizeGreaterThanOrEqualTo(FINAL_VERIFICATIONS / BATCH + 1);
    assertInFlightUntouched();
    // between rounds the purge's lock session is idle, never left inside a transaction (which
    // would hold locks and a snapshot for as long as the instance leads)
    await("the purge session idle between rounds")
        .atMost(WAIT)
        .until(
            () ->
                sql.sql(
                            "SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
                                + " WHERE l.locktype = 'advisory'"
                                + " AND l.classid::bigint = (:key >> 32)"
                                + " AND l.objid::bigint = (:key & 4294967295)"
                                + " AND a.state = 'idle'")
                        .param("key", lockKey)
                        .query(Long.class)
                        .single()
                    == 1);
  }

  @Test
  @Order(2)
  void theStandbyTakesOverWhenTheLeaderStopsAndOldTimelinesGoOnlyForFinalVerifications() {
    ConfigurableApplicationContext leader = purge(first).isActive() ? first : second;
    ConfigurableApplicationContext standby = leader == first ? second : first;
    leader.close();
    List<Verification> more = passed(4);

    clock.advance(Duration.ofDays(8));

    await("the standby erases the new ones")
        .atMost(WAIT)
        .until(() -> erasedNotes() == FINAL_VERIFICATIONS + 4);
    assertThat(purge(standby).isActive()).isTrue();
    for (Verification v : more) {
      assertThat(
              sql.sql(
                      "SELECT source FROM verification_transitions WHERE verification_id = :id"
                          + " AND cause = :cause")
                  .param("id", v.id())
                  .param("cause", Causes.IDENTITY_ERASED)
                  .query(String.class)
                  .single())
          .isNotEqualTo(firstLeaderSource);
    }
    List<Integer> inFlightTimelines =
        inFlight.stream().map(v -> db.store.timeline(v.id()).size()).toList();

    clock.advance(Duration.ofDays(401));

    await("timelines of final verifications deleted after the audit period")
        .atMost(WAIT)
        .until(
            () ->
                count(
                        "SELECT count(*) FROM verification_transitions t JOIN verifications v"
                            + " ON v.id = t.verification_id WHERE v.status = 'PASSED'")
                    == 0);
    for (int i = 0; i < inFlight.size(); i++) {
      assertThat(db.store.timeline(inFlight.get(i).id()))
          .hasSizeGreaterThanOrEqualTo(inFlightTimelines.get(i));
      assertThat(db.store.timeline(inFlight.get(i).id()).get(0).cause())
          .isEqualTo(Causes.REQUEST_RECEIVED);
    }
    // the verification rows stay: the idempotency key and the audit of how each one ended
    assertThat(count("SELECT count(*) FROM verifications")).isEqualTo(FINAL_VERIFICATIONS + 4 + 3L);
    assertInFlightUntouched();
  }

  private static void assertInFlightUntouched() {
    for (int i = 0; i < inFlight.size(); i++) {
      Verification v = inFlight.get(i);
      assertThat(sealed(v.id()))
          .as("sealed identity of " + v.status())
          .isEqualTo(inFlightSealed.get(i));
      assertThat(db.find(v.id()).status().isFinal()).isFalse();
      assertThat(
              db.store.timeline(v.id()).stream()
                  .filter(t -> t.cause().equals(Causes.IDENTITY_ERASED)))
          .isEmpty();
    }
  }

  private static List<Verification> passed(int n) {
    List<Verification> passed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Verification v = db.awaitingUser();
      if (!db.store.apply(v.markPassed(), "reconciler@it")) {
        throw new IllegalStateException("lost a race nobody runs");
      }
      passed.add(db.find(v.id()));
    }
    return passed;
  }

  private static String sealed(UUID id) {
    return sql.sql(
            "SELECT pii_key_id || ':' || encode(cert_name_ciphertext, 'hex') || ':'"
                + " || encode(cert_no_ciphertext, 'hex') FROM verifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private static long erasedNotes() {
    return sql.sql("SELECT count(*) FROM verification_transitions WHERE cause = :cause")
        .param("cause", Causes.IDENTITY_ERASED)
        .query(Long.class)
        .single();
  }

  private static long count(String query) {
    return sql.sql(query).query(Long.class).single();
  }

  private static ElectedPurge purge(ConfigurableApplicationContext context) {
    return context.getBean(ElectedPurge.class);
  }
}

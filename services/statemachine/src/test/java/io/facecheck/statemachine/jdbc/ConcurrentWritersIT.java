package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two writers at once, on a real PostgreSQL: compare-and-set lets exactly one win. */
class ConcurrentWritersIT {

  private static MigratedDatabase db;
  private static JdbcVerificationStore store;
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    store = db.store();
  }

  @AfterAll
  static void stop() {
    THREADS.shutdownNow();
  }

  @RepeatedTest(5)
  void exactlyOneOfTwoConcurrentWritersWins() throws Exception {
    Verification v =
        Stores.awaiting(db, store, "race-" + UUID.randomUUID().toString().substring(0, 8));
    // the reconciler decides PASSED while ops dead-letters it, both from the same version
    Change passed = v.markPassed();
    Change parked = v.markDeadLettered("manual");

    List<Boolean> results =
        race(() -> store.apply(passed, "reconciler"), () -> store.apply(parked, "ops"));

    assertThat(results).containsExactlyInAnyOrder(true, false);
    Verification stored = store.find(v.id()).orElseThrow();
    assertThat(stored.version()).isEqualTo(v.version() + 1);
    VerificationStatus winner =
        results.get(0) ? VerificationStatus.PASSED : VerificationStatus.DEAD_LETTERED;
    assertThat(stored.status()).isEqualTo(winner);
    assertThat(store.timeline(v.id()).get(store.timeline(v.id()).size() - 1).to())
        .isEqualTo(winner);
    long events =
        db.jdbc
            .sql(
                "SELECT count(*) FROM outbox WHERE verification_id = ? AND event_type = 'verification.passed'")
            .param(v.id())
            .query(Long.class)
            .single();
    assertThat(events).isEqualTo(winner == VerificationStatus.PASSED ? 1 : 0);
  }

  @Test
  void twoReconcilersNeverClaimTheSameRow() throws Exception {
    for (int i = 0; i < 40; i++) {
      Verification v = Stores.awaiting(db, store, "claim-" + i);
      store.apply(v.scheduleQuery(db.clock.instant().minusSeconds(i)), "t");
    }

    List<List<Verification>> claims =
        race(
            () -> store.claimDueQueries(db.clock.instant(), 25, Duration.ofMinutes(1)),
            () -> store.claimDueQueries(db.clock.instant(), 25, Duration.ofMinutes(1)));

    Set<UUID> first = ids(claims.get(0));
    Set<UUID> second = ids(claims.get(1));
    assertThat(first).doesNotContainAnyElementsOf(second);
    assertThat(first.size() + second.size()).isEqualTo(40);
  }

  private static Set<UUID> ids(List<Verification> claimed) {
    Set<UUID> ids = new HashSet<>();
    claimed.forEach(v -> ids.add(v.id()));
    assertThat(ids).hasSameSizeAs(claimed);
    return ids;
  }

  /** Starts both tasks, releases them together with a latch, and returns their results in order. */
  @SafeVarargs
  private static <T> List<T> race(Callable<T>... tasks) throws Exception {
    CountDownLatch ready = new CountDownLatch(tasks.length);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          THREADS.submit(
              () -> {
                ready.countDown();
                go.await();
                return task.call();
              }));
    }
    ready.await();
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    return results;
  }
}

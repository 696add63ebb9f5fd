package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reconciler's side of a callback flood: a flood of callbacks for one return costs at most two
 * queries and two timeline notes, whatever intake lets through.
 */
class CallbackFloodIT {

  private static final String GROUP = "reconciler-flood";

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static ConfigurableApplicationContext reconciler;
  private static ReconcilerProbe probe;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    reconciler = ReconcilerInstances.start(db.database, clock, GROUP, "flood");
    probe = new ReconcilerProbe(GROUP, clock, db);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    probe.close();
  }

  @Test
  void aThousandCallbacksForOneReturnCostAtMostTwoQueries() {
    Verification v = db.awaitingUser();
    Instant firstReturn = clock.instant();

    probe.awaitConsumed(probe.sendCallbacks(v.id(), firstReturn, 500));
    // past callback-requery-after (30 s): one repeat may ask once more, and only one
    clock.advance(Duration.ofSeconds(31));
    probe.awaitConsumed(probe.sendCallbacks(v.id(), clock.instant(), 500));

    // the return's query goes out once: as CALLBACK, or as LADDER when the ladder claimed the
    // query the recorded return made due first; then at most the one re-query
    assertThat(probe.queriesOf(v.id())).hasSizeLessThanOrEqualTo(2);
    assertThat(probe.notes(v.id(), Causes.USER_RETURNED)).hasSizeLessThanOrEqualTo(2);
    Verification after = db.find(v.id());
    assertThat(after.userReturnedAt()).isEqualTo(firstReturn);
    assertThat(after.queryAttempts()).isLessThanOrEqualTo(2);
  }

  @Test
  void repeatsWithinTheRequeryDelayCostNothingBeyondTheFirstQuery() {
    Verification v = db.awaitingUser();

    probe.awaitConsumed(probe.sendCallbacks(v.id(), clock.instant(), 200));

    assertThat(probe.queriesOf(v.id())).hasSize(1);
    assertThat(probe.notes(v.id(), Causes.USER_RETURNED)).hasSize(1);
  }

  @Test
  void callbacksAfterTheFinalStatusAreNotedOnce() {
    Verification v = db.awaitingUser();
    probe.sendResult(v, QueryReason.LADDER, QueryOutcome.PASSED, null);
    probe.awaitStatus(v.id(), VerificationStatus.PASSED);

    probe.awaitConsumed(probe.sendCallbacks(v.id(), clock.instant(), 100));

    await().untilAsserted(() -> assertThat(probe.notes(v.id(), Causes.LATE_RESULT)).hasSize(1));
    assertThat(probe.queriesOf(v.id())).isEmpty();
  }
}

package io.facecheck.reconciler.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.reconciler.ladder.LadderSchedule;
import io.facecheck.reconciler.ladder.LadderSteps;
import io.facecheck.reconciler.query.RecordingQuerySender;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every branch of a user's return, on the in-memory store and a sender without Kafka. The
 * verifications of {@link Fixtures} were received at T0 and expire at T0 + 15 min.
 */
class CallbackHandlerTest {

  private static final Duration LEASE = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Fixtures.T0.plusSeconds(100));
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final RecordingQuerySender sender = new RecordingQuerySender();
  private final LadderSchedule ladder =
      new LadderSchedule(
          List.of(Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(10)),
          Duration.ofMinutes(2));
  private final CallbackHandler handler =
      new CallbackHandler(
          store,
          sender,
          new LadderSteps(store, ladder, "reconciler@test"),
          new RepeatedReturns(Duration.ofSeconds(30)),
          clock,
          LEASE,
          "reconciler@test");

  @Test
  void theFirstReturnIsRecordedQueriedAtOnceAndPutBackOnItsLadder() {
    Verification v = store.put(Fixtures.awaitingUser());
    Instant now = clock.instant();

    handler.onCallbacks(List.of(callback(v, now)));

    Verification after = store.find(v.id()).orElseThrow();
    assertThat(after.userReturnedAt()).isEqualTo(now);
    assertThat(after.queryAttempts()).isEqualTo(1);
    assertThat(after.lastQueryAt()).isEqualTo(now);
    assertThat(after.nextQueryAt()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(3)));
    assertThat(sender.sent())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.reason()).isEqualTo(QueryReason.CALLBACK);
              assertThat(q.verificationId()).isEqualTo(v.id());
              assertThat(q.certifyId()).isEqualTo(v.certifyId());
            });
    assertThat(store.timeline(v.id()))
        .extracting(Transition::cause)
        .containsExactly(Causes.USER_RETURNED);
  }

  @Test
  void aQueryTheBrokerDidNotTakeKeepsItsLeaseAndNoLadderStep() {
    Verification v = store.put(Fixtures.awaitingUser());
    sender.acknowledging(q -> false);

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    Verification after = store.find(v.id()).orElseThrow();
    assertThat(after.nextQueryAt()).isEqualTo(clock.instant().plus(LEASE));
    assertThat(sender.sent()).hasSize(1);
  }

  @Test
  void repeatsOfTheReturnCostNothingUntilOneMayAskOnceMore() {
    Verification v = store.put(Fixtures.awaitingUser());
    handler.onCallbacks(List.of(callback(v, clock.instant())));

    clock.advance(Duration.ofSeconds(10));
    handler.onCallbacks(List.of(callback(v, clock.instant())));
    assertThat(sender.sent()).hasSize(1);

    clock.advance(Duration.ofSeconds(25)); // 35 s after the first return
    handler.onCallbacks(List.of(callback(v, clock.instant())));
    clock.advance(Duration.ofSeconds(25));
    handler.onCallbacks(List.of(callback(v, clock.instant())));

    assertThat(sender.sent()).hasSize(2);
    assertThat(store.find(v.id()).orElseThrow().userReturnedAt())
        .isEqualTo(Fixtures.T0.plusSeconds(100));
  }

  @Test
  void severalReturnsOfOneVerificationInABatchSendOneQuery() {
    Verification v = store.put(Fixtures.awaitingUser());

    handler.onCallbacks(List.of(callback(v, clock.instant()), callback(v, clock.instant())));

    assertThat(sender.sent()).hasSize(1);
  }

  @Test
  void aReturnWhileAlipayIsStillBeingCalledIsKeptForTheFirstQuery() {
    Verification v = store.put(Fixtures.initializing());

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    Verification after = store.find(v.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(after.userReturnedAt()).isEqualTo(clock.instant());
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aVerificationParkedWhileItWaitedIsAskedButNotResumedOnAHint() {
    Verification v = store.put(Fixtures.awaitingUser().markDeadLettered("X").after());

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    Verification after = store.find(v.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(after.userReturnedAt()).isEqualTo(clock.instant());
    assertThat(sender.sent())
        .singleElement()
        .satisfies(q -> assertThat(q.reason()).isEqualTo(QueryReason.CALLBACK));
  }

  @Test
  void aVerificationParkedBeforeItsCertifyUrlIsNotAsked() {
    Verification v = store.put(Fixtures.initializing().markDeadLettered("X").after());

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    assertThat(store.find(v.id()).orElseThrow().userReturnedAt()).isEqualTo(clock.instant());
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aReturnAfterTheDecisionIsNotedOnceAsLate() {
    Verification v = store.put(Fixtures.in(VerificationStatus.PASSED));

    handler.onCallbacks(List.of(callback(v, clock.instant())));
    handler.onCallbacks(List.of(callback(v, clock.instant())));

    assertThat(store.timeline(v.id()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.cause()).isEqualTo(Causes.LATE_RESULT);
              assertThat(t.details()).containsEntry("kind", "callback");
            });
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aReturnAfterADecisionThatAlreadyKnewOfTheReturnIsNotNoted() {
    Verification v = store.put(Fixtures.in(VerificationStatus.FAILED)); // failed after a return

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    assertThat(store.timeline(v.id())).isEmpty();
  }

  @Test
  void aReturnForAnUnknownVerificationIsDropped() {
    handler.onCallbacks(List.of(callback(Fixtures.awaitingUser(), clock.instant())));

    assertThat(sender.sent()).isEmpty();
    assertThat(store.all()).isEmpty();
  }

  @Test
  void aLostCompareAndSetIsReadAgain() {
    Verification v = store.put(Fixtures.awaitingUser());
    store.failNextApply();

    handler.onCallbacks(List.of(callback(v, clock.instant())));

    assertThat(store.find(v.id()).orElseThrow().userReturnedAt()).isEqualTo(clock.instant());
    assertThat(sender.sent()).hasSize(1);
  }

  @Test
  void aFailingCallbackStopsTheBatchAfterTheQueriesOfTheOnesBeforeItWentOut() {
    Verification first = store.put(Fixtures.awaitingUser());
    Verification broken = store.put(Fixtures.awaitingUser());
    // first: its return and its query start; then broken's return fails
    store.beforeNextApply(
        () ->
            store.beforeNextApply(
                () ->
                    store.beforeNextApply(
                        () -> {
                          throw new IllegalStateException("database gone");
                        })));

    assertThatThrownBy(
            () ->
                handler.onCallbacks(
                    List.of(callback(first, clock.instant()), callback(broken, clock.instant()))))
        .isInstanceOfSatisfying(
            RecordFailedException.class, e -> assertThat(e.index()).isEqualTo(1));

    assertThat(sender.sent())
        .extracting(VerificationQuery::verificationId)
        .containsExactly(first.id());
    assertThat(store.find(broken.id()).orElseThrow().userReturnedAt()).isNull();
  }

  private static VerificationCallback callback(Verification v, Instant at) {
    return VerificationCallback.of(UUID.randomUUID(), v.id(), at);
  }
}

package io.facecheck.reconciler.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each kind of decision applied through the status machine, on the in-memory store; the table
 * itself is DecisionTableTest's.
 */
class OutcomeDeciderTest {

  private final MutableClock clock = new MutableClock(Fixtures.T0.plusSeconds(300));
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final OutcomeDecider decider = new OutcomeDecider(store, clock, "reconciler@test");

  @Test
  void passedPassesAndAnnouncesIt() {
    Verification v = store.put(Fixtures.awaitingUser());

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.PASSED);
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.PASSED);
  }

  @Test
  void notPassedAskedAfterTheReturnFailsWithAlipaysReason() {
    Verification v = store.put(Fixtures.awaitingUserReturned());

    decider.onResult(
        result(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, "face mismatch", clock.instant()));

    Verification failed = store.find(v.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(VerificationStatus.FAILED);
    assertThat(failed.failure().message()).isEqualTo("face mismatch");
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.FAILED);
  }

  @Test
  void anUnknownCertificationAfterTheReturnFails() {
    Verification v = store.put(Fixtures.awaitingUserReturned());

    decider.onResult(result(v, QueryReason.CALLBACK, QueryOutcome.NOT_FOUND, "X", clock.instant()));

    assertThat(store.find(v.id()).orElseThrow().failure().message())
        .isEqualTo(DecisionTable.CERTIFY_NOT_FOUND);
  }

  @Test
  void theFinalQueryWithoutAReturnExpires() {
    Verification v = store.put(Fixtures.awaitingUserFinalQueried());

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, v.expiresAt()));

    assertThat(status(v)).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.EXPIRED);
  }

  @Test
  void aFinalAnswerTheStatusMachineRefusesChangesNothing() {
    // no query was ever started at or after expires_at: EXPIRED is refused by the guard
    Verification v = store.put(Fixtures.awaitingUser());

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, v.expiresAt()));

    assertThat(store.find(v.id())).contains(v);
    assertThat(store.timeline(v.id())).isEmpty();
  }

  @Test
  void aStaleFinalNotPassedAskedBeforeTheReturnMakesAQueryDueNow() {
    Verification v =
        store.put(
            Fixtures.awaitingUserReturned().scheduleQuery(Fixtures.T0.plusSeconds(600)).after());
    Instant askedBefore = v.userReturnedAt().minusSeconds(1);

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, askedBefore));

    Verification requery = store.find(v.id()).orElseThrow();
    assertThat(requery.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(requery.nextQueryAt()).isEqualTo(clock.instant());
  }

  @Test
  void aRequeryWhenOneIsDueAlreadyWritesNothing() {
    Verification v = store.put(Fixtures.awaitingUserReturned()); // its query is due at T0+120
    Instant askedBefore = v.userReturnedAt().minusSeconds(1);

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, askedBefore));
    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, askedBefore));

    assertThat(store.applyCalls()).isZero();
  }

  @Test
  void notPassedBeforeTheUserCameBackKeepsWaitingAndWritesNothing() {
    Verification v = store.put(Fixtures.awaitingUser());

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null, clock.instant()));

    assertThat(store.find(v.id())).contains(v);
    assertThat(store.timeline(v.id())).isEmpty();
  }

  @Test
  void aResultForAFinalVerificationIsNotedAsLate() {
    Verification v = store.put(Fixtures.in(VerificationStatus.PASSED));

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.PASSED);
    assertThat(store.timeline(v.id()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.cause()).isEqualTo(Causes.LATE_RESULT);
              assertThat(t.details()).containsEntry("outcome", "NOT_PASSED");
            });
  }

  @Test
  void aResultForAVerificationNotWaitingForItsUserIsOnlyNoted() {
    Verification v = store.put(Fixtures.initializing());

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::cause)
        .containsExactly(OutcomeDecider.RESULT_NOT_AWAITED);
  }

  @Test
  void passedResumesAVerificationParkedWhileItWaitedAndPassesIt() {
    Verification v = store.put(Fixtures.awaitingUser().markDeadLettered("X").after());

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.PASSED);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to)
        .containsExactly(VerificationStatus.AWAITING_USER, VerificationStatus.PASSED);
  }

  @Test
  void aLateFinalAnswerDecidesAVerificationParkedBecauseNobodyAnswered() {
    Verification v =
        store.put(
            Fixtures.awaitingUserFinalQueried().markDeadLettered(FinalQueryLimit.REASON).after());

    decider.onResult(result(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, null, v.expiresAt()));

    assertThat(status(v)).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to)
        .containsExactly(VerificationStatus.AWAITING_USER, VerificationStatus.EXPIRED);
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.EXPIRED);
  }

  @Test
  void anIndecisiveAnswerLeavesAVerificationParkedBecauseNobodyAnsweredToOps() {
    Verification v =
        store.put(
            Fixtures.awaitingUserFinalQueried().markDeadLettered(FinalQueryLimit.REASON).after());

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::cause)
        .containsExactly(OutcomeDecider.RESULT_NOT_AWAITED);
  }

  @Test
  void aLostCompareAndSetIsDecidedAgainOnTheRowAsItIsNow() {
    Verification v = store.put(Fixtures.awaitingUser());
    store.failNextApply();

    decider.onResult(result(v, QueryReason.LADDER, QueryOutcome.PASSED, null, clock.instant()));

    assertThat(status(v)).isEqualTo(VerificationStatus.PASSED);
    assertThat(store.applyCalls()).isEqualTo(2);
  }

  @Test
  void aResultForAnUnknownVerificationIsDropped() {
    Verification neverStored = Fixtures.awaitingUser();

    decider.onResult(
        result(neverStored, QueryReason.LADDER, QueryOutcome.PASSED, null, clock.instant()));

    assertThat(store.all()).isEmpty();
  }

  @Test
  void aBatchStopsAtTheFirstResultThatFailsNamingIt() {
    Verification first = store.put(Fixtures.awaitingUser());
    Verification broken = store.put(Fixtures.awaitingUser());
    Verification third = store.put(Fixtures.awaitingUser());
    // the second write fails, as it would with the database gone
    store.beforeNextApply(
        () ->
            store.beforeNextApply(
                () -> {
                  throw new IllegalStateException("database gone");
                }));

    assertThatThrownBy(
            () -> decider.onResults(List.of(passed(first), passed(broken), passed(third))))
        .isInstanceOfSatisfying(
            RecordFailedException.class, e -> assertThat(e.index()).isEqualTo(1));

    assertThat(status(first)).isEqualTo(VerificationStatus.PASSED);
    assertThat(status(broken)).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(status(third)).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  private VerificationQueryResult passed(Verification v) {
    return result(v, QueryReason.LADDER, QueryOutcome.PASSED, null, clock.instant());
  }

  private VerificationStatus status(Verification v) {
    return store.find(v.id()).orElseThrow().status();
  }

  private static VerificationQueryResult result(
      Verification v, QueryReason reason, QueryOutcome outcome, String failReason, Instant at) {
    VerificationQuery query =
        VerificationQuery.of(UUID.randomUUID(), v.id(), "default", "cid-1", reason, at);
    return VerificationQueryResult.answering(query, outcome, failReason, at);
  }
}

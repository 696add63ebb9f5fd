package io.facecheck.reconciler.decision;

import static io.facecheck.contracts.query.QueryOutcome.NOT_FOUND;
import static io.facecheck.contracts.query.QueryOutcome.NOT_PASSED;
import static io.facecheck.contracts.query.QueryOutcome.PASSED;
import static io.facecheck.contracts.query.QueryReason.CALLBACK;
import static io.facecheck.contracts.query.QueryReason.FINAL;
import static io.facecheck.contracts.query.QueryReason.LADDER;
import static io.facecheck.statemachine.VerificationStatus.AWAITING_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.WaitingVerifications;
import io.facecheck.reconciler.decision.Decision.Kind;
import io.facecheck.reconciler.decision.DecisionTable.Row;
import io.facecheck.reconciler.decision.DecisionTable.Standing;
import io.facecheck.reconciler.decision.DecisionTable.Timing;
import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionTableTest {

  private static final Instant RETURNED = Instant.parse("2026-11-26T10:05:00Z");

  @ParameterizedTest
  @EnumSource(QueryReason.class)
  void passesWheneverAlipaySaysPassed(QueryReason reason) {
    assertThat(decide(AWAITING_USER, null, result(reason, PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.PASS));
    assertThat(decide(AWAITING_USER, RETURNED, result(reason, PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.PASS));
  }

  @ParameterizedTest
  @EnumSource(QueryReason.class)
  void failsWithCertifyNotFoundWhenAlipayDoesNotKnowTheCertification(QueryReason reason) {
    assertThat(decide(AWAITING_USER, RETURNED, result(reason, NOT_FOUND, "40004", RETURNED)))
        .isEqualTo(Decision.fail(DecisionTable.CERTIFY_NOT_FOUND));
  }

  @Test
  void waitsForTheFinalQueryWhenTheCertificationIsUnknownBeforeTheUserReturned() {
    // FAILED needs the user's return; until then an unknown certification is an unfinished one
    assertThat(decide(AWAITING_USER, null, result(LADDER, NOT_FOUND, "40004", RETURNED)))
        .isEqualTo(Decision.of(Kind.KEEP_WAITING));
    assertThat(decide(AWAITING_USER, null, result(FINAL, NOT_FOUND, "40004", RETURNED)))
        .isEqualTo(Decision.of(Kind.EXPIRE));
  }

  @Test
  void failsWithAlipaysReasonWhenNotPassedAfterTheUserReturned() {
    Decision decision =
        decide(AWAITING_USER, RETURNED, result(CALLBACK, NOT_PASSED, "FACE_MISMATCH", RETURNED));
    assertThat(decision).isEqualTo(Decision.fail("FACE_MISMATCH"));
  }

  @Test
  void failsWithNotPassedWhenAlipayGaveNoReason() {
    assertThat(decide(AWAITING_USER, RETURNED, result(CALLBACK, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.fail(DecisionTable.NOT_PASSED));
    assertThat(decide(AWAITING_USER, RETURNED, result(CALLBACK, NOT_PASSED, " ", RETURNED)))
        .isEqualTo(Decision.fail(DecisionTable.NOT_PASSED));
  }

  @Test
  void failsOnALadderAnswerGivenAfterTheReturn() {
    Decision decision =
        decide(AWAITING_USER, RETURNED, result(LADDER, NOT_PASSED, "X", RETURNED.plusSeconds(1)));
    assertThat(decision).isEqualTo(Decision.fail("X"));
  }

  @Test
  void keepsWaitingOnALadderAnswerGivenBeforeTheReturn() {
    // asked while the user was still scanning: the callback's own query will tell
    Decision decision =
        decide(AWAITING_USER, RETURNED, result(LADDER, NOT_PASSED, null, RETURNED.minusSeconds(1)));
    assertThat(decision).isEqualTo(Decision.of(Kind.KEEP_WAITING));
  }

  @Test
  void keepsWaitingWhenNotPassedBeforeTheUserReturned() {
    assertThat(decide(AWAITING_USER, null, result(LADDER, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.KEEP_WAITING));
    assertThat(decide(AWAITING_USER, null, result(CALLBACK, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.KEEP_WAITING));
  }

  @Test
  void expiresWhenTheFinalQuerySaysNotPassedAndTheUserNeverReturned() {
    assertThat(decide(AWAITING_USER, null, result(FINAL, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.EXPIRE));
  }

  @Test
  void failsRatherThanExpiresWhenTheUserReturnedBeforeTheFinalQueryAnswer() {
    assertThat(decide(AWAITING_USER, RETURNED, result(FINAL, NOT_PASSED, "Z", RETURNED)))
        .isEqualTo(Decision.fail("Z"));
  }

  @ParameterizedTest
  @EnumSource(
      value = VerificationStatus.class,
      names = {"PASSED", "FAILED", "EXPIRED", "REJECTED"})
  void notesALateResultForAFinalVerification(VerificationStatus status) {
    for (QueryOutcome outcome : QueryOutcome.values()) {
      assertThat(decide(status, RETURNED, result(FINAL, outcome, null, RETURNED)))
          .isEqualTo(Decision.of(Kind.LATE_RESULT));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = VerificationStatus.class,
      names = {"RECEIVED", "INITIALIZING", "DEAD_LETTERED"})
  void changesNothingForAVerificationNotWaitingForItsUser(VerificationStatus status) {
    assertThat(decide(status, null, result(CALLBACK, PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.NOT_AWAITING));
  }

  @Test
  void everyInputFallsInExactlyOneRow() {
    for (Standing standing : Standing.values()) {
      for (QueryOutcome outcome : QueryOutcome.values()) {
        for (Timing timing : Timing.values()) {
          for (boolean isFinal : new boolean[] {true, false}) {
            assertThat(
                    DecisionTable.ROWS.stream()
                        .filter(r -> r.matches(standing, outcome, timing, isFinal))
                        .count())
                .as("%s %s %s final=%s", standing, outcome, timing, isFinal)
                .isEqualTo(1);
          }
        }
      }
    }
  }

  @Test
  void everyRowIsReachable() {
    for (Row row : DecisionTable.ROWS) {
      Standing standing = row.standing().iterator().next();
      QueryOutcome outcome = row.outcome().iterator().next();
      Timing timing = row.timing().iterator().next();
      boolean isFinal = row.finalQuery().iterator().next();
      assertThat(DecisionTable.rowFor(standing, outcome, timing, isFinal)).isSameAs(row);
    }
  }

  @Test
  void asksAgainWhenTheFinalQueryWasSentBeforeTheUserReturned() {
    // the final query went out, then the user came back and passed: its "not passed" is stale
    Decision decision =
        decide(AWAITING_USER, RETURNED, result(FINAL, NOT_PASSED, null, RETURNED.minusSeconds(3)));
    assertThat(decision).isEqualTo(Decision.of(Kind.REQUERY));
  }

  @Test
  void failsOnAFinalNotPassedSentAtTheReturn() {
    assertThat(decide(AWAITING_USER, RETURNED, result(FINAL, NOT_PASSED, "Y", RETURNED)))
        .isEqualTo(Decision.fail("Y"));
  }

  @Test
  void aCallbackQueryCountsAsAskedAfterTheReturnWhateverTheClocksSay() {
    // worker and intake clocks may disagree by a little; only a recorded return starts one
    assertThat(
            decide(
                AWAITING_USER,
                RETURNED,
                result(CALLBACK, NOT_PASSED, "Z", RETURNED.minusMillis(5))))
        .isEqualTo(Decision.fail("Z"));
  }

  @ParameterizedTest
  @EnumSource(QueryReason.class)
  void passesAVerificationParkedWhileItWaitedForItsUser(QueryReason reason) {
    assertThat(
            DecisionTable.decide(
                Standing.PARKED_WHILE_AWAITING_USER, null, result(reason, PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.PASS_AFTER_DEAD_LETTER));
    assertThat(
            DecisionTable.decide(
                Standing.PARKED_WHILE_AWAITING_USER,
                RETURNED,
                result(reason, NOT_PASSED, "X", RETURNED)))
        .isEqualTo(Decision.of(Kind.NOT_AWAITING));
  }

  @Test
  void decidesAVerificationParkedForUnansweredFinalQueriesWhenAnAnswerComesAfterAll() {
    Standing parked = Standing.PARKED_UNANSWERED;
    // a final query's answer, or one asked after the return: decisive, so it resumes and decides
    assertThat(DecisionTable.decide(parked, null, result(FINAL, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.DECIDE_AFTER_UNANSWERED));
    assertThat(DecisionTable.decide(parked, null, result(FINAL, NOT_FOUND, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.DECIDE_AFTER_UNANSWERED));
    assertThat(
            DecisionTable.decide(
                parked, RETURNED, result(CALLBACK, NOT_PASSED, "X", RETURNED.plusSeconds(1))))
        .isEqualTo(Decision.of(Kind.DECIDE_AFTER_UNANSWERED));
    assertThat(DecisionTable.decide(parked, null, result(LADDER, PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.PASS_AFTER_DEAD_LETTER));
    // a ladder step's "not passed" before any return decides nothing
    assertThat(DecisionTable.decide(parked, null, result(LADDER, NOT_PASSED, null, RETURNED)))
        .isEqualTo(Decision.of(Kind.NOT_AWAITING));
  }

  @Test
  void onlyTheUnansweredFinalQueriesReasonMakesAParkedVerificationDecidable() {
    assertThat(Standing.of(parked(FinalQueryLimit.REASON))).isEqualTo(Standing.PARKED_UNANSWERED);
    assertThat(Standing.of(parked("PROVIDER_CONFIG")))
        .isEqualTo(Standing.PARKED_WHILE_AWAITING_USER);
  }

  private static Verification parked(String reason) {
    return WaitingVerifications.justIssued().build().markDeadLettered(reason).after();
  }

  private static Decision decide(
      VerificationStatus status, Instant returnedAt, VerificationQueryResult result) {
    return DecisionTable.decide(status, returnedAt, result);
  }

  private static VerificationQueryResult result(
      QueryReason reason, QueryOutcome outcome, String failReason, Instant queriedAt) {
    return new VerificationQueryResult(
        1,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "cid",
        reason,
        outcome,
        outcome == PASSED ? null : failReason,
        queriedAt);
  }
}

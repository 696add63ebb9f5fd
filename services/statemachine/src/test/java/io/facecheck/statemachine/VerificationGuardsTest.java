package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.statemachine.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules beyond the table: what each transition needs, and what it writes. */
class VerificationGuardsTest {

  @Test
  void refusesFailedBeforeTheUserReturned() {
    assertThatThrownBy(() -> Fixtures.awaitingUser().markFailed("mismatch"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("user's return");
  }

  @Test
  void refusesExpiredWithoutAFinalQueryAtExpiry() {
    Verification v = Fixtures.awaitingUser();
    Verification queriedEarly =
        v.startQuery(v.expiresAt().minusSeconds(1), Duration.ofSeconds(30)).after();

    assertThatThrownBy(v::markExpired).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(queriedEarly::markExpired).isInstanceOf(IllegalTransitionException.class);
    assertThat(Fixtures.awaitingUserFinalQueried().markExpired().to())
        .isEqualTo(VerificationStatus.EXPIRED);
  }

  @Test
  void expiresBeforeTheStartOnlyAtOrAfterExpiresAtAndOnlyUnstarted() {
    Verification initializing = Fixtures.initializing();
    Instant expiry = initializing.expiresAt();

    assertThatThrownBy(() -> initializing.markExpiredBeforeStart(expiry.minusSeconds(1)))
        .isInstanceOf(IllegalTransitionException.class);
    StatusChange expired = initializing.markExpiredBeforeStart(expiry);
    assertThat(expired.to()).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(expired.cause()).isEqualTo(Causes.EXPIRED_BEFORE_START);
    assertThat(expired.resultEvent()).contains(ResultType.EXPIRED);
    assertThat(Fixtures.received().markExpiredBeforeStart(expiry).to())
        .isEqualTo(VerificationStatus.EXPIRED);
    assertThatThrownBy(() -> Fixtures.awaitingUser().markExpiredBeforeStart(expiry.plusSeconds(1)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aFailureIsCutToWhatItsColumnsHold() {
    Failure failure = new Failure("INVALID_REQUEST", "/m/" + "k".repeat(400), "e".repeat(5000));

    assertThat(failure.message()).hasSize(Failure.MAX_MESSAGE).endsWith("…");
    assertThat(failure.field()).hasSize(Failure.MAX_FIELD);
    String pairs = "😀".repeat(2000); // 4000 chars of surrogate pairs: the cut keeps pairs whole
    assertThat(new Failure("X", null, pairs).message()).doesNotContain("\ud83d…");
    assertThat(Character.isHighSurrogate(cutBeforeEllipsis(new Failure("X", null, pairs))))
        .isFalse();
  }

  private static char cutBeforeEllipsis(Failure failure) {
    String m = failure.message();
    return m.charAt(m.length() - 2);
  }

  @Test
  void resumesToTheStatusItLeftAndClearsTheDeadLetter() {
    Verification parked = Fixtures.initializing().markDeadLettered("PROVIDER_CONFIG").after();
    assertThat(parked.deadLetter().returnsTo()).isEqualTo(VerificationStatus.INITIALIZING);

    StatusChange resumed = parked.resumeFromDeadLetter(Fixtures.T0);

    assertThat(resumed.to()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(resumed.after().deadLetter()).isNull();
    assertThat(resumed.resultEvent()).isEmpty();
  }

  @Test
  void resumedWaitForTheUserIsQueriedAtOnce() {
    Instant now = Fixtures.T0.plusSeconds(500);
    Verification parked = Fixtures.awaitingUser().markDeadLettered("RETRIES_EXHAUSTED").after();
    assertThat(parked.nextQueryAt()).isNull();

    StatusChange resumed = parked.resumeFromDeadLetter(now);

    assertThat(resumed.after().nextQueryAt()).isEqualTo(now);
    assertThat(resumed.resultEvent()).as("the certify URL is issued once").isEmpty();
  }

  @Test
  void refusesMalformedOuterOrderNumbers() {
    Verification v = Fixtures.received();
    assertThatThrownBy(() -> v.markInitializing("has-dash"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> v.markInitializing("X".repeat(33)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void awaitingUserCarriesTheCertifyUrlAndSchedulesTheFirstQuery() {
    Instant first = Fixtures.T0.plusSeconds(60);
    StatusChange change =
        Fixtures.initializing().markAwaitingUser("cid", "https://a.example/c", first);

    assertThat(change.after().certifyUrl()).isEqualTo("https://a.example/c");
    assertThat(change.after().nextQueryAt()).isEqualTo(first);
    assertThat(change.resultEvent()).contains(ResultType.CERTIFY_URL_ISSUED);
  }

  @Test
  void userReturnMakesAQueryDueAtOnceAndTheFirstReturnCounts() {
    Verification v = Fixtures.awaitingUser();
    Instant firstReturn = Fixtures.T0.plusSeconds(30);

    FieldChange returned = v.recordUserReturned(firstReturn);
    FieldChange again = returned.after().recordUserReturned(firstReturn.plusSeconds(10));

    assertThat(returned.after().nextQueryAt()).isEqualTo(firstReturn);
    assertThat(returned.note()).map(Note::cause).contains(Causes.USER_RETURNED);
    assertThat(again.after().userReturnedAt()).isEqualTo(firstReturn);
    assertThat(again.after().status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void userWhoReturnedWhileInitializingIsQueriedAsSoonAsTheCertifyUrlIsIssued() {
    Instant returnedAt = Fixtures.T0.plusSeconds(5);
    FieldChange early = Fixtures.initializing().recordUserReturned(returnedAt);
    assertThat(early.after().userReturnedAt()).isEqualTo(returnedAt);
    assertThat(early.after().nextQueryAt()).as("no query while initializing").isNull();

    StatusChange issued =
        early.after().markAwaitingUser("cid", "https://a.example/c", Fixtures.T0.plusSeconds(60));

    assertThat(issued.after().nextQueryAt()).isEqualTo(returnedAt);
    assertThat(issued.after().userReturnedAt()).isEqualTo(returnedAt);
  }

  @Test
  void anEarlierFirstLadderStepStaysWhenTheUserReturnedWhileInitializing() {
    Instant first = Fixtures.T0.plusSeconds(1);
    Verification early = Fixtures.initializing().recordUserReturned(first.plusSeconds(9)).after();

    assertThat(early.markAwaitingUser("cid", "https://a.example/c", first).after().nextQueryAt())
        .isEqualTo(first);
  }

  @Test
  void userReturnAfterTheFinalStatusIsRefused() {
    Verification passed = Fixtures.in(VerificationStatus.PASSED);
    assertThatThrownBy(() -> passed.recordUserReturned(Fixtures.T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void startQueryCountsAndLeases() {
    Verification v = Fixtures.awaitingUser();
    Instant now = Fixtures.T0.plusSeconds(60);

    Verification after = v.startQuery(now, Duration.ofSeconds(30)).after();

    assertThat(after.queryAttempts()).isEqualTo(1);
    assertThat(after.lastQueryAt()).isEqualTo(now);
    assertThat(after.nextQueryAt()).isEqualTo(now.plusSeconds(30));
    assertThat(after.version()).isEqualTo(v.version() + 1);
  }

  @Test
  void queriesAreOnlyScheduledWhileWaitingForTheUser() {
    assertThatThrownBy(() -> Fixtures.initializing().scheduleQuery(Fixtures.T0))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(
            () -> Fixtures.in(VerificationStatus.PASSED).startQuery(Fixtures.T0, Duration.ZERO))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void rejectionKeepsTheFieldAndFinalStatusesDropTheSchedule() {
    StatusChange change =
        Fixtures.received().markRejected("INVALID_REQUEST", "/return_url", "must be https");

    assertThat(change.after().failure())
        .isEqualTo(new Failure("INVALID_REQUEST", "/return_url", "must be https"));
    assertThat(change.details()).containsEntry("field", "/return_url");
    assertThat(Fixtures.in(VerificationStatus.PASSED).nextQueryAt()).isNull();
  }
}

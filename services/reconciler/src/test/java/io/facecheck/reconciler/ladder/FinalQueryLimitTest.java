package io.facecheck.reconciler.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.reconciler.WaitingVerifications;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FinalQueryLimitTest {

  private static final Duration RETRY = Duration.ofMinutes(2);
  private final FinalQueryLimit limit = new FinalQueryLimit(5, RETRY);
  private final WaitingVerifications waiting = WaitingVerifications.justIssued();
  private final Instant expiry = waiting.expiresAt();

  @Test
  void theFifthFinalQueryIsTheLast() {
    assertThat(limit.lastAttemptFrom(expiry)).isEqualTo(expiry.plus(Duration.ofMinutes(8)));
  }

  @Test
  void givesUpOnlyAfterTheLastAttemptHadItsTimeToBeAnswered() {
    Instant last = expiry.plus(Duration.ofMinutes(8));
    var v = waiting.withLastQueryAt(last).withNextQueryAt(last.plus(RETRY)).build();
    assertThat(limit.exhausted(v, last.plus(RETRY).minusMillis(1))).isFalse();
    assertThat(limit.exhausted(v, last.plus(RETRY))).isTrue();
  }

  @Test
  void keepsAskingBeforeTheLastAttempt() {
    Instant fourth = expiry.plus(Duration.ofMinutes(6));
    var v = waiting.withLastQueryAt(fourth).build();
    assertThat(limit.exhausted(v, fourth.plus(Duration.ofHours(1)))).isFalse();
  }

  @Test
  void aReconcilerBackFromAnOutageStillSendsOneFinalQuery() {
    // the last query was a ladder step before expiry: the final one has not gone out yet
    var v = waiting.withLastQueryAt(expiry.minusSeconds(300)).build();
    assertThat(limit.exhausted(v, expiry.plus(Duration.ofHours(2)))).isFalse();
  }

  @Test
  void neverGivesUpOnAUserWhoCameBackAfterTheLastQuery() {
    Instant last = expiry.plus(Duration.ofMinutes(8));
    var v = waiting.withLastQueryAt(last).withUserReturnedAt(last.plusSeconds(5)).build();
    assertThat(limit.exhausted(v, last.plus(Duration.ofHours(1)))).isFalse();
  }

  @Test
  void onlyAVerificationWaitingForItsUserIsParked() {
    Instant last = expiry.plus(Duration.ofMinutes(8));
    var v = waiting.withLastQueryAt(last).build(VerificationStatus.PASSED);
    assertThat(limit.exhausted(v, last.plus(Duration.ofHours(1)))).isFalse();
  }

  @Test
  void alwaysSendsAtLeastOneFinalQuery() {
    assertThatThrownBy(() -> new FinalQueryLimit(0, RETRY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

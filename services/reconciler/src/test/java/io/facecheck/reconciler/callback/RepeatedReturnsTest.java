package io.facecheck.reconciler.callback;

import static io.facecheck.reconciler.WaitingVerifications.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.reconciler.WaitingVerifications;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatedReturnsTest {

  private static final Instant RETURNED = RECEIVED.plusSeconds(100);
  private static final Instant QUERIED = RETURNED.plusMillis(20);
  private final RepeatedReturns repeats = new RepeatedReturns(Duration.ofSeconds(30));

  private final WaitingVerifications returnedAndQueried =
      WaitingVerifications.justIssued()
          .withUserReturnedAt(RETURNED)
          .withLastQueryAt(QUERIED)
          .withNextQueryAt(RECEIVED.plus(Duration.ofMinutes(3)));

  @Test
  void aRepeatSoonAfterTheReturnAsksNothing() {
    assertThat(repeats.mayQueryAgain(returnedAndQueried.build(), RETURNED.plusSeconds(29)))
        .isFalse();
  }

  @Test
  void aRepeatAfterTheDelayMayAskOnce() {
    Instant now = RETURNED.plusSeconds(30);
    assertThat(repeats.mayQueryAgain(returnedAndQueried.build(), now)).isTrue();
    // that query started: no repeat asks again, however many follow
    assertThat(
            repeats.mayQueryAgain(
                returnedAndQueried.withLastQueryAt(now).build(), now.plusSeconds(600)))
        .isFalse();
  }

  @Test
  void aQueryAlreadyDueIsLeftToTheLadder() {
    Instant now = RETURNED.plusSeconds(40);
    assertThat(repeats.mayQueryAgain(returnedAndQueried.withNextQueryAt(now).build(), now))
        .isFalse();
  }

  @Test
  void aQueryTheLadderSentLateEnoughCountsAsTheReQuery() {
    Instant ladder = RETURNED.plusSeconds(35);
    assertThat(
            repeats.mayQueryAgain(
                returnedAndQueried.withLastQueryAt(ladder).build(), RETURNED.plusSeconds(50)))
        .isFalse();
  }

  @Test
  void onlyAVerificationWaitingForItsUserIsAskedAgain() {
    assertThat(
            repeats.mayQueryAgain(
                returnedAndQueried.build(VerificationStatus.DEAD_LETTERED),
                RETURNED.plusSeconds(60)))
        .isFalse();
    assertThat(
            repeats.mayQueryAgain(
                WaitingVerifications.justIssued().build(), RETURNED.plusSeconds(60)))
        .isFalse();
  }
}

package io.facecheck.reconciler.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.query.QueryReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderScheduleTest {

  private static final Instant SINCE = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant EXPIRES = SINCE.plus(Duration.ofMinutes(15));
  private final LadderSchedule ladder =
      new LadderSchedule(
          List.of(Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(10)),
          Duration.ofMinutes(2));

  @Test
  void firstQueryIsOneMinuteAfterAwaitingUser() {
    assertThat(ladder.firstStep(SINCE, EXPIRES)).isEqualTo(SINCE.plus(Duration.ofMinutes(1)));
  }

  @Test
  void walksTheDefaultLadderThenQueriesAtExpiry() {
    Instant step1 = ladder.firstStep(SINCE, EXPIRES);
    Instant step2 = ladder.stepAfter(SINCE, EXPIRES, step1);
    Instant step3 = ladder.stepAfter(SINCE, EXPIRES, step2);
    Instant last = ladder.stepAfter(SINCE, EXPIRES, step3);
    assertThat(List.of(step1, step2, step3, last))
        .containsExactly(
            SINCE.plus(Duration.ofMinutes(1)),
            SINCE.plus(Duration.ofMinutes(3)),
            SINCE.plus(Duration.ofMinutes(10)),
            EXPIRES);
  }

  @Test
  void stepsAreOffsetsFromAwaitingUserNotFromTheLateQuery() {
    // a query that ran 40 s late does not push the next step back
    Instant late = SINCE.plus(Duration.ofSeconds(100));
    assertThat(ladder.stepAfter(SINCE, EXPIRES, late)).isEqualTo(SINCE.plus(Duration.ofMinutes(3)));
  }

  @Test
  void skipsStepsMissedWhileTheReconcilerWasDown() {
    Instant afterOutage = SINCE.plus(Duration.ofMinutes(11));
    assertThat(ladder.stepAfter(SINCE, EXPIRES, afterOutage)).isEqualTo(EXPIRES);
  }

  @Test
  void dropsStepsThatFallAfterExpiry() {
    Instant shortExpiry = SINCE.plus(Duration.ofMinutes(2));
    Instant step1 = ladder.firstStep(SINCE, shortExpiry);
    assertThat(step1).isEqualTo(SINCE.plus(Duration.ofMinutes(1)));
    assertThat(ladder.stepAfter(SINCE, shortExpiry, step1)).isEqualTo(shortExpiry);
  }

  @Test
  void goesStraightToTheFinalQueryWhenExpiryComesBeforeTheFirstStep() {
    Instant veryShort = SINCE.plusSeconds(30);
    assertThat(ladder.firstStep(SINCE, veryShort)).isEqualTo(veryShort);
  }

  @Test
  void repeatsTheFinalQueryAfterTheRetryDelayUntilItIsAnswered() {
    assertThat(ladder.stepAfter(SINCE, EXPIRES, EXPIRES))
        .isEqualTo(EXPIRES.plus(Duration.ofMinutes(2)));
    Instant later = EXPIRES.plus(Duration.ofMinutes(7));
    assertThat(ladder.stepAfter(SINCE, EXPIRES, later))
        .isEqualTo(later.plus(Duration.ofMinutes(2)));
  }

  @Test
  void aQueryAtOrAfterExpiryIsTheFinalOne() {
    assertThat(LadderSchedule.reasonAt(EXPIRES.minusMillis(1), EXPIRES))
        .isEqualTo(QueryReason.LADDER);
    assertThat(LadderSchedule.reasonAt(EXPIRES, EXPIRES)).isEqualTo(QueryReason.FINAL);
    assertThat(LadderSchedule.reasonAt(EXPIRES.plusSeconds(5), EXPIRES))
        .isEqualTo(QueryReason.FINAL);
  }

  @Test
  void refusesStepsOutOfOrder() {
    assertThatThrownBy(
            () ->
                new LadderSchedule(
                    List.of(Duration.ofMinutes(3), Duration.ofMinutes(1)), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LadderSchedule(List.of(Duration.ZERO), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

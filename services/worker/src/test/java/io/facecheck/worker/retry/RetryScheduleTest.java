package io.facecheck.worker.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void namesOneTopicPerDelayAfterItsMainTopic() {
    RetrySchedule schedule =
        new RetrySchedule(
            List.of(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10)));
    assertThat(schedule.topics(Topics.REQUESTS_RETRY_PREFIX))
        .containsExactly(
            "verification-requests-retry-5s",
            "verification-requests-retry-30s",
            "verification-requests-retry-2m",
            "verification-requests-retry-10m");
    assertThat(schedule.topic(Topics.QUERIES_RETRY_PREFIX, 4))
        .isEqualTo("verification-queries-retry-10m");
    assertThat(schedule.hops()).isEqualTo(4);
    assertThat(schedule.delay(2)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void spellsOddDelaysExactly() {
    assertThat(RetrySchedule.suffix(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(RetrySchedule.suffix(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(RetrySchedule.suffix(Duration.ofHours(2))).isEqualTo("2h");
  }

  @Test
  void refusesDelaysThatDoNotGrow() {
    assertThatThrownBy(
            () -> new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

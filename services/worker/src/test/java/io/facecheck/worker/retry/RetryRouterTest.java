package io.facecheck.worker.retry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetryRouterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant FAILED_AT = NOW.minusSeconds(1);

  private final List<RetryRecord> retried = new ArrayList<>();
  private final List<DeadLetter> deadLettered = new ArrayList<>();
  private final RetryRouter router =
      new RetryRouter(
          new RetrySchedule(
              List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2))),
          r -> {
            retried.add(r);
            return CompletableFuture.completedFuture(null);
          },
          d -> {
            deadLettered.add(d);
            return CompletableFuture.completedFuture(null);
          },
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aFirstFailureGoesToTheFirstRetryTopicDueAfterItsDelay() {
    Routing routing = router.transientFailure(failed(fresh(), 3, NOW.plusSeconds(900)));

    assertThat(routing.deadLettered()).isFalse();
    assertThat(retried)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).isEqualTo("verification-requests-retry-5s");
              assertThat(r.hop()).isEqualTo(1);
              assertThat(r.attempts()).isEqualTo(3);
              assertThat(r.dueAt()).isEqualTo(NOW.plusSeconds(5));
              assertThat(r.firstFailureAt()).isEqualTo(FAILED_AT);
              assertThat(r.original().offset()).isEqualTo(42);
            });
  }

  @Test
  void laterHopsGrowAndCarryTheHistory() {
    Instant first = NOW.minusSeconds(40);
    router.transientFailure(failed(afterHop(1, 3, first), 3, NOW.plusSeconds(900)));

    RetryRecord next = retried.get(0);
    assertThat(next.topic()).isEqualTo("verification-requests-retry-30s");
    assertThat(next.hop()).isEqualTo(2);
    assertThat(next.attempts()).isEqualTo(6);
    assertThat(next.firstFailureAt()).isEqualTo(first);
    assertThat(next.lastFailureAt()).isEqualTo(FAILED_AT);
  }

  @Test
  void afterTheLastHopItIsDeadLetteredRetriesExhaustedWithTheWholeHistory() {
    Instant first = NOW.minusSeconds(200);
    Routing routing =
        router.transientFailure(failed(afterHop(3, 9, first), 3, NOW.plusSeconds(900)));

    assertThat(routing.deadLettered()).isTrue();
    assertThat(routing.reason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
    assertThat(retried).isEmpty();
    DeadLetter letter = deadLettered.get(0);
    assertThat(letter.deadLetterTopic()).isEqualTo(Topics.REQUESTS_DLT);
    assertThat(letter.attempts()).isEqualTo(12);
    assertThat(letter.firstFailureAt()).isEqualTo(first);
    assertThat(letter.original().offset()).isEqualTo(42);
    assertThat(letter.message()).contains("502").contains("3 retry hops");
  }

  @Test
  void aRetryThatWouldComeAfterTheDeadlineIsDueAtTheDeadline() {
    Instant deadline = NOW.plusSeconds(4);
    Routing routing = router.transientFailure(failed(fresh(), 3, deadline));

    // delivered at expires_at, the initiation ends the verification EXPIRED: nothing parked
    assertThat(routing.deadLettered()).isFalse();
    assertThat(deadLettered).isEmpty();
    assertThat(retried).singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(deadline));
  }

  @Test
  void aRetryPastAnAlreadyPassedDeadlineIsDueAtOnce() {
    router.transientFailure(failed(fresh(), 3, NOW.minusSeconds(1)));

    assertThat(retried).singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(NOW));
  }

  @Test
  void anOutageParksTheRecordWithoutSpendingAHop() {
    Instant halfOpen = NOW.plusSeconds(7);
    router.unavailable(failed(afterHop(2, 6, NOW.minusSeconds(60)), 0, null), halfOpen);
    router.unavailable(failed(fresh(), 1, null), halfOpen);

    assertThat(retried).extracting(RetryRecord::hop).containsExactly(2, 0);
    assertThat(retried)
        .extracting(RetryRecord::topic)
        .containsExactly("verification-requests-retry-30s", "verification-requests-retry-5s");
    assertThat(retried).extracting(RetryRecord::dueAt).containsOnly(halfOpen);
    assertThat(retried).extracting(RetryRecord::attempts).containsExactly(6, 1);
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void anOutageOutlastingTheDeadlineParksTheRecordUntilTheDeadline() {
    Instant deadline = NOW.plusSeconds(3);
    Routing routing = router.unavailable(failed(fresh(), 0, deadline), NOW.plusSeconds(7));

    assertThat(routing.deadLettered()).isFalse();
    assertThat(deadLettered).isEmpty();
    assertThat(retried).singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(deadline));
  }

  @Test
  void configurationErrorsGiveUpAtOnce() {
    Routing routing =
        router.giveUp(
            failed(fresh(), 1, NOW.plusSeconds(900)),
            DeadLetterReason.PROVIDER_CONFIG,
            "code 40002, sub_code isv.invalid-signature");
    assertThat(routing.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG);
    assertThat(deadLettered.get(0).attempts()).isEqualTo(1);
  }

  private static OriginalRecord fresh() {
    return new OriginalRecord(
        Topics.REQUESTS, 3, 42, "k".getBytes(UTF_8), "{}".getBytes(UTF_8), List.of());
  }

  /** As consumed from a retry topic after {@code hop} hops. */
  private static OriginalRecord afterHop(int hop, int attempts, Instant first) {
    return new OriginalRecord(
        Topics.REQUESTS,
        3,
        42,
        "k".getBytes(UTF_8),
        "{}".getBytes(UTF_8),
        List.of(
            header(RetryHeaders.HOP, hop),
            header(DeadLetterHeaders.ATTEMPTS, attempts),
            header(DeadLetterHeaders.FIRST_FAILURE_AT, first),
            header(DeadLetterHeaders.LAST_FAILURE_AT, NOW.minusSeconds(5))));
  }

  private static OriginalRecord.Header header(String key, Object value) {
    return new OriginalRecord.Header(key, String.valueOf(value).getBytes(UTF_8));
  }

  private static FailedAttempt failed(OriginalRecord record, int attempts, Instant deadline) {
    return new FailedAttempt(
        record,
        Topics.REQUESTS_RETRY_PREFIX,
        Topics.REQUESTS_DLT,
        attempts,
        attempts == 0 ? null : FAILED_AT,
        attempts == 0 ? null : FAILED_AT,
        deadline,
        "IOException: 502:Bad Gateway");
  }
}

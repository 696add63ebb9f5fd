package io.facecheck.worker.initiation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryHeaders;
import io.facecheck.worker.retry.RetryRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Where a start Alipay did not settle goes, and that a copy which lost the compare-and-set never
 * overrides what another copy did.
 */
class RetryingStartFailuresTest {

  private static final Instant T0 = Fixtures.T0;

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final List<RetryRecord> retries = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final RetryRouter router =
      new RetryRouter(
          new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(60))),
          r -> {
            retries.add(r);
            return CompletableFuture.completedFuture(null);
          },
          letter -> {
            deadLetters.add(letter);
            return CompletableFuture.completedFuture(null);
          },
          clock);
  private final RetryingStartFailures failures =
      new RetryingStartFailures(router, store, "worker@test");

  @Test
  void aLateConfigurationFailureLeavesAVerificationAnotherCopyMovedToAwaitingUser() {
    Verification initializing = store.put(Fixtures.initializing());
    store.apply(
        initializing.markAwaitingUser("cid-1", "https://certify/1", T0.plusSeconds(60)),
        "worker@other"); // the other copy won the race

    failures.configurationFailure(initializing, record(), providerConfig(), "40002 bad key").join();

    assertThat(store.find(initializing.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(store.applyCalls()).isEqualTo(2); // tried once from INITIALIZING, lost, re-read
    assertThat(deadLetters).hasSize(1); // the record itself is dead-lettered all the same
  }

  @Test
  void aConfigurationFailureIsDeadLetteredThenParksAVerificationStillInitializing() {
    Verification initializing = store.put(Fixtures.initializing());

    failures.configurationFailure(initializing, record(), providerConfig(), "40002 bad key").join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG);
              assertThat(l.deadLetterTopic()).isEqualTo(Topics.REQUESTS_DLT);
              assertThat(l.message()).isEqualTo("40002 bad key");
            });
    Verification parked = store.find(initializing.id()).orElseThrow();
    assertThat(parked.status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(parked.deadLetter().reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG.code());
  }

  @Test
  void aParkedCopyRetriesItsCompareAndSetAfterAnUnrelatedWrite() {
    Verification initializing = store.put(Fixtures.initializing());
    store.failNextApply(); // e.g. the user's early return noted on the row meanwhile

    failures.configurationFailure(initializing, record(), providerConfig(), "bad key").join();

    assertThat(store.find(initializing.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.DEAD_LETTERED);
  }

  @Test
  void aTransientFailureIsPublishedToTheNextRetryTopicAndTheVerificationKeptInitializing() {
    Verification initializing = store.put(Fixtures.initializing());

    failures.transientFailure(initializing, record(), failedCall(), "timeout").join();

    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.hop()).isEqualTo(1);
              assertThat(r.topic()).startsWith(Topics.REQUESTS_RETRY_PREFIX);
            });
    assertThat(deadLetters).isEmpty();
    assertThat(store.find(initializing.id()).orElseThrow()).isEqualTo(initializing);
  }

  @Test
  void aTransientFailureWithEveryHopSpentIsDeadLetteredAndParked() {
    Verification initializing = store.put(Fixtures.initializing());

    failures.transientFailure(initializing, onHop(2), failedCall(), "timeout").join();

    assertThat(retries).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED));
    assertThat(store.find(initializing.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.DEAD_LETTERED);
  }

  @Test
  void aRetryThatWouldComeAfterExpiryIsDueAtExpiryAndTheVerificationKeptInitializing() {
    Verification initializing = store.put(Fixtures.initializing());
    clock.advance(Duration.ofSeconds(897)); // the 5 s hop would come after expires_at

    failures.transientFailure(initializing, record(), failedCall(), "timeout").join();

    // at expires_at the initiation ends it EXPIRED, a final status its caller hears about
    assertThat(retries)
        .singleElement()
        .satisfies(r -> assertThat(r.dueAt()).isEqualTo(initializing.expiresAt()));
    assertThat(deadLetters).isEmpty();
    assertThat(store.find(initializing.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.INITIALIZING);
  }

  @Test
  void anOutageWaitsOnTheCurrentTopicUntilTheBreakerRecloses() {
    Verification initializing = store.put(Fixtures.initializing());
    Instant retryAfter = T0.plusSeconds(30);
    AttemptedCall<IssuedCertification> down =
        new AttemptedCall<>(new AlipayOutcome.Unavailable<>("open", retryAfter), 0, null, null);

    failures.transientFailure(initializing, onHop(1), down, "Alipay unavailable").join();

    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.hop()).isEqualTo(1);
              assertThat(r.dueAt()).isEqualTo(retryAfter);
            });
    assertThat(store.find(initializing.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.INITIALIZING);
  }

  private static AttemptedCall<IssuedCertification> providerConfig() {
    return new AttemptedCall<>(new AlipayOutcome.ProviderConfig<>("40002", "bad key"), 1, T0, T0);
  }

  private static AttemptedCall<IssuedCertification> failedCall() {
    return new AttemptedCall<>(new AlipayOutcome.Retryable<>("timeout"), 3, T0, T0);
  }

  private static OriginalRecord record() {
    return new OriginalRecord(Topics.REQUESTS, 0, 7, new byte[0], new byte[0], List.of());
  }

  /** The record as consumed from a retry topic after {@code hop} hops. */
  private static OriginalRecord onHop(int hop) {
    return new OriginalRecord(
        Topics.REQUESTS_RETRY_PREFIX + "60s",
        0,
        7,
        new byte[0],
        new byte[0],
        List.of(new OriginalRecord.Header(RetryHeaders.HOP, String.valueOf(hop).getBytes(UTF_8))));
  }
}

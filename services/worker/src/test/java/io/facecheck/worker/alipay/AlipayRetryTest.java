package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlipayRetryTest {

  private final AlipayRetry retry =
      new AlipayRetry("test", 3, Duration.ofMillis(1), Duration.ofMillis(5), Clock.systemUTC());

  @Test
  void retriesTransientOutcomesUntilOneSettles() {
    AtomicInteger calls = new AtomicInteger();
    AttemptedCall<String> call =
        retry.call(
            () ->
                calls.incrementAndGet() < 3
                    ? new AlipayOutcome.Unknown<>("Read timed out")
                    : new AlipayOutcome.Succeeded<>("OC1"));
    assertThat(call.outcome()).isEqualTo(new AlipayOutcome.Succeeded<>("OC1"));
    assertThat(call.attempts()).isEqualTo(3);
    assertThat(call.firstFailureAt()).isNotNull();
  }

  @Test
  void givesBackTheLastOutcomeWhenAttemptsRunOut() {
    AttemptedCall<String> call = retry.call(() -> new AlipayOutcome.Retryable<>("502"));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(call.attempts()).isEqualTo(3);
  }

  @Test
  void neverRetriesConfigurationOrRejections() {
    AtomicInteger calls = new AtomicInteger();
    retry.call(
        () -> {
          calls.incrementAndGet();
          return new AlipayOutcome.ProviderConfig<>("40002", "isv.invalid-signature");
        });
    retry.call(
        () -> {
          calls.incrementAndGet();
          return new AlipayOutcome.Rejected<>("INVALID_CERT_NO");
        });
    assertThat(calls).hasValue(2);
  }
}

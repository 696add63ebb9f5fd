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

  @Test
  void anOpenBreakerStopsCallsAndCostsNoAttempt() {
    AlipayCircuitBreakers breakers = breakers();
    AlipayRetry guarded =
        new AlipayRetry(
            "test", 3, Duration.ofMillis(1), Duration.ofMillis(5), Clock.systemUTC(), breakers);
    AtomicInteger calls = new AtomicInteger();
    // four failing calls trip a breaker that needs four, at 50 %
    AttemptedCall<String> tripping =
        guarded.call(
            "default",
            AlipayOperation.QUERY,
            () -> {
              calls.incrementAndGet();
              return new AlipayOutcome.Retryable<>("502");
            });
    AttemptedCall<String> more =
        guarded.call(
            "default",
            AlipayOperation.QUERY,
            () -> {
              calls.incrementAndGet();
              return new AlipayOutcome.Retryable<>("502");
            });

    assertThat(tripping.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(tripping.attempts()).isEqualTo(3);
    // the 4th call opened it: that failure is the outage's, the 5th call was never made
    assertThat(more.outcome()).isInstanceOf(AlipayOutcome.Unavailable.class);
    assertThat(more.attempts()).isEqualTo(1);
    assertThat(calls).hasValue(4);
    assertThat(breakers.isUp("default")).isFalse();
    assertThat(((AlipayOutcome.Unavailable<?>) more.outcome()).retryAfter()).isNotNull();

    AttemptedCall<String> refused =
        guarded.call(
            "default",
            AlipayOperation.QUERY,
            () -> {
              calls.incrementAndGet();
              return new AlipayOutcome.Succeeded<>("OC1");
            });
    assertThat(refused.outcome()).isInstanceOf(AlipayOutcome.Unavailable.class);
    assertThat(refused.attempts()).isZero();
    assertThat(calls).hasValue(4);
  }

  @Test
  void otherAppsKeepTheirOwnBreakerAndConfigurationErrorsDoNotTripIt() {
    AlipayCircuitBreakers breakers = breakers();
    AlipayRetry guarded =
        new AlipayRetry(
            "test", 3, Duration.ofMillis(1), Duration.ofMillis(5), Clock.systemUTC(), breakers);
    for (int i = 0; i < 5; i++) {
      guarded.call(
          "broken", AlipayOperation.QUERY, () -> new AlipayOutcome.Retryable<String>("refused"));
      guarded.call(
          "misconfigured",
          AlipayOperation.QUERY,
          () -> new AlipayOutcome.ProviderConfig<String>("40002", "x"));
    }
    assertThat(breakers.isUp("broken")).isFalse();
    assertThat(breakers.isUp("misconfigured")).isTrue();
    assertThat(breakers.isUp("default")).isTrue();
    assertThat(
            guarded
                .call("default", AlipayOperation.QUERY, () -> new AlipayOutcome.Succeeded<>("OC1"))
                .outcome())
        .isEqualTo(new AlipayOutcome.Succeeded<>("OC1"));
    assertThat(breakers.allOpen(java.util.Set.of("broken"))).isTrue();
    assertThat(breakers.allOpen(java.util.Set.of("broken", "default"))).isFalse();
  }

  private static AlipayCircuitBreakers breakers() {
    return new AlipayCircuitBreakers(
        new CircuitBreakerSettings(
            true, 4, 4, 50, Duration.ofSeconds(30), 1, Duration.ofMillis(100)),
        Clock.systemUTC());
  }
}

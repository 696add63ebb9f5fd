package io.facecheck.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import io.facecheck.worker.alipay.AlipayOperation;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AlipayRetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlipayCallMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AlipayCallMeters meters = new AlipayCallMeters(registry, List.of("default"));
  private final AlipayRetry retry =
      new AlipayRetry(
          "test",
          3,
          Duration.ofMillis(1),
          Duration.ofMillis(2),
          Clock.systemUTC(),
          AlipayCircuitBreakers.disabled(),
          meters);

  @Test
  void countsEachAttemptByOutcomeClassAndEachRetry() {
    AtomicInteger calls = new AtomicInteger();

    retry.call(
        "default",
        AlipayOperation.INITIALIZE,
        () ->
            calls.incrementAndGet() < 3
                ? new AlipayOutcome.Unknown<String>("read timeout")
                : new AlipayOutcome.Succeeded<>("cid"));

    assertThat(calls("initialize", "unknown")).isEqualTo(2);
    assertThat(calls("initialize", "succeeded")).isEqualTo(1);
    assertThat(calls("query", "succeeded")).isZero();
    assertThat(
            registry
                .get("facecheck.worker.alipay.retries")
                .tags("app", "default", "method", "initialize")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("facecheck.worker.alipay.in.flight").gauge().value()).isZero();
  }

  @Test
  void registersEveryOutcomeClassOfEachConfiguredAppUpFront() {
    for (String outcome : AlipayCallMeters.OUTCOMES) {
      assertThat(calls("query", outcome)).isZero();
    }
  }

  @Test
  void aCallRefusedByTheBreakerIsNotACall() {
    assertThat(AlipayCallMeters.outcomeClass(new AlipayOutcome.Unavailable<>("open", null)))
        .isEqualTo("unavailable");
    assertThat(AlipayCallMeters.outcomeClass(new AlipayOutcome.ProviderConfig<>("40002", "x")))
        .isEqualTo("provider_config");
  }

  private long calls(String method, String outcome) {
    return registry
        .get("facecheck.worker.alipay.calls")
        .tags("app", "default", "method", method, "outcome", outcome)
        .timer()
        .count();
  }
}

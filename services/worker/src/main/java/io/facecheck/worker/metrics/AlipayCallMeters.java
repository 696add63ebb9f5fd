package io.facecheck.worker.metrics;

import io.facecheck.worker.alipay.AlipayCallObserver;
import io.facecheck.worker.alipay.AlipayOperation;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code facecheck.worker.alipay.calls} (a timer with latency buckets) by app, method and outcome
 * class, the classification table's cases; in-process retries; calls in flight. The app tag is the
 * configured app's name, the method one of two: bounded by configuration, never by requests.
 */
public final class AlipayCallMeters implements AlipayCallObserver {

  /** The classification table's cases a made call can end in ({@code Unavailable} is not made). */
  static final String[] OUTCOMES = {
    "succeeded", "rejected", "retryable", "unknown", "provider_config"
  };

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();

  public AlipayCallMeters(MeterRegistry registry, Collection<String> apps) {
    this.registry = registry;
    Gauge.builder("facecheck.worker.alipay.in.flight", inFlight, AtomicInteger::get)
        .description("Alipay calls made and not yet answered")
        .register(registry);
    for (String app : apps) {
      for (AlipayOperation operation : AlipayOperation.values()) {
        retries(app, operation);
        for (String outcome : OUTCOMES) {
          calls(app, operation, outcome);
        }
      }
    }
  }

  @Override
  public void started(String app, AlipayOperation operation) {
    inFlight.incrementAndGet();
  }

  @Override
  public void finished(
      String app, AlipayOperation operation, AlipayOutcome<?> outcome, long nanos) {
    inFlight.decrementAndGet();
    calls(app, operation, outcomeClass(outcome)).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retrying(String app, AlipayOperation operation) {
    retries(app, operation).increment();
  }

  /** The outcome's case in snake case; a call that threw (a bug) is {@code error}. */
  static String outcomeClass(AlipayOutcome<?> outcome) {
    if (outcome == null) {
      return "error";
    }
    if (outcome instanceof AlipayOutcome.Succeeded<?>) {
      return "succeeded";
    }
    if (outcome instanceof AlipayOutcome.Rejected<?>) {
      return "rejected";
    }
    if (outcome instanceof AlipayOutcome.Retryable<?>) {
      return "retryable";
    }
    if (outcome instanceof AlipayOutcome.Unknown<?>) {
      return "unknown";
    }
    return outcome instanceof AlipayOutcome.ProviderConfig<?> ? "provider_config" : "unavailable";
  }

  private Timer calls(String app, AlipayOperation operation, String outcome) {
    return Timer.builder("facecheck.worker.alipay.calls")
        .description("Alipay calls made, by app, method and outcome class")
        .tag("app", app)
        .tag("method", method(operation))
        .tag("outcome", outcome)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  private Counter retries(String app, AlipayOperation operation) {
    return Counter.builder("facecheck.worker.alipay.retries")
        .description("in-process attempts after a transient or unknown outcome")
        .tag("app", app)
        .tag("method", method(operation))
        .register(registry);
  }

  private static String method(AlipayOperation operation) {
    return operation.name().toLowerCase(Locale.ROOT);
  }
}

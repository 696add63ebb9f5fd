package io.facecheck.worker.alipay;

import java.time.Duration;

/**
 * How a per-app breaker decides: over the last {@code slidingWindow} calls (once at least {@code
 * minimumCalls} were made), {@code failureRateThreshold} percent transient failures open it; it
 * stays open {@code waitInOpen}, then lets {@code halfOpenCalls} probes through. Calls held while
 * it is half-open are retried after {@code halfOpenRecheck}.
 */
public record CircuitBreakerSettings(
    boolean enabled,
    int slidingWindow,
    int minimumCalls,
    float failureRateThreshold,
    Duration waitInOpen,
    int halfOpenCalls,
    Duration halfOpenRecheck) {

  public CircuitBreakerSettings {
    if (slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException("circuit breaker window, minimum and probes must be >= 1");
    }
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException("failure-rate-threshold is a percentage in (0, 100]");
    }
  }

  static CircuitBreakerSettings off() {
    return new CircuitBreakerSettings(
        false, 100, 100, 100, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
  }
}

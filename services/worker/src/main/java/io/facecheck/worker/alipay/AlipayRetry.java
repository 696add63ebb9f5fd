package io.facecheck.worker.alipay;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A few quick in-process attempts with jittered exponential backoff for {@link
 * AlipayOutcome#worthRetrying() transient and unknown} outcomes; whatever is left after them is the
 * caller's to route (dead letter now, retry topics later). Thread-safe.
 */
public final class AlipayRetry {

  private final Retry retry;
  private final Clock clock;

  public AlipayRetry(
      String name, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Clock clock) {
    this.clock = clock;
    RetryConfig config =
        RetryConfig.<AlipayOutcome<?>>custom()
            .maxAttempts(maxAttempts)
            // jitter spreads the retries of many concurrent calls that failed together
            .intervalFunction(
                IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff))
            .retryOnResult(AlipayOutcome::worthRetrying)
            .retryOnException(e -> false)
            .build();
    this.retry = Retry.of(name, config);
  }

  /** Runs {@code call} until it settles or the attempts run out; never throws for outcomes. */
  @SuppressWarnings("unchecked")
  public <T> AttemptedCall<T> call(Supplier<AlipayOutcome<T>> call) {
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<Instant> firstFailure = new AtomicReference<>();
    AtomicReference<Instant> lastFailure = new AtomicReference<>();
    Supplier<AlipayOutcome<?>> counted =
        () -> {
          attempts.incrementAndGet();
          AlipayOutcome<T> outcome = call.get();
          if (!(outcome instanceof AlipayOutcome.Succeeded)) {
            Instant now = clock.instant();
            firstFailure.compareAndSet(null, now);
            lastFailure.set(now);
          }
          return outcome;
        };
    AlipayOutcome<T> last = (AlipayOutcome<T>) retry.executeSupplier(counted);
    return new AttemptedCall<>(last, attempts.get(), firstFailure.get(), lastFailure.get());
  }
}

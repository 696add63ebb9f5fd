package io.facecheck.worker.alipay;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A few quick in-process attempts with jittered exponential backoff for {@link
 * AlipayOutcome#worthRetrying() transient and unknown} outcomes, each through the app's circuit
 * breaker; whatever is left after them is the caller's to route (retry topics, dead letter). A call
 * the breaker refuses is not made and not counted, and a transient failure while the breaker is not
 * closed comes back as {@link AlipayOutcome.Unavailable}: outages cost no retries. Thread-safe.
 */
public final class AlipayRetry {

  private final Retry retry;
  private final Clock clock;
  private final AlipayCircuitBreakers breakers;
  private final AlipayCallObserver observer;

  public AlipayRetry(
      String name, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Clock clock) {
    this(name, maxAttempts, initialBackoff, maxBackoff, clock, AlipayCircuitBreakers.disabled());
  }

  public AlipayRetry(
      String name,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Clock clock,
      AlipayCircuitBreakers breakers) {
    this(name, maxAttempts, initialBackoff, maxBackoff, clock, breakers, AlipayCallObserver.NONE);
  }

  public AlipayRetry(
      String name,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Clock clock,
      AlipayCircuitBreakers breakers,
      AlipayCallObserver observer) {
    this.clock = clock;
    this.breakers = breakers;
    this.observer = observer;
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

  /** As {@link #call(String, AlipayOperation, Supplier)}: no app's breaker, nothing observed. */
  public <T> AttemptedCall<T> call(Supplier<AlipayOutcome<T>> call) {
    return call(null, null, call);
  }

  /**
   * Runs {@code call}, an {@code operation} of {@code app}, until it settles or the attempts run
   * out; never throws.
   */
  @SuppressWarnings("unchecked")
  public <T> AttemptedCall<T> call(
      String app, AlipayOperation operation, Supplier<AlipayOutcome<T>> call) {
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<Instant> firstFailure = new AtomicReference<>();
    AtomicReference<Instant> lastFailure = new AtomicReference<>();
    Supplier<AlipayOutcome<?>> counted =
        () -> {
          if (app != null && !breakers.permits(app)) {
            return new AlipayOutcome.Unavailable<T>(
                "the circuit breaker of app '" + app + "' is open", breakers.retryAfter(app));
          }
          boolean observed = app != null && operation != null;
          if (attempts.incrementAndGet() > 1 && observed) {
            observer.retrying(app, operation);
          }
          if (observed) {
            observer.started(app, operation);
          }
          long started = System.nanoTime();
          AlipayOutcome<T> outcome = null;
          try {
            outcome = call.get();
          } finally {
            long nanos = System.nanoTime() - started;
            if (observed) {
              observer.finished(app, operation, outcome, nanos);
            }
            if (outcome != null) {
              record(app, outcome, nanos);
            }
          }
          if (!(outcome instanceof AlipayOutcome.Succeeded)) {
            Instant now = clock.instant();
            firstFailure.compareAndSet(null, now);
            lastFailure.set(now);
          }
          return outcome;
        };
    AlipayOutcome<T> last = (AlipayOutcome<T>) retry.executeSupplier(counted);
    if (app != null && last.worthRetrying() && !breakers.isUp(app)) {
      // the failure is the outage's, not this record's: it must not spend the retry budget
      last = new AlipayOutcome.Unavailable<>(last.detail(), breakers.retryAfter(app));
    }
    return new AttemptedCall<>(last, attempts.get(), firstFailure.get(), lastFailure.get());
  }

  private void record(String app, AlipayOutcome<?> outcome, long nanos) {
    if (app == null || !breakers.enabled()) {
      return;
    }
    CircuitBreaker breaker = breakers.forApp(app);
    if (outcome.worthRetrying()) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, new ProviderFailure(outcome.detail()));
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** What the breaker records for a failed call; no stack trace, nothing to log. */
  private static final class ProviderFailure extends RuntimeException {
    ProviderFailure(String detail) {
      super(detail, null, false, false);
    }
  }
}

package io.facecheck.intake.lookup;

import io.facecheck.statemachine.Verification;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Stops request threads from queueing on a database that is known to be down. After a look-up finds
 * PostgreSQL unavailable, the others fail at once for {@code pause}; then one look-up at a time
 * probes, and the first that succeeds lets everyone through again. Without it each request would
 * hold a Tomcat thread for the full connection timeout, and a burst of POSTs during an outage would
 * fill the thread pool, delaying the returns that need no database at all.
 */
public final class FailingFastLookup implements VerificationLookup {

  private final VerificationLookup delegate;
  private final long pauseNanos;
  private final LongSupplier nanoTime;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long downUntil; // System.nanoTime() value; only meaningful while down
  private volatile boolean down;

  public FailingFastLookup(VerificationLookup delegate, Duration pause, LongSupplier nanoTime) {
    this.delegate = delegate;
    this.pauseNanos = pause.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public Optional<Verification> byRequest(String clientId, String requestId) {
    return guarded(() -> delegate.byRequest(clientId, requestId));
  }

  @Override
  public Optional<Verification> byId(UUID verificationId) {
    return guarded(() -> delegate.byId(verificationId));
  }

  private <T> T guarded(Supplier<T> read) {
    if (!down) {
      return observed(read);
    }
    if (nanoTime.getAsLong() - downUntil < 0 || !probing.compareAndSet(false, true)) {
      throw new LookupUnavailableException(null);
    }
    try {
      return observed(read);
    } finally {
      probing.set(false);
    }
  }

  private <T> T observed(Supplier<T> read) {
    try {
      T result = read.get();
      down = false;
      return result;
    } catch (LookupUnavailableException e) {
      downUntil = nanoTime.getAsLong() + pauseNanos;
      down = true;
      throw e;
    }
  }
}

package io.facecheck.ops.console;

import java.time.Duration;

/**
 * Monotonic time and waiting, for progress and pacing. Tests move a fake one instead of sleeping,
 * so a paced replay of 50 records at 10/s takes no wall time there and its pacing is exact.
 */
public interface Ticker {

  long nanos();

  /** Waits {@code nanos}; a fake ticker just moves its time forward. */
  void sleep(long nanos);

  static Ticker system() {
    return new Ticker() {
      @Override
      public long nanos() {
        return System.nanoTime();
      }

      @Override
      public void sleep(long nanos) {
        if (nanos <= 0) {
          return;
        }
        try {
          Thread.sleep(Duration.ofNanos(nanos).toMillis(), (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while pacing", e);
        }
      }
    };
  }
}

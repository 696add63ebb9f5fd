package io.facecheck.ops.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker that moves only when told to, or when something waits on it. */
public final class FakeTicker implements Ticker {

  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanos() {
    return now;
  }

  @Override
  public synchronized void sleep(long nanos) {
    sleeps.add(nanos);
    now += Math.max(0, nanos);
  }

  public synchronized void advance(Duration by) {
    now += by.toNanos();
  }

  /** Every wait asked for, in order. */
  public synchronized List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return Duration.ofNanos(sleeps.stream().mapToLong(Long::longValue).sum());
  }
}

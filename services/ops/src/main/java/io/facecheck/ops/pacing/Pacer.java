package io.facecheck.ops.pacing;

import io.facecheck.ops.console.Ticker;

/**
 * Fixed pacing (a token bucket holding one token): record n may go no earlier than {@code interval}
 * after record n-1. A pause (a slow lookup) is not made up for by a burst afterwards.
 */
public final class Pacer {

  private final Ticker ticker;
  private final long interval;
  private long next;
  private boolean started;

  public Pacer(Rate rate, Ticker ticker) {
    this.ticker = ticker;
    this.interval = rate.intervalNanos();
  }

  /** Returns when the next record may go, waiting on the ticker if it is too early. */
  public void acquire() {
    long now = ticker.nanos();
    if (started && next > now) {
      ticker.sleep(next - now);
      now = next;
    }
    started = true;
    next = now + interval;
  }
}

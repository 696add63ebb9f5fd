package io.facecheck.reconciler.relay;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One turn of the relay loop: relays a batch if this instance holds the relay lock, else stands by.
 * Returns how long to pause before the next turn.
 */
public class ElectedRelay implements Supplier<Duration>, AutoCloseable {

  private final RelayLeadership leadership;
  private final OutboxRelay relay;
  private final int batch;
  private final Duration interval;
  private final Duration standbyInterval;
  private volatile boolean leading;

  public ElectedRelay(
      RelayLeadership leadership,
      OutboxRelay relay,
      int batch,
      Duration interval,
      Duration standbyInterval) {
    this.leadership = leadership;
    this.relay = relay;
    this.batch = batch;
    this.interval = interval;
    this.standbyInterval = standbyInterval;
  }

  @Override
  public Duration get() {
    leading = leadership.holdOrTake();
    if (!leading) {
      return standbyInterval;
    }
    // a full batch means more may wait: go again at once, so the relay is never the bottleneck
    return relay.relayOnce() >= batch ? Duration.ZERO : interval;
  }

  /** Whether this instance is the active relay. */
  public boolean isActive() {
    return leadership.isHeld();
  }

  /**
   * Whether the last turn found this instance the leader: never waits for the lock's session (a
   * scrape must not hang on a paused database), so it may lag a turn behind {@link #isActive()}.
   */
  public boolean wasLeading() {
    return leading;
  }

  @Override
  public void close() {
    leadership.close();
  }
}

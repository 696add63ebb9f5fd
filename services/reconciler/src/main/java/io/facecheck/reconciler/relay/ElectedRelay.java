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
    if (!leadership.holdOrTake()) {
      return standbyInterval;
    }
    // a full batch means more may wait: go again at once, so the relay is never the bottleneck
    return relay.relayOnce() >= batch ? Duration.ZERO : interval;
  }

  /** Whether this instance is the active relay. */
  public boolean isActive() {
    return leadership.isHeld();
  }

  @Override
  public void close() {
    leadership.close();
  }
}

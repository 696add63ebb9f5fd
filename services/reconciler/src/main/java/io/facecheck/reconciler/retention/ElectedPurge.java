package io.facecheck.reconciler.retention;

import io.facecheck.reconciler.relay.RelayLeadership;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of the purge loop: a round of the purge if this instance holds the purge lock (an
 * advisory lock of its own, elected as the relay is), else stands by. Returns how long to pause.
 * Only one instance purges, so two never compete for the same rows nor double the load.
 */
public class ElectedPurge implements Supplier<Duration>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ElectedPurge.class);

  private final RelayLeadership leadership;
  private final RetentionPurge purge;
  private final Duration interval;
  private final Duration batchPause;

  /**
   * @param interval pause when nothing more is due (and between a standby's tries)
   * @param batchPause pause between rounds while a backlog drains, leaving PostgreSQL room for the
   *     pipeline's own work
   */
  public ElectedPurge(
      RelayLeadership leadership, RetentionPurge purge, Duration interval, Duration batchPause) {
    this.leadership = leadership;
    this.purge = purge;
    this.interval = interval;
    this.batchPause = batchPause;
  }

  @Override
  public Duration get() {
    if (!leadership.holdOrTake()) {
      return interval;
    }
    PurgeBatch done = purge.runOnce();
    if (!done.empty()) {
      log.info(
          "retention purge: {} identities erased, {} outbox rows and {} timeline rows deleted",
          done.identitiesErased(),
          done.outboxDeleted(),
          done.transitionsDeleted());
    }
    return done.full(purge.batch()) ? batchPause : interval;
  }

  /** Whether this instance is the one that purges. */
  public boolean isActive() {
    return leadership.isHeld();
  }

  @Override
  public void close() {
    leadership.close();
  }
}

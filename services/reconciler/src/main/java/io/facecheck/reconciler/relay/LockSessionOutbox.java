package io.facecheck.reconciler.relay;

import io.facecheck.statemachine.jdbc.OutboxEntry;
import io.facecheck.statemachine.jdbc.OutboxReader;
import java.time.Clock;
import java.util.List;

/**
 * The outbox as the active relay sees it: every read and every mark runs on the session holding the
 * relay lock ({@link RelayLeadership#onLockSession}), so a relay whose session died can mark
 * nothing, while the standby that took over relays the same rows again (same event ids).
 */
public final class LockSessionOutbox implements Outbox {

  private final RelayLeadership leadership;
  private final Clock clock;

  public LockSessionOutbox(RelayLeadership leadership, Clock clock) {
    this.leadership = leadership;
    this.clock = clock;
  }

  @Override
  public List<OutboxEntry> fetchUnpublished(int limit) {
    return leadership.onLockSession(
        session -> new OutboxReader(session, clock).fetchUnpublished(limit));
  }

  @Override
  public int markPublished(List<Long> ids) {
    return leadership.onLockSession(session -> new OutboxReader(session, clock).markPublished(ids));
  }
}

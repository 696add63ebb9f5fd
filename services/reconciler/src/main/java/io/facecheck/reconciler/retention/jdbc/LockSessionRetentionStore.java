package io.facecheck.reconciler.retention.jdbc;

import io.facecheck.reconciler.relay.RelayLeadership;
import io.facecheck.reconciler.retention.RetentionStore;
import io.facecheck.statemachine.jdbc.IdentityErasure;
import io.facecheck.statemachine.jdbc.OutboxPurge;
import io.facecheck.statemachine.jdbc.TimelinePurge;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The purge's batches, run on the session that holds the purge lock ({@link
 * RelayLeadership#onLockSession}): an instance whose session died purges nothing more, as the
 * relay's fencing does.
 */
public final class LockSessionRetentionStore implements RetentionStore {

  private final RelayLeadership leadership;
  private final Clock clock;
  private final String source;
  private final Map<String, String> erasureNote;

  /**
   * @param source who erases, in the timeline, e.g. {@code reconciler@host-1}
   * @param eraseIdentityAfter recorded in each erasure note, so the audit shows which rule applied
   */
  public LockSessionRetentionStore(
      RelayLeadership leadership, Clock clock, String source, String eraseIdentityAfter) {
    this.leadership = leadership;
    this.clock = clock;
    this.source = source;
    this.erasureNote = Map.of("reason", "retention", "erase_identity_after", eraseIdentityAfter);
  }

  @Override
  public int eraseIdentities(Instant finalBefore, int limit) {
    return leadership.onLockSession(
        session ->
            new IdentityErasure(session, clock)
                .eraseFinalBefore(finalBefore, limit, source, erasureNote));
  }

  @Override
  public int deletePublishedOutbox(Instant publishedBefore, int limit) {
    return leadership.onLockSession(
        session -> new OutboxPurge(session).deletePublishedBefore(publishedBefore, limit));
  }

  @Override
  public int deleteTimelines(Instant cutoff, int limit) {
    return leadership.onLockSession(
        session -> new TimelinePurge(session).deleteOfFinalBefore(cutoff, limit));
  }
}

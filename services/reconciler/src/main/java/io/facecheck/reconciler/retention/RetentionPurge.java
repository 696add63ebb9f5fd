package io.facecheck.reconciler.retention;

import java.time.Clock;
import java.time.Instant;

/**
 * One round of the purge: one batch of each kind, each its own short transaction, so the purge
 * never holds many locks nor a long transaction (which would hold back vacuum). A backlog (the
 * first run on an old database) drains over rounds.
 */
public class RetentionPurge {

  private final RetentionStore store;
  private final RetentionPolicy policy;
  private final Clock clock;

  public RetentionPurge(RetentionStore store, RetentionPolicy policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  public PurgeBatch runOnce() {
    Instant now = clock.instant();
    int erased = store.eraseIdentities(policy.identityCutoff(now), policy.batch());
    int outbox = store.deletePublishedOutbox(policy.outboxCutoff(now), policy.batch());
    int timeline = store.deleteTimelines(policy.auditCutoff(now), policy.batch());
    return new PurgeBatch(erased, outbox, timeline);
  }

  public int batch() {
    return policy.batch();
  }
}

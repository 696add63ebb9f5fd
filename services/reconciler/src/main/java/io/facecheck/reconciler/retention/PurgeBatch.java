package io.facecheck.reconciler.retention;

/** What one round of the purge did: rows of each kind, each at most the policy's batch. */
public record PurgeBatch(int identitiesErased, int outboxDeleted, int transitionsDeleted) {

  /** Whether any kind filled its batch, so more may be due at once. */
  public boolean full(int batch) {
    return identitiesErased >= batch || outboxDeleted >= batch || transitionsDeleted >= batch;
  }

  public boolean empty() {
    return identitiesErased == 0 && outboxDeleted == 0 && transitionsDeleted == 0;
  }
}

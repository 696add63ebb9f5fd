package io.facecheck.reconciler.retention;

import java.time.Instant;

/** The three batched deletions of the purge; each call is one statement, one transaction. */
public interface RetentionStore {

  /** Erases up to {@code limit} identities of verifications final before the cutoff. */
  int eraseIdentities(Instant finalBefore, int limit);

  /** Deletes up to {@code limit} outbox rows published before the cutoff. */
  int deletePublishedOutbox(Instant publishedBefore, int limit);

  /**
   * Deletes up to {@code limit} timeline rows before the cutoff, of verifications final before it.
   */
  int deleteTimelines(Instant cutoff, int limit);
}

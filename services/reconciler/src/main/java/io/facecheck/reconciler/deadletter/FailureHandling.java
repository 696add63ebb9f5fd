package io.facecheck.reconciler.deadletter;

/** How the reconciler treats a record whose handling failed. */
public enum FailureHandling {
  /** It will fail the same way however often it is tried: dead-letter it at once. */
  DEAD_LETTER_NOW,
  /** It may pass when tried again (a timeout, a lock, a bug): a few retries, then a dead letter. */
  RETRY_BRIEFLY,
  /**
   * PostgreSQL is out of reach: every record would fail alike, so the partition waits for it (up to
   * {@code database-outage-patience}) instead of dead-lettering everything it holds.
   */
  WAIT_FOR_DATABASE
}

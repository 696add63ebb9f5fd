package io.facecheck.reconciler.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long each kind of data is kept (docs/data-retention.md). Every period counts from an event
 * that only happens once: a verification's final status, an event's publication, and for the
 * timeline again the final status (rows of a verification in flight are never deleted).
 *
 * @param eraseIdentityAfter sealed cert_name / cert_no are erased this long after the final status
 * @param deletePublishedOutboxAfter an outbox row is deleted this long after it was published
 * @param auditPeriod timeline rows are kept this long; then deleted if their verification has been
 *     final for as long
 * @param batch at most this many rows per statement (and transaction) of each kind
 */
public record RetentionPolicy(
    Duration eraseIdentityAfter,
    Duration deletePublishedOutboxAfter,
    Duration auditPeriod,
    int batch) {

  public RetentionPolicy {
    requirePositive(eraseIdentityAfter, "erase-identity-after");
    requirePositive(deletePublishedOutboxAfter, "delete-published-outbox-after");
    requirePositive(auditPeriod, "audit-period");
    if (batch < 1) {
      throw new IllegalArgumentException("retention batch must be at least 1, was " + batch);
    }
  }

  /** Verifications final before this instant have their identity erased. */
  public Instant identityCutoff(Instant now) {
    return now.minus(eraseIdentityAfter);
  }

  /** Outbox rows published before this instant are deleted. */
  public Instant outboxCutoff(Instant now) {
    return now.minus(deletePublishedOutboxAfter);
  }

  /** Timeline rows before this instant, of verifications final before it, are deleted. */
  public Instant auditCutoff(Instant now) {
    return now.minus(auditPeriod);
  }

  private static void requirePositive(Duration period, String name) {
    Objects.requireNonNull(period, name);
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + period);
    }
  }
}

package io.facecheck.reconciler.config;

import io.facecheck.reconciler.retention.RetentionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code facecheck.reconciler.retention.*} (docs/data-retention.md), with their
 * defaults in one place.
 *
 * @param enabled whether this instance takes part in the purge election at all
 * @param eraseIdentityAfter how long after its final status a verification keeps its sealed
 *     identity (for an investigation of a disputed result); the pipeline itself needs it no more
 * @param deletePublishedOutboxAfter how long an outbox row is kept after it was published
 *     (verification-results itself keeps events 14 days, deploy/topics.yaml)
 * @param auditPeriod how long timeline rows are kept; then those of final verifications go
 * @param batch rows per statement and transaction, for each kind
 * @param interval pause between rounds when nothing more is due, and between a standby's tries
 * @param batchPause pause between rounds while a backlog drains
 * @param lockKey the PostgreSQL advisory lock key that elects the one purging instance
 */
@ConfigurationProperties("facecheck.reconciler.retention")
public record RetentionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("7d") Duration eraseIdentityAfter,
    @DefaultValue("30d") Duration deletePublishedOutboxAfter,
    @DefaultValue("1825d") Duration auditPeriod,
    @DefaultValue("500") int batch,
    @DefaultValue("10m") Duration interval,
    @DefaultValue("200ms") Duration batchPause,
    @DefaultValue("7318140521736406") long lockKey) {

  public RetentionPolicy policy() {
    return new RetentionPolicy(eraseIdentityAfter, deletePublishedOutboxAfter, auditPeriod, batch);
  }
}

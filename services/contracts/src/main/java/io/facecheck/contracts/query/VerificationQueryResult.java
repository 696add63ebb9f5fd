package io.facecheck.contracts.query;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A verification-query-results v1 payload (schemas/verification-query-result.v1.json): Alipay's
 * answer, not yet a decision; the reconciler decides what it means for the status.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerificationQueryResult(
    int schemaVersion,
    UUID queryId,
    UUID verificationId,
    String certifyId,
    QueryReason reason,
    QueryOutcome outcome,
    String failReason,
    Instant queriedAt) {

  public static final int SCHEMA_VERSION = 1;

  public VerificationQueryResult {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(verificationId, "verificationId");
    Objects.requireNonNull(certifyId, "certifyId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(queriedAt, "queriedAt");
    if (outcome == QueryOutcome.PASSED && failReason != null) {
      throw new IllegalArgumentException("a passed query carries no fail_reason");
    }
  }

  /** The answer to {@code query}. */
  public static VerificationQueryResult answering(
      VerificationQuery query, QueryOutcome outcome, String failReason, Instant queriedAt) {
    return new VerificationQueryResult(
        SCHEMA_VERSION,
        query.queryId(),
        query.verificationId(),
        query.certifyId(),
        query.reason(),
        outcome,
        failReason,
        queriedAt);
  }
}

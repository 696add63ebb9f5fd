package io.facecheck.contracts.query;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A verification-queries v1 command (schemas/verification-query.v1.json). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerificationQuery(
    int schemaVersion,
    UUID queryId,
    UUID verificationId,
    String app,
    String certifyId,
    QueryReason reason,
    Instant requestedAt) {

  public static final int SCHEMA_VERSION = 1;

  public VerificationQuery {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(verificationId, "verificationId");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(certifyId, "certifyId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  public static VerificationQuery of(
      UUID queryId,
      UUID verificationId,
      String app,
      String certifyId,
      QueryReason reason,
      Instant requestedAt) {
    return new VerificationQuery(
        SCHEMA_VERSION, queryId, verificationId, app, certifyId, reason, requestedAt);
  }
}

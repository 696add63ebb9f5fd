package io.facecheck.contracts.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A verification-callbacks v1 payload (schemas/verification-callback.v1.json). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerificationCallback(
    int schemaVersion, UUID callbackId, UUID verificationId, Instant receivedAt) {

  public static final int SCHEMA_VERSION = 1;

  public VerificationCallback {
    Objects.requireNonNull(callbackId, "callbackId");
    Objects.requireNonNull(verificationId, "verificationId");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  public static VerificationCallback of(UUID callbackId, UUID verificationId, Instant receivedAt) {
    return new VerificationCallback(SCHEMA_VERSION, callbackId, verificationId, receivedAt);
  }
}

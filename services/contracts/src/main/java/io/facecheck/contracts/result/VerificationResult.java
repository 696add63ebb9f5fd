package io.facecheck.contracts.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A verification-results v1 event (schemas/verification-result.v1.json). The constructor refuses
 * combinations the schema refuses (a status that does not match the type, an error on a pass, a
 * certify URL on anything but its issue), so a bad event cannot be built. Use {@link #of}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerificationResult(
    int schemaVersion,
    UUID eventId,
    ResultType type,
    Instant occurredAt,
    UUID verificationId,
    String clientId,
    String requestId,
    ResultStatus status,
    @JsonProperty("final") boolean isFinal,
    String certifyUrl,
    Instant expiresAt,
    ResultError error,
    Map<String, String> metadata) {

  public static final int SCHEMA_VERSION = 1;

  public VerificationResult {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(verificationId, "verificationId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(requestId, "requestId");
    if (status != type.status() || isFinal != type.isFinal()) {
      throw new IllegalArgumentException(type.value() + " reports " + type.status());
    }
    if ((certifyUrl != null) != (type == ResultType.CERTIFY_URL_ISSUED)) {
      throw new IllegalArgumentException("certify_url is set exactly on certify_url_issued");
    }
    if ((error != null) != type.carriesError()) {
      throw new IllegalArgumentException("error is set exactly on failed, expired, rejected");
    }
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** An event of {@code type}, with its event id, status and finality derived from it. */
  public static VerificationResult of(
      ResultType type,
      Instant occurredAt,
      UUID verificationId,
      String clientId,
      String requestId,
      String certifyUrl,
      Instant expiresAt,
      ResultError error,
      Map<String, String> metadata) {
    return new VerificationResult(
        SCHEMA_VERSION,
        eventIdFor(verificationId, type),
        type,
        occurredAt,
        verificationId,
        clientId,
        requestId,
        type.status(),
        type.isFinal(),
        certifyUrl,
        expiresAt,
        error,
        metadata);
  }

  /**
   * The event id of (verification, type): a name-based UUID, so re-publishing the same event (after
   * a crash, by the outbox relay) gives the same id and consumers can deduplicate.
   */
  public static UUID eventIdFor(UUID verificationId, ResultType type) {
    String name = "facecheck:" + verificationId + ":" + type.value();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** Why a verification failed, expired or was rejected. Never holds cert_name or cert_no. */
  public record ResultError(String code, String message) {
    public ResultError {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}

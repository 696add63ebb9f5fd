package io.facecheck.statemachine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A request that parsed but broke the contract: stored straight away as REJECTED (through RECEIVED,
 * so the timeline reads the same as any other), with only its ids and why. It never has PII.
 *
 * @param requestHash sha-256 (hex) of the raw payload, so a redelivery is recognised as the same
 */
public record NewRejection(
    UUID id, String clientId, String requestId, String requestHash, Failure failure) {

  public NewRejection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(failure, "failure");
  }

  public static NewRejection of(
      String clientId, String requestId, String requestHash, Failure failure, Clock clock) {
    return new NewRejection(VerificationIds.next(clock), clientId, requestId, requestHash, failure);
  }

  /** The rejection as a status change from RECEIVED, by the same guarded method as any other. */
  public StatusChange toChange(Instant receivedAt) {
    Submission submission =
        new Submission(clientId, requestId, requestHash, null, null, null, null, null, Map.of());
    Verification received =
        new Verification(
            id,
            0,
            VerificationStatus.RECEIVED,
            submission,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            receivedAt,
            receivedAt);
    return received.markRejected(failure.code(), failure.field(), failure.message());
  }
}

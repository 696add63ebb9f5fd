package io.facecheck.statemachine;

import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.pii.PiiCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A verification about to be stored as RECEIVED: its id, the request without PII, and the PII
 * sealed for that id. Holds no plaintext, so it is safe to pass around and to log.
 */
public record NewVerification(UUID id, Submission submission, SealedIdentity identity) {

  public NewVerification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(identity, "identity");
  }

  /** Picks the id first, because the PII is sealed for it. */
  public static NewVerification seal(
      VerificationRequest request, String requestHash, PiiCipher cipher, Clock clock) {
    UUID id = VerificationIds.next(clock);
    return new NewVerification(
        id,
        Submission.of(request, requestHash),
        SealedIdentity.seal(id, request.identity(), cipher));
  }

  /** The verification as RECEIVED at {@code now}: version 0, expiring after its TTL. */
  public Verification received(Instant now) {
    return new Verification(
        id,
        0,
        VerificationStatus.RECEIVED,
        submission,
        null,
        null,
        null,
        now.plusSeconds(submission.ttlSeconds()),
        null,
        0,
        null,
        null,
        null,
        null,
        now,
        now);
  }
}

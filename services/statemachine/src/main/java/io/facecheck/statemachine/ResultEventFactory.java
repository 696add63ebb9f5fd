package io.facecheck.statemachine;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.time.Instant;

/** Builds the verification-result v1 event a status change announces. Never carries PII. */
public final class ResultEventFactory {

  private ResultEventFactory() {}

  /**
   * @param verification the verification as it is after the change
   */
  public static VerificationResult build(
      Verification verification, ResultType type, Instant occurredAt) {
    if (!verification.status().name().equals(type.status().name())) {
      throw new IllegalArgumentException(
          type.value() + " cannot announce a verification in " + verification.status());
    }
    Failure failure = verification.failure();
    return VerificationResult.of(
        type,
        occurredAt,
        verification.id(),
        verification.clientId(),
        verification.requestId(),
        type == ResultType.CERTIFY_URL_ISSUED ? verification.certifyUrl() : null,
        verification.expiresAt(),
        type.carriesError()
            ? new VerificationResult.ResultError(failure.code(), failure.describe())
            : null,
        verification.submission().metadata());
  }
}

package io.facecheck.reconciler;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A verification waiting for its user, as a row would read, for the pure policies' tests: the
 * fields the ladder and the callbacks look at, set by {@code with*} copies.
 */
public record WaitingVerifications(
    Instant expiresAt, Instant nextQueryAt, Instant lastQueryAt, Instant userReturnedAt) {

  public static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");

  public static WaitingVerifications justIssued() {
    return new WaitingVerifications(
        RECEIVED.plus(Duration.ofMinutes(15)), RECEIVED.plusSeconds(60), null, null);
  }

  public WaitingVerifications withNextQueryAt(Instant at) {
    return new WaitingVerifications(expiresAt, at, lastQueryAt, userReturnedAt);
  }

  public WaitingVerifications withLastQueryAt(Instant at) {
    return new WaitingVerifications(expiresAt, nextQueryAt, at, userReturnedAt);
  }

  public WaitingVerifications withUserReturnedAt(Instant at) {
    return new WaitingVerifications(expiresAt, nextQueryAt, lastQueryAt, at);
  }

  public Verification build() {
    return build(VerificationStatus.AWAITING_USER);
  }

  public Verification build(VerificationStatus status) {
    Submission submission =
        new Submission(
            "loan-service",
            "req-1",
            "a".repeat(64),
            BizCode.FACE,
            CertType.IDENTITY_CARD,
            "https://loan.example/kyc/done",
            900,
            "default",
            Map.of());
    return new Verification(
        UUID.randomUUID(),
        3,
        status,
        submission,
        "order1",
        "cid-1",
        "https://openapi.alipay.example/certify?id=1",
        expiresAt,
        nextQueryAt,
        lastQueryAt == null ? 0 : 1,
        lastQueryAt,
        userReturnedAt,
        null,
        null,
        RECEIVED,
        RECEIVED);
  }
}

package io.facecheck.ops.deadletter;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.util.Map;
import java.util.UUID;

/** Verifications reached through the real transition methods, without a database. */
final class Verifications {

  private Verifications() {}

  static Verification received() {
    Submission submission =
        new Submission(
            "loan-service",
            "order-42",
            "a".repeat(64),
            BizCode.FACE,
            CertType.IDENTITY_CARD,
            "https://loan.example/done",
            900,
            "default",
            Map.of());
    return new Verification(
        UUID.randomUUID(),
        0,
        VerificationStatus.RECEIVED,
        submission,
        null,
        null,
        null,
        Records.T0.plusSeconds(900),
        null,
        0,
        null,
        null,
        null,
        null,
        Records.T0,
        Records.T0);
  }

  static Verification deadLettered() {
    return received().markInitializing("FC1").after().markDeadLettered("PROVIDER_CONFIG").after();
  }

  static Verification rejected() {
    return received().markRejected("UNKNOWN_APP", "/app", "no such app").after();
  }
}

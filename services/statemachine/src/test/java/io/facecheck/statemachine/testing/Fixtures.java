package io.facecheck.statemachine.testing;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Verifications in each status, reached through the real transition methods, so no test retypes
 * {@link Verification}'s constructor. Shared with the services' tests in the statemachine test-jar.
 */
public final class Fixtures {

  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  public static final String CERT_NAME = "张三丰";
  public static final String CERT_NO = "11010519491231002X";
  public static final String HASH = "a".repeat(64);

  private Fixtures() {}

  public static VerificationRequest request(String requestId) {
    return new VerificationRequest(
        1,
        requestId,
        "loan-service",
        BizCode.FACE,
        new VerificationRequest.Identity(CertType.IDENTITY_CARD, CERT_NAME, CERT_NO),
        "https://loan.example/kyc/done",
        900,
        Map.of("order", "42"),
        "default");
  }

  /** A verification just stored, received at {@link #T0}, expiring 900 s later. */
  public static Verification received() {
    return received("order-42-kyc");
  }

  public static Verification received(String requestId) {
    Submission submission =
        new Submission(
            "loan-service",
            requestId,
            HASH,
            BizCode.FACE,
            CertType.IDENTITY_CARD,
            "https://loan.example/kyc/done",
            900,
            "default",
            Map.of("order", "42"));
    return new Verification(
        UUID.randomUUID(),
        0,
        VerificationStatus.RECEIVED,
        submission,
        null,
        null,
        null,
        T0.plusSeconds(900),
        null,
        0,
        null,
        null,
        null,
        null,
        T0,
        T0);
  }

  /** Initializing with an outer_order_no of its own (unique, as the database requires). */
  public static Verification initializing() {
    Verification received = received();
    return received.markInitializing(received.id().toString().replace("-", "")).after();
  }

  public static Verification awaitingUser() {
    return initializing()
        .markAwaitingUser("cid-1", "https://openapi.alipay.com/certify?id=1", T0.plusSeconds(60))
        .after();
  }

  public static Verification awaitingUserReturned() {
    return awaitingUser().recordUserReturned(T0.plusSeconds(120)).after();
  }

  public static Verification awaitingUserFinalQueried() {
    Verification v = awaitingUser();
    return v.startQuery(v.expiresAt(), Duration.ofSeconds(30)).after();
  }

  /** A verification in {@code status}, ready for every move the table allows from it. */
  public static Verification in(VerificationStatus status) {
    return switch (status) {
      case RECEIVED -> received();
      case INITIALIZING -> initializing();
      case AWAITING_USER -> awaitingUserReturnedAndFinalQueried();
      case PASSED -> awaitingUser().markPassed().after();
      case FAILED -> awaitingUserReturned().markFailed("face mismatch").after();
      case EXPIRED -> awaitingUserFinalQueried().markExpired().after();
      case REJECTED -> received().markRejected("INVALID", "/return_url", "not https").after();
      case DEAD_LETTERED -> initializing().markDeadLettered("RETRIES_EXHAUSTED").after();
    };
  }

  private static Verification awaitingUserReturnedAndFinalQueried() {
    Verification v = awaitingUserReturned();
    return v.startQuery(v.expiresAt(), Duration.ofSeconds(30)).after();
  }
}

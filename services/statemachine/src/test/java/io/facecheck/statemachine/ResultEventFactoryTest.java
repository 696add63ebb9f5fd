package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.statemachine.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultEventFactoryTest {

  private static final Instant AT = Fixtures.T0.plusSeconds(5);

  @Test
  void certifyUrlOnlyOnItsIssue() {
    VerificationResult issued =
        ResultEventFactory.build(Fixtures.awaitingUser(), ResultType.CERTIFY_URL_ISSUED, AT);
    VerificationResult passed =
        ResultEventFactory.build(Fixtures.in(VerificationStatus.PASSED), ResultType.PASSED, AT);

    assertThat(issued.certifyUrl()).isEqualTo("https://openapi.alipay.com/certify?id=1");
    assertThat(issued.isFinal()).isFalse();
    assertThat(passed.certifyUrl()).isNull();
    assertThat(passed.error()).isNull();
    assertThat(passed.isFinal()).isTrue();
  }

  @Test
  void errorOnFailedExpiredAndRejected() {
    assertThat(build(VerificationStatus.FAILED, ResultType.FAILED).error().code())
        .isEqualTo(Failure.VERIFICATION_FAILED);
    assertThat(build(VerificationStatus.EXPIRED, ResultType.EXPIRED).error().code())
        .isEqualTo(Failure.VERIFICATION_EXPIRED);
    assertThat(build(VerificationStatus.REJECTED, ResultType.REJECTED).error())
        .isEqualTo(new VerificationResult.ResultError("INVALID", "/return_url: not https"));
  }

  @Test
  void echoesMetadataAndUsesTheDeterministicEventId() {
    Verification v = Fixtures.in(VerificationStatus.PASSED);
    VerificationResult event = ResultEventFactory.build(v, ResultType.PASSED, AT);

    assertThat(event.metadata()).containsEntry("order", "42");
    assertThat(event.eventId()).isEqualTo(VerificationResult.eventIdFor(v.id(), ResultType.PASSED));
    assertThat(event.expiresAt()).isEqualTo(v.expiresAt());
    assertThat(event.toString())
        .doesNotContain(Fixtures.CERT_NAME)
        .doesNotContain(Fixtures.CERT_NO);
  }

  private static VerificationResult build(VerificationStatus status, ResultType type) {
    return ResultEventFactory.build(Fixtures.in(status), type, AT);
  }
}

package io.facecheck.contracts.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.Examples;
import io.facecheck.contracts.result.VerificationResult.ResultError;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.contracts.schema.PayloadSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationResultTest {

  private static final UUID ID = UUID.fromString("0b6e5e3c-8a47-4f0e-9a51-2f6d7c1e9b10");
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123Z");
  private static final Instant EXPIRES = Instant.parse("2026-11-26T10:15:00Z");
  private static final ResultError ERROR = new ResultError("NOT_PASSED", "face did not match");

  @ParameterizedTest
  @EnumSource(ResultType.class)
  void eventsBuiltByTypeSatisfyTheSchema(ResultType type) {
    VerificationResult event =
        VerificationResult.of(
            type,
            NOW,
            ID,
            "loan-service",
            "order-42-kyc",
            type == ResultType.CERTIFY_URL_ISSUED ? "https://openapi.alipay.com/x" : null,
            EXPIRES,
            type.carriesError() ? ERROR : null,
            Map.of("order", "42"));

    assertThat(event.status()).isEqualTo(type.status());
    assertThat(PayloadSchema.VERIFICATION_RESULT.rawErrors(PayloadJson.mapper().valueToTree(event)))
        .isEmpty();
  }

  @Test
  void eventIdIsTheSameForTheSameVerificationAndType() {
    assertThat(VerificationResult.eventIdFor(ID, ResultType.PASSED))
        .isEqualTo(VerificationResult.eventIdFor(ID, ResultType.PASSED))
        .isNotEqualTo(VerificationResult.eventIdFor(ID, ResultType.FAILED))
        .isNotEqualTo(VerificationResult.eventIdFor(UUID.randomUUID(), ResultType.PASSED));
  }

  @Test
  void examplesCarryTheDeterministicEventId() {
    for (Path file : Examples.valid(PayloadSchema.VERIFICATION_RESULT)) {
      VerificationResult event =
          PayloadJson.mapper().treeToValue(Examples.read(file), VerificationResult.class);
      assertThat(event.eventId())
          .as(file.toString())
          .isEqualTo(VerificationResult.eventIdFor(event.verificationId(), event.type()));
    }
  }

  @Test
  void refusesAStatusThatIsNotTheTypes() {
    assertThatThrownBy(
            () ->
                new VerificationResult(
                    1,
                    UUID.randomUUID(),
                    ResultType.PASSED,
                    NOW,
                    ID,
                    "c",
                    "r",
                    ResultStatus.FAILED,
                    true,
                    null,
                    EXPIRES,
                    null,
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnErrorOnAPassAndNoErrorOnAFailure() {
    assertThatThrownBy(
            () ->
                VerificationResult.of(
                    ResultType.PASSED, NOW, ID, "c", "r", null, EXPIRES, ERROR, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                VerificationResult.of(
                    ResultType.FAILED, NOW, ID, "c", "r", null, EXPIRES, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void certifyUrlOnlyOnItsIssue() {
    assertThatThrownBy(
            () ->
                VerificationResult.of(
                    ResultType.CERTIFY_URL_ISSUED, NOW, ID, "c", "r", null, EXPIRES, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                VerificationResult.of(
                    ResultType.PASSED, NOW, ID, "c", "r", "https://x", EXPIRES, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesFinalAsTheJsonFieldFinal() {
    var json =
        PayloadJson.mapper()
            .valueToTree(
                VerificationResult.of(
                    ResultType.PASSED, NOW, ID, "c", "r", null, EXPIRES, null, null));
    assertThat(json.get("final").asBoolean()).isTrue();
    assertThat(json.get("type").asString()).isEqualTo("verification.passed");
    assertThat(json.get("occurred_at").asString()).isEqualTo("2026-11-26T10:00:00.123Z");
    assertThat(json.has("is_final")).isFalse();
    assertThat(json.get("metadata").isObject()).isTrue();
  }
}

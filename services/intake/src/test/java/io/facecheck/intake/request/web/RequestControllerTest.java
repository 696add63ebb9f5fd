package io.facecheck.intake.request.web;

import static io.facecheck.intake.Fixtures.BAD_CHECK_DIGIT_CERT_NO;
import static io.facecheck.intake.Fixtures.CERT_NAME;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.bytes;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.intake.Fixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.intake.FakeLookup;
import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.request.IntakeOutcome;
import io.facecheck.intake.request.RequestIntake;
import io.facecheck.statemachine.VerificationStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestControllerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode body(ResponseEntity<?> response) {
    return JSON.valueToTree(response.getBody());
  }

  @Test
  void answersAcceptedWith202AndTheStatusLink() {
    ResponseEntity<?> response = RequestController.answer(new IntakeOutcome.Accepted("order-1"));

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    assertThat(response.getHeaders().getLocation()).hasToString("/v1/verifications/order-1");
    assertThat(body(response).get("request_id").asString()).isEqualTo("order-1");
    assertThat(body(response).get("status_url").asString()).isEqualTo("/v1/verifications/order-1");
  }

  @Test
  void answersARepeatWith200AndTheCurrentStatus() {
    var existing = verification(CLIENT, "order-1", "a".repeat(64), VerificationStatus.PASSED);

    ResponseEntity<?> response =
        RequestController.answer(new IntakeOutcome.AlreadyAccepted(existing));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(body(response).get("verification_id").asString())
        .isEqualTo(existing.id().toString());
    assertThat(body(response).get("status").asString()).isEqualTo("PASSED");
  }

  @Test
  void answersAnInvalidRequestWith400NamingTheFieldButNotItsValue() {
    RequestIntake intake =
        new RequestIntake(
            new RequestParser(
                "facecheck-test-request-hash-key"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new FakeLookup(),
            (k, v) -> {});
    IntakeOutcome outcome =
        intake.submit(
            new AuthenticatedClient(CLIENT),
            bytes(requestJson(CLIENT, "order-1", BAD_CHECK_DIGIT_CERT_NO, "http://evil.example/")));

    ResponseEntity<?> response = RequestController.answer(outcome);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode json = body(response);
    assertThat(json.get("error").asString()).isEqualTo("invalid_request");
    assertThat(json.get("errors").valueStream().map(e -> e.get("field").asString()))
        .contains("identity.cert_no", "return_url");
    assertThat(json.toString()).doesNotContain(BAD_CHECK_DIGIT_CERT_NO).doesNotContain(CERT_NAME);
  }

  @Test
  void answersUnparseableBodiesWith400AndTheReasonButTooLargeWith413() {
    for (DeadLetterReason reason :
        new DeadLetterReason[] {
          DeadLetterReason.NOT_UTF8, DeadLetterReason.INVALID_JSON, DeadLetterReason.NOT_AN_OBJECT
        }) {
      ResponseEntity<?> response = RequestController.answer(new IntakeOutcome.Unparseable(reason));
      assertThat(response.getStatusCode().value()).isEqualTo(400);
      assertThat(body(response).get("reason").asString()).isEqualTo(reason.name());
    }
    ResponseEntity<?> tooLarge =
        RequestController.answer(new IntakeOutcome.Unparseable(DeadLetterReason.TOO_LARGE));
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(body(tooLarge).get("reason").asString()).isEqualTo("TOO_LARGE");
  }

  @Test
  void answersAForeignClientWith403AndAConflictWith409() {
    assertThat(RequestController.answer(new IntakeOutcome.ForeignClient()).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<?> conflict = RequestController.answer(new IntakeOutcome.Conflict("order-1"));
    assertThat(conflict.getStatusCode().value()).isEqualTo(409);
    assertThat(body(conflict).get("error").asString()).isEqualTo("idempotency_conflict");
  }
}

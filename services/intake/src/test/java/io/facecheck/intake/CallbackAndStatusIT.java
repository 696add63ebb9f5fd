package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.CERT_NAME;
import static io.facecheck.intake.Fixtures.CERT_NO;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.testinfra.WholeTopicReader.after;
import static io.facecheck.testinfra.WholeTopicReader.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.schema.PayloadSchema;
import io.facecheck.statemachine.Verification;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What intake serves besides requests: a client's verification status, the browser's return from
 * Alipay (published as a callback, then redirected), its OpenAPI document and its health.
 */
class CallbackAndStatusIT extends LiveIntake {

  @Test
  void showsAClientItsOwnVerificationAndNoOneElse() throws Exception {
    Verification v =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-status-1")));

    HttpResponse<String> own = intake.get(LOAN_TOKEN, "/v1/verifications/it-status-1");
    HttpResponse<String> foreign = intake.get(SHOP_TOKEN, "/v1/verifications/it-status-1");
    HttpResponse<String> unknown = intake.get(LOAN_TOKEN, "/v1/verifications/it-never-sent");
    HttpResponse<String> anonymous = intake.get(null, "/v1/verifications/it-status-1");

    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(own.body());
    assertThat(json.get("verification_id").asString()).isEqualTo(v.id().toString());
    assertThat(json.get("request_id").asString()).isEqualTo("it-status-1");
    assertThat(json.get("client_id").asString()).isEqualTo(CLIENT);
    assertThat(json.get("status").asString()).isEqualTo("AWAITING_USER");
    assertThat(json.get("final").asBoolean()).isFalse();
    assertThat(json.get("certify_url").asString()).isEqualTo("https://sim.example/certify?id=c-1");
    assertThat(json.hasNonNull("expires_at")).isTrue();
    assertThat(json.hasNonNull("created_at")).isTrue();
    assertThat(json.hasNonNull("updated_at")).isTrue();
    assertThat(own.body()).doesNotContain(CERT_NO).doesNotContain(CERT_NAME);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(IntakeHttp.error(unknown)).isEqualTo("not_found");
    assertThat(JSON.readTree(unknown.body()).get("message").asString())
        .contains("not have reached the worker yet");
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void publishesOneCallbackAndRedirectsToTheReturnUrl() throws Exception {
    Verification v =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-callback-1")));
    String token = new CallbackToken(CALLBACK_SECRET).issue(v.id(), Instant.now().plusSeconds(600));
    var mark = callbacks.mark();

    HttpResponse<String> response = intake.get(null, "/v1/callbacks/alipay/return?token=" + token);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("https://loan.example/kyc/done");
    List<ConsumerRecord<byte[], byte[]>> records = callbacks.awaitMatching(after(mark), 1);
    assertThat(records).hasSize(1);
    assertThat(key(records.get(0))).isEqualTo(v.id().toString());
    JsonNode callback = JSON.readTree(records.get(0).value());
    assertThat(PayloadSchema.VERIFICATION_CALLBACK.validate(callback)).isEmpty();
    assertThat(callback.get("schema_version").asInt()).isEqualTo(1);
    assertThat(callback.get("verification_id").asString()).isEqualTo(v.id().toString());
    assertThat(UUID.fromString(callback.get("callback_id").asString())).isNotNull();
    assertThat(Instant.parse(callback.get("received_at").asString()))
        .isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void refusesForgedAlteredExpiredAndMalformedCallbacksAndPublishesNothing() throws Exception {
    Verification v =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-callback-2")));
    CallbackToken tokens = new CallbackToken(CALLBACK_SECRET);
    String valid = tokens.issue(v.id(), Instant.now().plusSeconds(600));
    String altered =
        valid.substring(0, 30) + (valid.charAt(30) == 'A' ? 'B' : 'A') + valid.substring(31);
    String forged =
        new CallbackToken("somebody-elses-secret-of-32-bytes-or-more")
            .issue(v.id(), Instant.now().plusSeconds(600));
    String expired = tokens.issue(v.id(), Instant.now().minusSeconds(5));
    var mark = callbacks.mark();

    assertThat(intake.get(null, "/v1/callbacks/alipay/return?token=" + forged).statusCode())
        .isEqualTo(403);
    assertThat(intake.get(null, "/v1/callbacks/alipay/return?token=" + altered).statusCode())
        .isEqualTo(403);
    assertThat(intake.get(null, "/v1/callbacks/alipay/return?token=" + expired).statusCode())
        .isEqualTo(410);
    assertThat(intake.get(null, "/v1/callbacks/alipay/return?token=%25%25garbage").statusCode())
        .isEqualTo(400);
    assertThat(intake.get(null, "/v1/callbacks/alipay/return").statusCode()).isEqualTo(400);
    assertThat(
            intake
                .get(
                    null,
                    "/v1/callbacks/alipay/return?token="
                        + tokens.issue(UUID.randomUUID(), Instant.now().plusSeconds(60)))
                .statusCode())
        .isEqualTo(404);

    assertNothingPublished(callbacks, mark);
  }

  @Test
  void servesItsOpenApiDocumentAndHealth() throws Exception {
    HttpResponse<String> openapi = intake.get(null, "/openapi.yaml");
    HttpResponse<String> health = intake.get(null, "/actuator/health");

    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).startsWith("openapi: 3.1.0");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
  }
}

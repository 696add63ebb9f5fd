package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.BAD_CHECK_DIGIT_CERT_NO;
import static io.facecheck.intake.Fixtures.CERT_NAME;
import static io.facecheck.intake.Fixtures.CERT_NO;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.bytes;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.testinfra.WholeTopicReader.after;
import static io.facecheck.testinfra.WholeTopicReader.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.RequestParser;
import io.facecheck.statemachine.Verification;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/**
 * Verification requests over HTTP: published byte for byte before the 202, or refused with the
 * reason and nothing published.
 */
class IntakeIT extends LiveIntake {

  @Test
  void publishesTheExactBytesOfAValidRequestBeforeAnswering202(CapturedOutput output)
      throws Exception {
    var mark = requests.mark();
    String body = requestJson(CLIENT, "it-valid-1");

    HttpResponse<String> response = intake.post(LOAN_TOKEN, body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Location")).contains("/v1/verifications/it-valid-1");
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("request_id").asString()).isEqualTo("it-valid-1");
    assertThat(json.get("status_url").asString()).isEqualTo("/v1/verifications/it-valid-1");
    List<ConsumerRecord<byte[], byte[]>> records = requests.awaitMatching(after(mark), 1);
    assertThat(records).hasSize(1);
    assertThat(key(records.get(0))).isEqualTo("it-valid-1");
    assertThat(records.get(0).value()).isEqualTo(bytes(body));
    assertThat(output.getAll()).doesNotContain(CERT_NO).doesNotContain(CERT_NAME);
  }

  @Test
  void refusesMissingAndUnknownTokensWith401() throws Exception {
    var mark = requests.mark();
    String body = requestJson(CLIENT, "it-unauth-1");

    HttpResponse<String> missing = intake.post(null, body);
    HttpResponse<String> unknown = intake.post("not-a-configured-token-000", body);

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(IntakeHttp.error(unknown)).isEqualTo("unauthenticated");
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesABodyNamingAnotherClientWith403() throws Exception {
    var mark = requests.mark();

    HttpResponse<String> response = intake.post(SHOP_TOKEN, requestJson(CLIENT, "it-foreign-1"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(IntakeHttp.error(response)).isEqualTo("client_mismatch");
    assertNothingPublished(requests, mark);
  }

  @Test
  void describesAnInvalidBodyFieldByFieldAndPublishesNothing() throws Exception {
    var mark = requests.mark();
    String body =
        """
        {"schema_version": 1, "request_id": "it-invalid-1", "client_id": "loan-service",
         "biz_code": "FINGERPRINT", "identity": {"cert_name": "%s"}, "return_url": "https://x.example/"}
        """
            .formatted(CERT_NAME);

    HttpResponse<String> response = intake.post(LOAN_TOKEN, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(IntakeHttp.error(response)).isEqualTo("invalid_request");
    assertThat(IntakeHttp.fieldsAtFault(response)).contains("biz_code", "identity.cert_no");
    assertThat(response.body()).doesNotContain(CERT_NAME);
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesABadCheckDigitNamingIdentityCertNo(CapturedOutput output) throws Exception {
    var mark = requests.mark();

    HttpResponse<String> response =
        intake.post(
            LOAN_TOKEN,
            requestJson(CLIENT, "it-digit-1", BAD_CHECK_DIGIT_CERT_NO, "https://loan.example/"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(IntakeHttp.fieldsAtFault(response)).containsExactly("identity.cert_no");
    assertThat(response.body()).doesNotContain(BAD_CHECK_DIGIT_CERT_NO).doesNotContain(CERT_NAME);
    assertThat(output.getAll()).doesNotContain(BAD_CHECK_DIGIT_CERT_NO);
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesAPlainHttpReturnUrl() throws Exception {
    var mark = requests.mark();

    HttpResponse<String> response =
        intake.post(
            LOAN_TOKEN, requestJson(CLIENT, "it-http-1", CERT_NO, "http://loan.example/done"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(IntakeHttp.fieldsAtFault(response)).containsExactly("return_url");
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesUnparseableBodiesWithTheirReason() throws Exception {
    var mark = requests.mark();

    HttpResponse<String> notJson = intake.post(LOAN_TOKEN, "{\"request_id\": ");
    HttpResponse<String> array = intake.post(LOAN_TOKEN, "[]");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).get("reason").asString()).isEqualTo("INVALID_JSON");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(array.body()).get("reason").asString()).isEqualTo("NOT_AN_OBJECT");
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesABodyOver64KiBWith413() throws Exception {
    var mark = requests.mark();
    String padding = "x".repeat(RequestParser.MAX_BYTES);
    String body =
        requestJson(CLIENT, "it-large-1")
            .replace("\"order\": \"42\"", "\"pad\": \"" + padding + "\"");

    HttpResponse<String> response = intake.post(LOAN_TOKEN, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("reason").asString()).isEqualTo("TOO_LARGE");
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesTheSameRequestIdWithAnotherPayloadWith409() throws Exception {
    verifications.stored(requestJson(CLIENT, "it-conflict-1"));
    var mark = requests.mark();
    String changed =
        requestJson(CLIENT, "it-conflict-1")
            .replace("\"ttl_seconds\": 900", "\"ttl_seconds\": 600");

    HttpResponse<String> response = intake.post(LOAN_TOKEN, changed);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(IntakeHttp.error(response)).isEqualTo("idempotency_conflict");
    assertNothingPublished(requests, mark);
  }

  @Test
  void answersARepeatOfARecordedRequestWith200WithoutPublishing() throws Exception {
    Verification v = verifications.stored(requestJson(CLIENT, "it-repeat-1"));
    var mark = requests.mark();

    // same payload, keys in another order: the canonical hash is equal
    HttpResponse<String> response =
        intake.post(LOAN_TOKEN, reordered(requestJson(CLIENT, "it-repeat-1")));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("verification_id").asString()).isEqualTo(v.id().toString());
    assertThat(json.get("status").asString()).isEqualTo("RECEIVED");
    assertNothingPublished(requests, mark);
  }

  // --- helpers

  private static String reordered(String json) {
    JsonNode node = JSON.readTree(json);
    StringBuilder out = new StringBuilder("{");
    List<String> names = new java.util.ArrayList<>(node.propertyNames());
    java.util.Collections.reverse(names);
    for (String name : names) {
      out.append(out.length() > 1 ? "," : "")
          .append('"')
          .append(name)
          .append("\":")
          .append(node.get(name));
    }
    return out.append('}').toString();
  }
}

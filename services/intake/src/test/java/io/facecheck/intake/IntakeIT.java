package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.BAD_CHECK_DIGIT_CERT_NO;
import static io.facecheck.intake.Fixtures.CERT_NAME;
import static io.facecheck.intake.Fixtures.CERT_NO;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.bytes;
import static io.facecheck.intake.Fixtures.requestJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.schema.PayloadSchema;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.TestInfraProperties;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The intake over real HTTP, a real Kafka broker and a real PostgreSQL. */
@SpringBootTest(
    classes = IntakeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "facecheck.intake.clients.loan-service.token=" + IntakeIT.LOAN_TOKEN,
      "facecheck.intake.clients.shop-service.token=" + IntakeIT.SHOP_TOKEN,
      "facecheck.callback.secret=" + IntakeIT.CALLBACK_SECRET,
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "logging.level.state.change.logger=WARN"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class IntakeIT {

  static final String LOAN_TOKEN = "loan-token-it-0123456789";
  static final String SHOP_TOKEN = "shop-token-it-0123456789";
  static final String CALLBACK_SECRET = "it-callback-secret-of-at-least-32-bytes";
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
  }

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired DataSource dataSource;

  private IntakeHttp intake;
  private StoredVerifications verifications;
  private TopicProbe requests;
  private TopicProbe callbacks;

  @BeforeAll
  void migrateAndProbe() {
    // the worker owns migrations; the test database gets them here
    Flyway.configure().dataSource(dataSource).load().migrate();
    verifications = new StoredVerifications(dataSource);
    intake = new IntakeHttp(port);
    requests = new TopicProbe(bootstrapServers, Topics.REQUESTS, 6);
    callbacks = new TopicProbe(bootstrapServers, Topics.CALLBACKS, 6);
  }

  @AfterAll
  void closeProbes() {
    requests.close();
    callbacks.close();
  }

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
    List<ConsumerRecord<String, byte[]>> records = requests.since(mark, 1, PATIENCE);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("it-valid-1");
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
    List<ConsumerRecord<String, byte[]>> records = callbacks.since(mark, 1, PATIENCE);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo(v.id().toString());
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

  private void assertNothingPublished(TopicProbe probe, Map<TopicPartition, Long> mark) {
    assertThat(probe.since(mark, 1, Duration.ofMillis(500))).isEmpty();
    assertThat(probe.mark()).isEqualTo(mark);
  }
}

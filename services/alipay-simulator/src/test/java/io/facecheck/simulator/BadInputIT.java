package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.Scenario;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Garbage, huge and ill-typed input gets a clear error; never a 500, never a dead server. */
class BadInputIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static AlipaySimulator sim;
  private static RawGateway gateway;

  @BeforeAll
  static void start() {
    sim = TestApps.startWithApp(SimulatorConfig.defaults().withMaxBodyBytes(64 * 1024));
    gateway = new RawGateway(sim.gatewayUrl());
  }

  /** A bad scenario row the API wrongly accepted must not leak into the other tests. */
  @AfterEach
  void calm() {
    sim.setScenario(Scenario.none());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void garbageBodyIsASignedGatewayError() {
    byte[] garbage = new byte[4096];
    new Random(1).nextBytes(garbage);
    RawGateway.Answer answer = gateway.post(garbage, "application/octet-stream");
    assertThat(answer.status()).isEqualTo(200);
    // random bytes hold a stray '%' (40002 isv.invalid-parameter) or lack a method (40001)
    assertThat(answer.node("error_response").get("code").asString()).isIn("40001", "40002");
    assertThat(answer.body())
        .matches("\\{\"error_response\":\\{.*\\},\"sign\":\"[A-Za-z0-9+/=]+\"\\}");
  }

  @Test
  void formWithoutAMethodIsMissingMethod() {
    RawGateway.Answer answer = gateway.post("hello=world&\u0001\u0002=\u0003");
    assertThat(answer.node("error_response").get("sub_code").asString())
        .isEqualTo("isv.missing-method");
  }

  @Test
  void malformedPercentEscapeIsInvalidParameter() {
    RawGateway.Answer answer = gateway.post("method=%zz&app_id=1");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.field("sub_code")).isEqualTo("isv.invalid-parameter");
  }

  @Test
  void unknownCharsetIsInvalidCharset() {
    assertThat(gateway.post("charset=no-such-charset&method=x").field("sub_code"))
        .isEqualTo("isv.invalid-charset");
  }

  @ParameterizedTest
  @CsvSource({
    "method, isv.missing-method",
    "app_id, isv.missing-app-id",
    "sign, isv.missing-signature",
    "sign_type, isv.missing-signature-type",
    "timestamp, isv.missing-timestamp",
    "version, isv.missing-version"
  })
  void missingProtocolParameterIs40001(String parameter, String subCode) {
    Map<String, String> params = new LinkedHashMap<>(validQuery());
    params.remove(parameter);
    RawGateway.Answer answer = gateway.post(RawGateway.form(params));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.field("code")).isEqualTo("40001");
    assertThat(answer.field("sub_code")).isEqualTo(subCode);
  }

  @ParameterizedTest
  @CsvSource({
    "sign_type, MD5, isv.invalid-signature-type",
    "format, xml, isv.invalid-format",
    "timestamp, yesterday, isv.invalid-timestamp",
    "sign, !!!notbase64, isv.invalid-signature",
    "version, 2.0, isv.invalid-parameter"
  })
  void invalidProtocolParameterIs40002(String parameter, String value, String subCode) {
    Map<String, String> params = new LinkedHashMap<>(validQuery());
    params.put(parameter, value);
    RawGateway.Answer answer = gateway.post(RawGateway.form(params));
    assertThat(answer.field("code")).isEqualTo("40002");
    assertThat(answer.field("sub_code")).isEqualTo(subCode);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json",
        "[1,2,3]",
        "{\"outer_order_no\":42,\"biz_code\":\"FACE\"}",
        "{\"outer_order_no\":\"o1\",\"biz_code\":\"FACE\",\"identity_param\":\"{broken\"}",
        "{\"outer_order_no\":\"o1\",\"biz_code\":\"FACE\",\"identity_param\":{\"identity_type\":\"CERT_INFO\",\"cert_type\":\"IDENTITY_CARD\",\"cert_name\":\"x\",\"cert_no\":\"11010519491231002X\"},\"merchant_config\":{\"return_url\":\"javascript:alert(1)\"}}"
      })
  void signedButIllFormedBusinessContentIs40004InvalidParameter(String bizContent) {
    Map<String, String> params =
        RawGateway.signedParameters(
            GatewayMethods.INITIALIZE, bizContent, Instant.now(), TestApps.APP_KEYS.getPrivate());
    RawGateway.Answer answer = gateway.post(RawGateway.form(params));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.field("code")).isEqualTo("40004");
    assertThat(answer.field("sub_code")).isEqualTo("INVALID_PARAMETER");
  }

  @Test
  void bizCodeOutsideTheContractIsNotSupported() {
    String biz = "{\"outer_order_no\":\"o1\",\"biz_code\":\"PALM\"}";
    Map<String, String> params =
        RawGateway.signedParameters(
            GatewayMethods.INITIALIZE, biz, Instant.now(), TestApps.APP_KEYS.getPrivate());
    assertThat(gateway.post(RawGateway.form(params)).field("sub_code"))
        .isEqualTo("BIZ_CODE_NOT_SUPPORTED");
  }

  @Test
  void bodyOverTheLimitIs413AndTheServerCarriesOn() {
    byte[] huge = new byte[1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertThat(gateway.post(huge, "application/x-www-form-urlencoded").status()).isEqualTo(413);
    assertThat(gateway.post(RawGateway.form(validQuery())).status()).isEqualTo(200);
  }

  @Test
  void overlongRequestLineIsAClientError() {
    String longQuery = "a=" + "x".repeat(100 * 1024);
    int status =
        gateway
            .send(HttpRequest.newBuilder(URI.create(sim.gatewayUrl() + "?" + longQuery)).build())
            .status();
    assertThat(status).isBetween(400, 499);
  }

  @Test
  void rawGarbageOnTheSocketIsRefusedAndTheServerCarriesOn() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("\u0000\u0001\u0002 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      assertThat(reply).startsWith("HTTP/1.1 4");
    }
    assertThat(gateway.post(RawGateway.form(validQuery())).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST|/sim/apps|{\"app_id\":5,\"public_key\":\"x\"}|400",
        "POST|/sim/apps|{\"app_id\":\"a\",\"public_key\":\"not a key\"}|400",
        "POST|/sim/apps|[1,2]|400",
        "POST|/sim/apps|nope|400",
        "POST|/sim/apps||400",
        "PUT|/sim/scenario|{\"seed\":\"abc\"}|400",
        "PUT|/sim/scenario|{\"seed\":1.5}|400",
        "PUT|/sim/scenario|{\"sed\":1}|400",
        "PUT|/sim/scenario|{\"faults\":{\"alipay.user.certify.open.query\":{\"system_error_rate\":1.5}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"no.such.method\":{}}}|400",
        "PUT|/sim/scenario|{\"latency\":{\"distribution\":\"gaussian\"}}|400",
        "PUT|/sim/scenario|{\"outages\":[{\"lasts_ms\":-5}]}|400",
        "PUT|/sim/scenario|{\"auto_user\":{\"enabled\":\"yes\"}}|400",
        "PUT|/sim/scenario|null|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":\"4006\",\"sub_code\":\"isv.x\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":40006,\"sub_code\":\"isv.x\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"sub_code\":\"isv.x\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":\"40006\",\"sub_code\":\"\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":\"40006\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"system_error_rate\":0.5,\"error_answer\":{\"rate\":0.6,\"code\":\"40006\",\"sub_code\":\"isv.x\"}}}}|400",
        "PUT|/sim/scenario|{\"outages\":[{\"lasts_ms\":5,\"fault\":\"error_answer\"}]}|400",
        "PUT|/sim/scenario|{\"outages\":[{\"lasts_ms\":5,\"fault\":\"unsigned_error\"}]}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"unsigned_error\":{\"rate\":1,\"code\":\"40004\"}}}}|400",
        "PUT|/sim/scenario|{\"faults\":{\"*\":{\"unsigned_error\":{\"rate\":1,\"code\":\"40004\",\"sub_code\":\"X\",\"sign\":\"forged\"}}}}|400",
        "POST|/sim/certifications/abc/complete|{\"passed\":\"maybe\"}|400",
        "POST|/sim/certifications/abc/complete|{}|400",
        "POST|/sim/certifications/abc/complete|{\"passed\":true}|404",
        "GET|/sim/nothing-here||404",
        "DELETE|/sim/apps||405",
        "PATCH|/gateway.do||405"
      })
  void adminApiAnswersBadInputWithAJsonError(String method, String path, String body, int status) {
    RawGateway.Answer answer =
        gateway.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(answer.status()).isEqualTo(status);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("error").asString()).isNotBlank();
    assertThat(error.get("message").asString()).isNotBlank();
  }

  private static Map<String, String> validQuery() {
    return RawGateway.signedParameters(
        GatewayMethods.QUERY,
        "{\"certify_id\":\"0123456789abcdef0123456789abcdef\"}",
        Instant.now(),
        TestApps.APP_KEYS.getPrivate());
  }
}

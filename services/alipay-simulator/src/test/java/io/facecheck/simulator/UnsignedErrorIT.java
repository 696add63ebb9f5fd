package io.facecheck.simulator;

import static io.facecheck.simulator.TestApps.initialize;
import static io.facecheck.simulator.TestApps.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UnsignedError;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unsigned_error fault: error answers a forger could send, without Alipay's signature, as the
 * raw gateway answers them, as the unmodified SDK surfaces them, and as the admin API sets them.
 */
class UnsignedErrorIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUERY_NODE = "alipay_user_certify_open_query_response";

  private static AlipaySimulator sim;
  private static DefaultAlipayClient client;

  @BeforeAll
  static void start() {
    sim = TestApps.startWithApp(SimulatorConfig.defaults());
    client = TestApps.rsa2(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void wellBehaved() {
    sim.setScenario(Scenario.none());
  }

  @Test
  void theRawAnswerHasTheErrorAndNoSign() {
    long counted = sim.stats().count(GatewayMethods.QUERY, "unsigned_error");
    forge(GatewayMethods.QUERY, UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST"));

    RawGateway.Answer answer = rawQuery();

    assertThat(answer.status()).isEqualTo(200);
    JsonNode root = JSON.readTree(answer.body());
    assertThat(root.propertyNames()).containsExactly(QUERY_NODE);
    assertThat(answer.field("code")).isEqualTo("40004");
    assertThat(answer.field("msg")).isEqualTo("Business Failed");
    assertThat(answer.field("sub_code")).isEqualTo("CERTIFY_ID_NOT_EXIST");
    assertThat(answer.body()).doesNotContain("\"sign\"");
    assertThat(sim.stats().count(GatewayMethods.QUERY, "unsigned_error")).isEqualTo(counted + 1);
  }

  @Test
  void theEmptySignVariantCarriesAnEmptySign() {
    forge(
        GatewayMethods.QUERY,
        UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST")
            .withSign(UnsignedError.ForgedSign.EMPTY));
    RawGateway.Answer answer = rawQuery();
    assertThat(answer.node("sign").asString()).isEmpty();
    assertThat(answer.field("sub_code")).isEqualTo("CERTIFY_ID_NOT_EXIST");
  }

  @Test
  void theSdkReturnsAnUnsignedErrorWithoutCheckingAnything() throws Exception {
    forge(Scenario.ANY_METHOD, UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST"));
    AlipayUserCertifyOpenQueryResponse queried = client.execute(query("abc"));
    assertThat(queried.isSuccess()).isFalse();
    assertThat(queried.getCode()).isEqualTo("40004");
    assertThat(queried.getSubCode()).isEqualTo("CERTIFY_ID_NOT_EXIST");
    assertThat(queried.getBody()).doesNotContain("\"sign\"");

    forge(
        Scenario.ANY_METHOD,
        UnsignedError.of(1.0, "40004", "INVALID_CERT_NO").withSign(UnsignedError.ForgedSign.EMPTY));
    AlipayUserCertifyOpenInitializeResponse refused = client.execute(initialize(order(), ""));
    assertThat(refused.getSubCode()).isEqualTo("INVALID_CERT_NO");
    assertThat(refused.getBody()).contains("\"sign\":\"\"");
  }

  @Test
  void anUnsignedErrorIsNotProcessed() throws Exception {
    long before = certifications();
    forge(GatewayMethods.INITIALIZE, UnsignedError.of(1.0, "40004", "INVALID_CERT_NO"));
    assertThat(client.execute(initialize(order(), "")).getCode()).isEqualTo("40004");
    assertThat(certifications()).isEqualTo(before);
  }

  @Test
  void aWrongSignOnAnErrorAnswerMakesTheSdkThrow() {
    forge(
        GatewayMethods.QUERY,
        UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST")
            .withSign(UnsignedError.ForgedSign.WRONG));
    assertThatThrownBy(() -> client.execute(query("abc")))
        .isInstanceOf(AlipayApiException.class)
        .hasMessageContaining("sign check fail");
  }

  @Test
  void aReplayedSignatureMakesTheSdkReturnTheForgedErrorAsVerified() throws Exception {
    forge(
        GatewayMethods.QUERY,
        UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST")
            .withSign(UnsignedError.ForgedSign.REPLAYED));
    // the SDK verifies the nested, genuinely signed node and reads the forged outer one
    AlipayUserCertifyOpenQueryResponse queried = client.execute(query("abc"));
    assertThat(queried.getCode()).isEqualTo("40004");
    assertThat(queried.getSubCode()).isEqualTo("CERTIFY_ID_NOT_EXIST");
    assertThat(JSON.readTree(queried.getBody()).propertyNames())
        .containsExactly("error_response", "sign");
  }

  @Test
  void isSetAsJsonAndBadOnesAreRefusedWithTheReason() {
    String scenario =
        """
        {"faults": {"alipay.user.certify.open.query":
            {"system_error_rate": 0.5,
             "unsigned_error": {"rate": 0.5, "code": "40004", "sub_code": "CERTIFY_ID_NOT_EXIST",
                                "sub_msg": "业务处理失败", "sign": "empty"}}}}
        """;
    RawGateway.Answer set = put(scenario);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    JsonNode stored = JSON.readTree(set.body());
    assertThat(stored.at("/faults/" + GatewayMethods.QUERY + "/unsigned_error/sign").asString())
        .isEqualTo("empty");
    assertThat(sim.scenario().faultsFor(GatewayMethods.QUERY).unsignedError())
        .isEqualTo(
            new UnsignedError(
                0.5, "40004", "CERTIFY_ID_NOT_EXIST", "业务处理失败", UnsignedError.ForgedSign.EMPTY));

    RawGateway.Answer tooMuch =
        put(
            "{\"faults\":{\"*\":{\"system_error_rate\":0.6,"
                + "\"unsigned_error\":{\"rate\":0.5,\"code\":\"40004\",\"sub_code\":\"X\"}}}}");
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(JSON.readTree(tooMuch.body()).get("message").asString())
        .contains("sum to at most 1");
    RawGateway.Answer badCode =
        put(
            "{\"faults\":{\"*\":{\"unsigned_error\":{\"rate\":1,\"code\":\"4004\",\"sub_code\":\"X\"}}}}");
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(JSON.readTree(badCode.body()).get("message").asString())
        .contains("unsigned_error: code must be 5 digits");
    // a refused scenario leaves the current one in place
    assertThat(sim.scenario().faultsFor(GatewayMethods.QUERY).unsignedError()).isNotNull();
  }

  private static void forge(String method, UnsignedError forged) {
    sim.setScenario(Scenario.none().withFaults(method, MethodFaults.of(forged)));
  }

  private static RawGateway.Answer rawQuery() {
    return new RawGateway(sim.gatewayUrl())
        .post(
            RawGateway.form(
                RawGateway.signedParameters(
                    GatewayMethods.QUERY,
                    "{\"certify_id\":\"0123456789abcdef0123456789abcdef\"}",
                    Instant.now(),
                    TestApps.APP_KEYS.getPrivate())));
  }

  private static RawGateway.Answer put(String body) {
    return new RawGateway(sim.baseUrl())
        .send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/scenario"))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
  }

  private static long certifications() {
    return sim.stats().certifications().values().stream().mapToLong(Long::longValue).sum();
  }

  private static String order() {
    return "ZGYD" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }
}

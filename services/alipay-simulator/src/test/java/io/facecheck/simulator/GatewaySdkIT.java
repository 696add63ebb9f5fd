package io.facecheck.simulator;

import static io.facecheck.simulator.TestApps.initialize;
import static io.facecheck.simulator.TestApps.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.simulator.scenario.ErrorAnswer;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.signing.RsaKeys;
import io.facecheck.simulator.user.Completion;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unmodified SDK (RSA2, public-key mode) against the simulator over real HTTP. */
class GatewaySdkIT {
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
  void initializesThenIssuesCertifyUrlThenQueryAnswersPassed() throws Exception {
    AlipayUserCertifyOpenInitializeResponse init =
        client.execute(initialize(order(), "https://merchant.example/back?a=1&b=2"));
    assertThat(init.isSuccess()).isTrue();
    assertThat(init.getCode()).isEqualTo("10000");
    assertThat(init.getCertifyId()).hasSize(32);

    AlipayUserCertifyOpenCertifyRequest certify = new AlipayUserCertifyOpenCertifyRequest();
    certify.setBizContent("{\"certify_id\":\"" + init.getCertifyId() + "\"}");
    String url = client.pageExecute(certify, "GET").getBody();
    assertThat(url).startsWith(sim.gatewayUrl() + "?");
    String page =
        new RawGateway(url)
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build())
            .body();
    assertThat(page).contains("id=\"pass\"").contains("id=\"fail\"");

    AlipayUserCertifyOpenQueryResponse before = client.execute(query(init.getCertifyId()));
    assertThat(before.isSuccess()).isTrue();
    assertThat(before.getPassed()).isEqualTo("F");

    sim.complete(init.getCertifyId(), true, false);
    AlipayUserCertifyOpenQueryResponse after = client.execute(query(init.getCertifyId()));
    assertThat(after.getPassed()).isEqualTo("T");
  }

  @Test
  void queryAnswersFailedWithTheGivenReason() throws Exception {
    String certifyId = client.execute(initialize(order(), "")).getCertifyId();
    sim.complete(certifyId, false, "Z1147", false);
    AlipayUserCertifyOpenQueryResponse response = client.execute(query(certifyId));
    assertThat(response.isSuccess()).isTrue();
    assertThat(response.getPassed()).isEqualTo("F");
    assertThat(response.getFailReason()).isEqualTo("Z1147");
    assertThat(sim.certificationStatus(certifyId)).contains(CertificationStatus.FAILED);
  }

  @Test
  void sameOuterOrderNoReturnsTheSameCertifyId() throws Exception {
    String order = order();
    String first = client.execute(initialize(order, "")).getCertifyId();
    String second = client.execute(initialize(order, "https://other.example/")).getCertifyId();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void unknownCertifyIdIsBusinessFailure() throws Exception {
    AlipayUserCertifyOpenQueryResponse response =
        client.execute(query("0123456789abcdef0123456789abcdef"));
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo("40004");
    assertThat(response.getSubCode()).isEqualTo("CERTIFY_ID_NOT_EXIST");
  }

  @Test
  void invalidCertNoIsBusinessFailureWithoutEchoingIt() throws Exception {
    AlipayUserCertifyOpenInitializeResponse response =
        client.execute(initialize(order(), "110105194912310021", ""));
    assertThat(response.getCode()).isEqualTo("40004");
    assertThat(response.getSubCode()).isEqualTo("INVALID_CERT_NO");
    assertThat(response.getSubMsg()).doesNotContain("110105194912310021");
  }

  @Test
  void unknownAppIsInvalidAppId() throws Exception {
    DefaultAlipayClient stranger = TestApps.rsa2(sim, "2021999999999999", TestApps.APP_KEYS);
    AlipayUserCertifyOpenInitializeResponse response = stranger.execute(initialize(order(), ""));
    assertThat(response.getCode()).isEqualTo("40002");
    assertThat(response.getSubCode()).isEqualTo("isv.invalid-app-id");
  }

  @Test
  void clientWithTheWrongKeyIsRejectedWithTheGatewaysStringToSign() throws Exception {
    DefaultAlipayClient wrongKey = TestApps.rsa2(sim, TestApps.APP_ID, TestApps.STRANGER_KEYS);
    AlipayUserCertifyOpenQueryResponse response = wrongKey.execute(query("abc"));
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo("40002");
    assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");
    assertThat(response.getSubMsg())
        .contains("网关生成的验签字符串为：")
        .contains("app_id=" + TestApps.APP_ID)
        .contains("biz_content={\"certify_id\":\"abc\"}&charset=UTF-8")
        .contains("sign_type=RSA2");
  }

  @Test
  void timestampOutsideTheToleranceIsRejected() throws Exception {
    Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    try (AlipaySimulator skewed =
        TestApps.startWithApp(SimulatorConfig.defaults().withClock(anHourAhead))) {
      AlipayUserCertifyOpenQueryResponse response = TestApps.rsa2(skewed).execute(query("abc"));
      assertThat(response.getCode()).isEqualTo("40002");
      assertThat(response.getSubCode()).isEqualTo("isv.invalid-timestamp");
    }
  }

  @Test
  void methodTheSimulatorDoesNotServeIsInvalidMethod() throws Exception {
    AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
    request.setBizContent("{\"out_trade_no\":\"1\"}");
    AlipayTradeQueryResponse response = client.execute(request);
    assertThat(response.getCode()).isEqualTo("40002");
    assertThat(response.getSubCode()).isEqualTo("isv.invalid-method");
  }

  @Test
  void legacyRsaClientIsServedWithSha1Signatures() throws Exception {
    DefaultAlipayClient legacy = TestApps.legacyRsa(sim);
    AlipayUserCertifyOpenInitializeResponse init = legacy.execute(initialize(order(), ""));
    assertThat(init.isSuccess()).isTrue();
    assertThat(legacy.execute(query(init.getCertifyId())).getPassed()).isEqualTo("F");
  }

  @Test
  void responseWithABadSignatureIsRejectedByTheSdk() {
    sim.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.BAD_SIGNATURE, 1)));
    assertThatThrownBy(() -> client.execute(initialize(order(), "")))
        .isInstanceOf(AlipayApiException.class)
        .hasMessageContaining("sign check fail");
  }

  @Test
  void systemErrorSurfacesAsCode20000() throws Exception {
    sim.setScenario(
        Scenario.none().withFaults(Scenario.ANY_METHOD, MethodFaults.of(Fault.SYSTEM_ERROR, 1)));
    AlipayUserCertifyOpenInitializeResponse response = client.execute(initialize(order(), ""));
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo("20000");
    assertThat(response.getSubCode()).isEqualTo("isp.unknow-error");
  }

  @Test
  void injectedErrorAnswerSurfacesWithItsCodeSubCodeAndTheCodesMsg() throws Exception {
    long counted = sim.stats().count(GatewayMethods.INITIALIZE, "error_answer");
    sim.setScenario(
        Scenario.none()
            .withFaults(
                GatewayMethods.INITIALIZE,
                MethodFaults.of(ErrorAnswer.of(1.0, "40006", "isv.insufficient-isv-permissions"))));
    AlipayUserCertifyOpenInitializeResponse response = client.execute(initialize(order(), ""));
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo("40006");
    assertThat(response.getMsg()).isEqualTo("Insufficient Permissions");
    assertThat(response.getSubCode()).isEqualTo("isv.insufficient-isv-permissions");
    assertThat(response.getSubMsg()).isEqualTo("Insufficient Permissions");
    assertThat(sim.stats().count(GatewayMethods.INITIALIZE, "error_answer")).isEqualTo(counted + 1);

    sim.setScenario(
        Scenario.none()
            .withFaults(
                Scenario.ANY_METHOD,
                MethodFaults.of(
                    new ErrorAnswer(1.0, "20001", "aop.invalid-auth-token", "无效的访问令牌"))));
    AlipayUserCertifyOpenQueryResponse queried = client.execute(query("abc"));
    assertThat(queried.isSuccess()).isFalse();
    assertThat(queried.getCode()).isEqualTo("20001");
    assertThat(queried.getMsg()).isEqualTo("Insufficient Token Permissions");
    assertThat(queried.getSubCode()).isEqualTo("aop.invalid-auth-token");
    assertThat(queried.getSubMsg()).isEqualTo("无效的访问令牌");
  }

  @Test
  void injectedErrorAnswerIsNotProcessed() throws Exception {
    long before = sim.stats().certifications().values().stream().mapToLong(Long::longValue).sum();
    sim.setScenario(
        Scenario.none()
            .withFaults(
                GatewayMethods.INITIALIZE,
                MethodFaults.of(ErrorAnswer.of(1.0, "40003", "isv.invalid-auth-relations"))));
    assertThat(client.execute(initialize(order(), "")).getCode()).isEqualTo("40003");
    long after = sim.stats().certifications().values().stream().mapToLong(Long::longValue).sum();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void http502SurfacesAsAnIoFailure() {
    sim.setScenario(
        Scenario.none().withFaults(GatewayMethods.QUERY, MethodFaults.of(Fault.HTTP_502, 1)));
    assertThatThrownBy(() -> client.execute(query("abc")))
        .isInstanceOf(AlipayApiException.class)
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void heldResponseSurfacesAsReadTimeoutButTheCallWasProcessed() throws Exception {
    sim.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.TIMEOUT, 1))
            .withTimeoutHangMs(3_000));
    DefaultAlipayClient impatient = TestApps.withReadTimeout(sim, 300);
    String order = order();
    assertThatThrownBy(() -> impatient.execute(initialize(order, "")))
        .isInstanceOf(AlipayApiException.class)
        .hasRootCauseInstanceOf(SocketTimeoutException.class);
    sim.setScenario(Scenario.none());
    // the unknown outcome is real: the certification exists, and a retry finds it
    assertThat(client.execute(initialize(order, "")).getCertifyId()).hasSize(32);
    assertThat(sim.stats().count(GatewayMethods.INITIALIZE, "timeout")).isPositive();
  }

  @Test
  void completingWithVisitOpensTheReturnUrl() throws Exception {
    try (ReturnPageServer merchant = new ReturnPageServer()) {
      String certifyId =
          client.execute(initialize(order(), merchant.url("/back?token=t1"))).getCertifyId();
      Completion completion = sim.complete(certifyId, true, true);
      assertThat(completion.status()).isEqualTo("PASSED");
      assertThat(completion.returnUrlStatus()).isEqualTo(200);
      assertThat(merchant.hits()).containsExactly("/back?token=t1");
    }
  }

  @Test
  void registeringAMalformedKeyIsRefused() {
    assertThatThrownBy(() -> sim.registerApp("x", "not-a-key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RsaKeys.base64(TestApps.APP_KEYS.getPublic())).startsWith("MIIBIjANBgkq");
  }

  private static String order() {
    return "ZGYD" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }
}

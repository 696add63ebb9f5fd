package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.ErrorAnswer;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.worker.initiation.IssuedCertification;
import io.facecheck.worker.initiation.StartCertification;
import io.facecheck.worker.initiation.alipay.AlipayCertificationStarter;
import io.facecheck.worker.query.QueryAnswer;
import io.facecheck.worker.query.alipay.AlipayCertificationQuery;
import io.facecheck.worker.support.TestIdentities;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The classification table row by row, through the real SDK against the simulator's fault switches.
 * A simulator of its own: the SDK caches one okhttp client (and its timeouts) per host:port for the
 * whole JVM, and this test needs a short read timeout.
 */
class AlipayOutcomesIT {

  /** The error answers come before any lookup, so the id need not exist. */
  private static final String ANY_CERTIFY_ID = "0123456789abcdef0123456789abcdef";

  private static AlipaySimulator simulator;
  private static AlipayClients clients;
  private static AlipayCertificationStarter starter;
  private static AlipayCertificationQuery query;

  @BeforeAll
  static void start() throws Exception {
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    KeyPair app = rsa();
    simulator.registerApp("2021000000000101", b64(app.getPublic().getEncoded()));
    simulator.registerApp("2021000000000102", b64(rsa().getPublic().getEncoded()));
    int closedPort = TestSocketUtils.findAvailableTcpPort();
    String privateKey = b64(app.getPrivate().getEncoded());
    clients =
        AlipayClients.create(
            List.of(
                app("default", "2021000000000101", privateKey, simulator.gatewayUrl()),
                app("wrong-key", "2021000000000102", privateKey, simulator.gatewayUrl()),
                app(
                    "unreachable",
                    "2021000000000101",
                    privateKey,
                    "http://127.0.0.1:" + closedPort + "/gateway.do")),
            new AlipayHttpSettings(
                Duration.ofSeconds(1), Duration.ofMillis(800), 8, Duration.ofSeconds(10)));
    AlipayRetry retry =
        new AlipayRetry("it", 3, Duration.ofMillis(5), Duration.ofMillis(20), Clock.systemUTC());
    starter = new AlipayCertificationStarter(clients, retry);
    query = new AlipayCertificationQuery(clients, retry);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @AfterEach
  void calm() {
    simulator.setScenario(Scenario.none());
  }

  @Test
  void aGoodCallSucceedsWithACertifyUrl() {
    AttemptedCall<IssuedCertification> call =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    IssuedCertification issued =
        ((AlipayOutcome.Succeeded<IssuedCertification>) call.outcome()).value();
    assertThat(issued.certifyUrl())
        .startsWith(simulator.gatewayUrl())
        .contains("method=alipay.user.certify.open.certify");
    assertThat(call.attempts()).isEqualTo(1);
  }

  @Test
  void systemErrorsAreRetryableAndRetried() {
    fault(GatewayMethods.INITIALIZE, Fault.SYSTEM_ERROR);
    AttemptedCall<IssuedCertification> call =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(call.attempts()).isEqualTo(3);
  }

  @Test
  void http502IsRetryable() {
    fault(GatewayMethods.INITIALIZE, Fault.HTTP_502);
    assertThat(starter.start(command("default", TestIdentities.certNo())).outcome())
        .isInstanceOf(AlipayOutcome.Retryable.class);
  }

  @Test
  void aRefusedConnectionIsRetryable() {
    assertThat(starter.start(command("unreachable", TestIdentities.certNo())).outcome())
        .isInstanceOf(AlipayOutcome.Retryable.class);
  }

  @Test
  void aBadResponseSignatureIsProviderConfigAndNeverTrusted() {
    fault(GatewayMethods.INITIALIZE, Fault.BAD_SIGNATURE);
    AttemptedCall<IssuedCertification> call =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.ProviderConfig.class);
    assertThat(call.attempts()).isEqualTo(1);
  }

  @Test
  void aWrongAppKeyIsProviderConfig() {
    AlipayOutcome<IssuedCertification> outcome =
        starter.start(command("wrong-key", TestIdentities.certNo())).outcome();
    assertThat(outcome).isInstanceOf(AlipayOutcome.ProviderConfig.class);
    assertThat(((AlipayOutcome.ProviderConfig<?>) outcome).detail())
        .contains("40002")
        .contains("isv.invalid-signature");
  }

  @Test
  void aBusinessRefusalIsRejectedWithItsSubCode() {
    String certNo = TestIdentities.withWrongCheckDigit(TestIdentities.certNo());
    assertThat(starter.start(command("default", certNo)).outcome())
        .isEqualTo(new AlipayOutcome.Rejected<IssuedCertification>("INVALID_CERT_NO"));
  }

  /** Codes that mean our configuration is wrong: dead letter PROVIDER_CONFIG, never retried. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "40001, isv.missing-signature",
    "40006, isv.insufficient-isv-permissions",
    "20001, aop.invalid-auth-token",
    "40003, isv.invalid-auth-relations"
  })
  void configurationErrorAnswersAreProviderConfigOnInitializeAndQuery(String code, String subCode) {
    errorAnswer(code, subCode);
    AttemptedCall<IssuedCertification> started =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(started.outcome()).isInstanceOf(AlipayOutcome.ProviderConfig.class);
    AlipayOutcome.ProviderConfig<?> config = (AlipayOutcome.ProviderConfig<?>) started.outcome();
    assertThat(config.code()).isEqualTo(code);
    assertThat(config.detail()).isEqualTo("code " + code + ", sub_code " + subCode);
    assertThat(started.attempts()).isEqualTo(1);

    AttemptedCall<QueryAnswer> queried = query.query("default", ANY_CERTIFY_ID);
    assertThat(queried.outcome())
        .isEqualTo(
            new AlipayOutcome.ProviderConfig<QueryAnswer>(
                code, "code " + code + ", sub_code " + subCode));
    assertThat(queried.attempts()).isEqualTo(1);
  }

  @Test
  void aBusinessErrorAnswerIsRejectedWithItsSubCode() {
    errorAnswer("40004", "SOME_BUSINESS_REFUSAL");
    AttemptedCall<IssuedCertification> started =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(started.outcome())
        .isEqualTo(new AlipayOutcome.Rejected<IssuedCertification>("SOME_BUSINESS_REFUSAL"));
    assertThat(started.attempts()).isEqualTo(1);
    assertThat(query.query("default", ANY_CERTIFY_ID).outcome())
        .isEqualTo(new AlipayOutcome.Rejected<QueryAnswer>("SOME_BUSINESS_REFUSAL"));
  }

  @Test
  void anAopUnknownErrorAnswerIsRetryableAndRetried() {
    errorAnswer("20000", "aop.unknow-error");
    AttemptedCall<IssuedCertification> started =
        starter.start(command("default", TestIdentities.certNo()));
    assertThat(started.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(((AlipayOutcome.Retryable<?>) started.outcome()).detail())
        .isEqualTo("code 20000, sub_code aop.unknow-error");
    assertThat(started.attempts()).isEqualTo(3);
    assertThat(query.query("default", ANY_CERTIFY_ID).outcome())
        .isInstanceOf(AlipayOutcome.Retryable.class);
  }

  @Test
  void aReadTimeoutOnInitializeIsUnknownAndTheSameOrderNumberFindsTheSameCertification() {
    simulator.setScenario(
        Scenario.none()
            .withTimeoutHangMs(2_000)
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.TIMEOUT, 1.0)));
    StartCertification command = command("default", TestIdentities.certNo());
    long before =
        simulator.stats().certifications().values().stream().mapToLong(Long::longValue).sum();

    AttemptedCall<IssuedCertification> lost = starter.start(command);
    assertThat(lost.outcome()).isInstanceOf(AlipayOutcome.Unknown.class);

    simulator.setScenario(Scenario.none());
    AttemptedCall<IssuedCertification> redriven = starter.start(command);
    AttemptedCall<IssuedCertification> again = starter.start(command);
    long after =
        simulator.stats().certifications().values().stream().mapToLong(Long::longValue).sum();

    // every attempt, lost or not, mapped to one certification at Alipay
    assertThat(after - before).isEqualTo(1);
    assertThat(certifyId(redriven)).isEqualTo(certifyId(again));
  }

  @Test
  void queryAnswersNotPassedThenPassed() {
    String certifyId = certifyId(starter.start(command("default", TestIdentities.certNo())));
    assertThat(query.query("default", certifyId).outcome())
        .isEqualTo(new AlipayOutcome.Succeeded<>(new QueryAnswer(false, null)));
    simulator.complete(certifyId, true, false);
    assertThat(query.query("default", certifyId).outcome())
        .isEqualTo(new AlipayOutcome.Succeeded<>(new QueryAnswer(true, null)));
  }

  @Test
  void aQueryForAnUnknownCertifyIdIsRejected() {
    assertThat(query.query("default", "OC00000000000000000000000unknown").outcome())
        .isInstanceOf(AlipayOutcome.Rejected.class);
  }

  @Test
  void aReadTimeoutOnQueryIsRetryableNotUnknown() {
    String certifyId = certifyId(starter.start(command("default", TestIdentities.certNo())));
    simulator.setScenario(
        Scenario.none()
            .withTimeoutHangMs(2_000)
            .withFaults(GatewayMethods.QUERY, MethodFaults.of(Fault.TIMEOUT, 1.0)));
    assertThat(query.query("default", certifyId).outcome())
        .isInstanceOf(AlipayOutcome.Retryable.class);
  }

  private static String certifyId(AttemptedCall<IssuedCertification> call) {
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    return ((AlipayOutcome.Succeeded<IssuedCertification>) call.outcome()).value().certifyId();
  }

  /** Every initialize and query gets this signed error answer from the simulator. */
  private static void errorAnswer(String code, String subCode) {
    simulator.setScenario(
        Scenario.none()
            .withFaults(Scenario.ANY_METHOD, MethodFaults.of(ErrorAnswer.of(1.0, code, subCode))));
  }

  private static void fault(String method, Fault fault) {
    simulator.setScenario(Scenario.none().withFaults(method, MethodFaults.of(fault, 1.0)));
  }

  private static StartCertification command(String app, String certNo) {
    return new StartCertification(
        app,
        UUID.randomUUID().toString().replace("-", ""),
        BizCode.FACE,
        CertType.IDENTITY_CARD,
        TestIdentities.certName(),
        certNo,
        "http://localhost:8080/v1/callbacks/alipay/return?token=t");
  }

  private static AlipayApp app(String name, String appId, String privateKey, String gateway) {
    return new AlipayApp(
        name, appId, privateKey, simulator.alipayPublicKeyBase64(), gateway, "RSA2");
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

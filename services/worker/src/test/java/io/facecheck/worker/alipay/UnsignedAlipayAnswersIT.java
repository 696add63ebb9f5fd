package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UnsignedError;
import io.facecheck.simulator.scenario.UnsignedError.ForgedSign;
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

/**
 * Error answers without a valid signature (the simulator's {@code unsigned_error}), through the
 * real SDK: the SDK returns them unchecked (no sign, an empty one) or checks a replayed signature
 * of another node, and the worker believes none of them. A simulator of its own, so its scenario
 * never leaks into other tests.
 */
class UnsignedAlipayAnswersIT {

  private static final String ANY_CERTIFY_ID = "0123456789abcdef0123456789abcdef";

  private static AlipaySimulator simulator;
  private static AlipayCertificationStarter starter;
  private static AlipayCertificationQuery query;

  @BeforeAll
  static void start() throws Exception {
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair app = generator.generateKeyPair();
    simulator.registerApp("2021000000000201", b64(app.getPublic().getEncoded()));
    AlipayClients clients =
        AlipayClients.create(
            List.of(
                new AlipayApp(
                    "default",
                    "2021000000000201",
                    b64(app.getPrivate().getEncoded()),
                    simulator.alipayPublicKeyBase64(),
                    simulator.gatewayUrl(),
                    "RSA2")),
            new AlipayHttpSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(2), 8, Duration.ofSeconds(10)));
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

  @ParameterizedTest(name = "{0} {1}, sign {2}")
  @CsvSource({
    "40004, INVALID_CERT_NO, ABSENT",
    "40004, INVALID_CERT_NO, EMPTY",
    "40004, INVALID_CERT_NO, REPLAYED",
    "40002, isv.invalid-signature, ABSENT",
    "40006, isv.insufficient-isv-permissions, EMPTY",
    "10000, isv.something, ABSENT"
  })
  void anUnsignedErrorOnInitializeIsUnknownAndRetriedNeverRejected(
      String code, String subCode, ForgedSign sign) {
    forge(GatewayMethods.INITIALIZE, new UnsignedError(1.0, code, subCode, null, sign));

    AttemptedCall<IssuedCertification> call = starter.start(command());

    assertThat(call.outcome())
        .isEqualTo(
            new AlipayOutcome.Unknown<IssuedCertification>(
                "answer without a verified signature, not trusted (code "
                    + code
                    + ", sub_code "
                    + subCode
                    + ")"));
    assertThat(call.attempts()).isEqualTo(3);
    assertThat(simulator.stats().count(GatewayMethods.INITIALIZE, "unsigned_error"))
        .isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0} {1}, sign {2}")
  @CsvSource({
    "40004, CERTIFY_ID_NOT_EXIST, ABSENT",
    "40004, CERTIFY_ID_NOT_EXIST, EMPTY",
    "40004, CERTIFY_ID_NOT_EXIST, REPLAYED",
    "40001, isv.missing-signature, ABSENT"
  })
  void anUnsignedErrorOnQueryIsRetryableNeverNotFound(
      String code, String subCode, ForgedSign sign) {
    forge(GatewayMethods.QUERY, new UnsignedError(1.0, code, subCode, null, sign));

    AttemptedCall<QueryAnswer> call = query.query("default", ANY_CERTIFY_ID);

    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(call.attempts()).isEqualTo(3);
  }

  @Test
  void onceTheForgeryStopsTheSameOrderNumberStartsAndTheQueryAnswers() {
    StartCertification command = command();
    forge(Scenario.ANY_METHOD, UnsignedError.of(1.0, "40004", "INVALID_CERT_NO"));
    assertThat(starter.start(command).outcome()).isInstanceOf(AlipayOutcome.Unknown.class);

    simulator.setScenario(Scenario.none());
    AttemptedCall<IssuedCertification> started = starter.start(command);
    assertThat(started.outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    String certifyId =
        ((AlipayOutcome.Succeeded<IssuedCertification>) started.outcome()).value().certifyId();
    assertThat(query.query("default", certifyId).outcome())
        .isEqualTo(new AlipayOutcome.Succeeded<>(new QueryAnswer(false, null)));
  }

  /**
   * A sign that does not verify makes the SDK throw "sign check fail", the very exception a wrong
   * Alipay public key gives: ProviderConfig (dead letter, replayable), never a rejection.
   */
  @Test
  void aWronglySignedErrorIsNeverARejection() {
    forge(
        Scenario.ANY_METHOD,
        UnsignedError.of(1.0, "40004", "INVALID_CERT_NO").withSign(ForgedSign.WRONG));
    AttemptedCall<IssuedCertification> started = starter.start(command());
    assertThat(started.outcome()).isInstanceOf(AlipayOutcome.ProviderConfig.class);
    assertThat(((AlipayOutcome.ProviderConfig<?>) started.outcome()).detail())
        .contains("sign check fail");
    assertThat(query.query("default", ANY_CERTIFY_ID).outcome())
        .isInstanceOf(AlipayOutcome.ProviderConfig.class);
  }

  private static void forge(String method, UnsignedError forged) {
    simulator.setScenario(Scenario.none().withFaults(method, MethodFaults.of(forged)));
  }

  private static StartCertification command() {
    return new StartCertification(
        "default",
        UUID.randomUUID().toString().replace("-", ""),
        BizCode.FACE,
        CertType.IDENTITY_CARD,
        TestIdentities.certName(),
        TestIdentities.certNo(),
        "http://localhost:8080/v1/callbacks/alipay/return?token=t");
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

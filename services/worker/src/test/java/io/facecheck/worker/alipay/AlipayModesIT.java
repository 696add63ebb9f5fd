package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UnsignedError;
import io.facecheck.worker.initiation.IssuedCertification;
import io.facecheck.worker.initiation.StartCertification;
import io.facecheck.worker.initiation.alipay.AlipayCertificationStarter;
import io.facecheck.worker.query.QueryAnswer;
import io.facecheck.worker.query.alipay.AlipayCertificationQuery;
import io.facecheck.worker.support.TestIdentities;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worker's Alipay adapters through the real SDK against the simulator over HTTP, one app per
 * combination (public key or certificate, clear or encrypted), side by side, routed by app name;
 * and the new rows of the classification table: certificate SN mismatches and decryption failures
 * are configuration errors, answered once, never retried.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlipayModesIT {
  private static final KeyPair KEYS = ModeApps.rsa();
  private static AlipaySimulator simulator;
  private static AlipayClients clients;
  private static AlipayCertificationStarter starter;
  private static AlipayCertificationQuery query;

  @BeforeAll
  static void start() {
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    List<AlipayApp> apps = new ArrayList<>();
    apps.add(app("public-key", AlipayMode.PUBLIC_KEY, false));
    apps.add(app("public-key-encrypted", AlipayMode.PUBLIC_KEY, true));
    apps.add(app("certificate", AlipayMode.CERTIFICATE, false));
    apps.add(app("certificate-encrypted", AlipayMode.CERTIFICATE, true));
    // misconfigured: another app's certificate, a wrong root bundle, a wrong AES key
    RegisteredApp ours = registered(AppMode.CERTIFICATE, null);
    RegisteredApp theirs = registered(AppMode.CERTIFICATE, null);
    apps.add(
        ModeApps.settings(
            simulator,
            "certificate-wrong-sn",
            new RegisteredApp(ours.appId(), ours.mode(), theirs.credentials(), null),
            KEYS,
            AlipayMode.CERTIFICATE,
            null));
    AlipayApp rightRoot =
        ModeApps.settings(simulator, "x", ours, KEYS, AlipayMode.CERTIFICATE, null);
    apps.add(
        new AlipayApp(
            "certificate-wrong-root",
            rightRoot.appId(),
            AlipayMode.CERTIFICATE,
            rightRoot.privateKey(),
            null,
            rightRoot.appCert(),
            rightRoot.alipayCert(),
            simulator.alipayCertificatePem(),
            null,
            rightRoot.gatewayUrl(),
            "RSA2"));
    for (AlipayMode mode : AlipayMode.values()) {
      RegisteredApp encrypted =
          registered(
              mode == AlipayMode.CERTIFICATE ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
              ModeApps.aesKey());
      apps.add(
          ModeApps.settings(
              simulator, "wrong-aes-" + mode, encrypted, KEYS, mode, ModeApps.aesKey()));
    }
    clients =
        AlipayClients.create(
            apps,
            new AlipayHttpSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(5), 8, Duration.ofSeconds(10)));
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

  @ParameterizedTest
  @ValueSource(
      strings = {"public-key", "public-key-encrypted", "certificate", "certificate-encrypted"})
  void initializeCertifyUrlAndQueryInEachMode(String app) throws Exception {
    AttemptedCall<IssuedCertification> call = starter.start(command(app));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    IssuedCertification issued =
        ((AlipayOutcome.Succeeded<IssuedCertification>) call.outcome()).value();
    assertThat(issued.certifyUrl().contains("app_cert_sn=")).isEqualTo(app.startsWith("cert"));
    String page =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(issued.certifyUrl()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).contains("id=\"pass\"");

    assertThat(answer(query.query(app, issued.certifyId())).passed()).isFalse();
    simulator.complete(issued.certifyId(), true, false);
    assertThat(answer(query.query(app, issued.certifyId())).passed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "certificate-wrong-sn",
        "certificate-wrong-root",
        "wrong-aes-PUBLIC_KEY",
        "wrong-aes-CERTIFICATE"
      })
  void certificateAndEncryptionMistakesAreConfigurationErrorsNeverRetried(String app) {
    AttemptedCall<IssuedCertification> call = starter.start(command(app));

    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.ProviderConfig.class);
    assertThat(call.attempts()).isEqualTo(1);
    String detail = ((AlipayOutcome.ProviderConfig<?>) call.outcome()).detail();
    assertThat(detail)
        .contains(
            switch (app) {
              case "certificate-wrong-sn" -> "isv.app-cert-not-exist";
              case "certificate-wrong-root" -> "isv.invalid-alipay-root-cert-sn";
              default -> "isv.decryption-error-unknown";
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"public-key-encrypted", "certificate", "certificate-encrypted"})
  void transientErrorsStayRetryableInEveryMode(String app) {
    simulator.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.SYSTEM_ERROR, 1.0)));
    AttemptedCall<IssuedCertification> call = starter.start(command(app));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Retryable.class);
    assertThat(call.attempts()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"certificate", "certificate-encrypted"})
  void inCertificateModeAnUnsignedErrorIsStillNotAlipaysWord(String app) {
    simulator.setScenario(
        Scenario.none()
            .withFaults(
                GatewayMethods.INITIALIZE,
                MethodFaults.of(UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST"))));
    AttemptedCall<IssuedCertification> call = starter.start(command(app));
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Unknown.class);
  }

  /**
   * Last: the misconfigured clients above would otherwise meet the new SN first, and the SDK's
   * download of it (refused, or not chaining to a wrong root) would speak instead of the gateway.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void afterTheSimulatorRollsItsCertificateCertificateModeKeepsWorking() {
    String before = simulator.alipayCertSn();
    simulator.rollAlipayCertificate();
    for (String app : List.of("certificate", "certificate-encrypted")) {
      assertThat(starter.start(command(app)).outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    }
    assertThat(simulator.liveAlipayCertSns()).contains(before, simulator.alipayCertSn());
  }

  private static QueryAnswer answer(AttemptedCall<QueryAnswer> call) {
    assertThat(call.outcome()).isInstanceOf(AlipayOutcome.Succeeded.class);
    return ((AlipayOutcome.Succeeded<QueryAnswer>) call.outcome()).value();
  }

  private static AlipayApp app(String name, AlipayMode mode, boolean encrypted) {
    return ModeApps.register(
        simulator, name, appId(), KEYS, mode, encrypted ? ModeApps.aesKey() : null);
  }

  private static RegisteredApp registered(AppMode mode, String aes) {
    return simulator.registerApp(
        new AppRegistration(
            appId(), ModeApps.b64(KEYS.getPublic().getEncoded()), mode, aes, false));
  }

  private static String appId() {
    return "2021"
        + String.format(
            "%012d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000L));
  }

  static StartCertification command(String app) {
    return new StartCertification(
        app,
        UUID.randomUUID().toString().replace("-", ""),
        BizCode.FACE,
        CertType.IDENTITY_CARD,
        TestIdentities.certName(),
        TestIdentities.certNo(),
        "http://localhost:8080/v1/callbacks/alipay/return?token=t");
  }
}

package io.facecheck.simulator;

import static io.facecheck.simulator.TestApps.initialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.internal.util.AntCertificationUtil;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.signing.RsaKeys;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What certificate mode and content encryption refuse, as the unmodified SDK sees it: the SNs the
 * SDK computes, a wrong app certificate or root bundle, a wrong or missing AES key, and errors
 * answered to encrypted requests.
 */
class ModeErrorsIT {
  private static final KeyPair KEYS = RsaKeys.generate();
  private static AlipaySimulator sim;

  @BeforeAll
  static void start() {
    sim = AlipaySimulator.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void wellBehaved() {
    sim.setScenario(Scenario.none());
    sim.resetStats();
  }

  @Test
  void serialNumbersAreTheOnesTheSdkComputes() throws Exception {
    // the SDK's own code is the oracle: md5(issuer DN + serial), root = RSA roots joined by "_"
    assertThat(sim.rootCertSn())
        .isEqualTo(AntCertificationUtil.getRootCertSN(sim.rootCertificatePem()));
    assertThat(sim.rootCertSn()).matches("[0-9a-f]{32}_[0-9a-f]{32}"); // the EC root is left out
    assertThat(sim.alipayCertSn())
        .isEqualTo(
            AntCertificationUtil.getCertSN(
                AntCertificationUtil.getCertFromContent(sim.alipayCertificatePem())));
    RegisteredApp app =
        sim.registerApp(AppRegistration.certificate(appId(), RsaKeys.base64(KEYS.getPublic())));
    assertThat(app.newest().certSn())
        .isEqualTo(
            AntCertificationUtil.getCertSN(
                AntCertificationUtil.getCertFromContent(
                    io.facecheck.simulator.certificates.Pem.of(app.newest().certificate()))));
    assertThat(AntCertificationUtil.isTrusted(sim.alipayCertificatePem(), sim.rootCertificatePem()))
        .isTrue();
  }

  @Test
  void anotherAppsCertificateIsRefusedWithAppCertNotExist() throws Exception {
    RegisteredApp ours =
        sim.registerApp(AppRegistration.certificate(appId(), RsaKeys.base64(KEYS.getPublic())));
    RegisteredApp theirs =
        sim.registerApp(AppRegistration.certificate(appId(), RsaKeys.base64(KEYS.getPublic())));
    // our app id, their certificate: the SN names a certificate our app does not have
    RegisteredApp mixed =
        new RegisteredApp(ours.appId(), AppMode.CERTIFICATE, theirs.credentials(), null);
    ModeClients client = clients(mixed, null, sim.rootCertificatePem());

    AlipayUserCertifyOpenInitializeResponse response = client.call(initialize(order(), ""));

    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo("40002");
    assertThat(response.getSubCode()).isEqualTo("isv.app-cert-not-exist");
    assertThat(response.getBody()).contains("\"alipay_cert_sn\":\"" + sim.alipayCertSn() + "\"");
  }

  @Test
  void aWrongRootBundleIsRefusedWithInvalidAlipayRootCertSn() throws Exception {
    RegisteredApp app =
        sim.registerApp(AppRegistration.certificate(appId(), RsaKeys.base64(KEYS.getPublic())));
    // any RSA-signed certificate as the "root": its SN is not the root bundle's
    ModeClients client = clients(app, null, sim.alipayCertificatePem());

    AlipayUserCertifyOpenInitializeResponse response = client.call(initialize(order(), ""));

    assertThat(response.getCode()).isEqualTo("40002");
    assertThat(response.getSubCode()).isEqualTo("isv.invalid-alipay-root-cert-sn");
  }

  @Test
  void aWrongAesKeyIsADecryptionErrorInClearWhichTheUnmodifiedSdkCannotRead() throws Exception {
    for (boolean certificate : new boolean[] {false, true}) {
      RegisteredApp app =
          sim.registerApp(
              new AppRegistration(
                  appId(),
                  RsaKeys.base64(KEYS.getPublic()),
                  certificate ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
                  ModeClients.newAesKey(),
                  false));
      ModeClients wrongKey = clients(app, ModeClients.newAesKey(), sim.rootCertificatePem());

      // the SDK finds a JSON object where it expects the Base64 string and fails to parse it;
      // in certificate mode it wraps that in an AlipayApiException
      assertThatThrownBy(() -> wrongKey.call(initialize(order(), "")))
          .satisfiesAnyOf(
              t -> assertThat(t).isInstanceOf(IllegalArgumentException.class),
              t -> assertThat(t).hasCauseInstanceOf(IllegalArgumentException.class));
    }
    assertThat(sim.stats().count(GatewayMethods.INITIALIZE, "isv.decryption-error-unknown"))
        .isEqualTo(2);
  }

  @Test
  void anEncryptedRequestForAnAppWithoutAesKeyIsRefused() throws Exception {
    RegisteredApp app =
        sim.registerApp(AppRegistration.publicKey(appId(), RsaKeys.base64(KEYS.getPublic())));
    ModeClients encrypting = clients(app, ModeClients.newAesKey(), sim.rootCertificatePem());

    assertThatThrownBy(() -> encrypting.call(initialize(order(), "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            sim.stats()
                .count(GatewayMethods.INITIALIZE, "isv.decryption-error-not-valid-encrypt-key"))
        .isEqualTo(1);
  }

  @Test
  void errorsAnsweredToEncryptedRequestsAreEncryptedSoTheSdkReadsThem() throws Exception {
    for (boolean certificate : new boolean[] {false, true}) {
      ModeClients app = ModeClients.register(sim, appId(), KEYS, certificate, true);
      sim.setScenario(
          Scenario.none()
              .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.SYSTEM_ERROR, 1.0)));
      AlipayUserCertifyOpenInitializeResponse system = app.call(initialize(order(), ""));
      assertThat(system.getCode()).isEqualTo("20000");
      assertThat(system.getSubCode()).isEqualTo("isp.unknow-error");
      sim.setScenario(Scenario.none());

      ModeClients wrongAppKey =
          clients(app.app(), app.aesKey(), sim.rootCertificatePem(), RsaKeys.generate());
      AlipayUserCertifyOpenInitializeResponse invalid = wrongAppKey.call(initialize(order(), ""));
      assertThat(invalid.getSubCode()).isEqualTo("isv.invalid-signature");

      AlipayUserCertifyOpenInitializeResponse business = app.call(initialize(order(), "1234", ""));
      assertThat(business.getCode()).isEqualTo("40004");
      assertThat(business.getSubCode()).isEqualTo("INVALID_CERT_NO");
    }
  }

  @Test
  void theRootBundleAndAlipayCertificateAreOverTheAdminApiAsWell() {
    var answer =
        new RawGateway(sim.baseUrl())
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sim.baseUrl() + "/sim/certificates"))
                    .build());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"root_cert_sn\":\"" + sim.rootCertSn() + "\"")
        .contains("\"alipay_cert_sn\":\"" + sim.alipayCertSn() + "\"");
    assertThat(AlipayCertificates.readPem(sim.rootCertificatePem())).hasSize(3);
  }

  private static ModeClients clients(RegisteredApp app, String aesKey, String rootPem)
      throws Exception {
    return clients(app, aesKey, rootPem, KEYS);
  }

  private static ModeClients clients(RegisteredApp app, String aesKey, String rootPem, KeyPair keys)
      throws Exception {
    return new ModeClients(
        app.appId(),
        app.mode() == AppMode.CERTIFICATE,
        aesKey,
        app,
        ModeClients.client(sim, app, keys, aesKey, rootPem));
  }

  static String appId() {
    return "2021"
        + String.format(
            "%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
  }

  static String order() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}

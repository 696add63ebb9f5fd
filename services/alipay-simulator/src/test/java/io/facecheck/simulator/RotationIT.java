package io.facecheck.simulator;

import static io.facecheck.simulator.TestApps.initialize;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.signing.RsaKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation as it happens in production: Alipay rolls its certificate (two SNs live; the SDK
 * downloads the new one by itself), and a merchant uploads a new app key and switches while the old
 * one still works.
 */
class RotationIT {

  @Test
  void afterARollClientsConfiguredWithEitherAlipayCertificateKeepWorking(@TempDir Path dir)
      throws Exception {
    try (AlipaySimulator sim =
        AlipaySimulator.start(SimulatorConfig.defaults().withCertificateDir(dir))) {
      KeyPair keys = RsaKeys.generate();
      ModeClients clear = ModeClients.register(sim, ModeErrorsIT.appId(), keys, true, false);
      ModeClients encrypted = ModeClients.register(sim, ModeErrorsIT.appId(), keys, true, true);
      String before = sim.alipayCertSn();
      String oldPem = Files.readString(dir.resolve("alipayCertPublicKey_RSA2.crt"));
      assertThat(oldPem).isEqualTo(sim.alipayCertificatePem());

      String after = sim.rollAlipayCertificate();

      assertThat(after).isNotEqualTo(before);
      assertThat(sim.liveAlipayCertSns()).containsExactly(before, after);
      assertThat(Files.readString(dir.resolve("alipayCertPublicKey_RSA2.crt")))
          .isEqualTo(sim.alipayCertificatePem())
          .isNotEqualTo(oldPem);
      assertThat(dir.resolve("alipayCertPublicKey_RSA2." + before + ".crt")).exists();
      for (ModeClients client : new ModeClients[] {clear, encrypted}) {
        // configured with the old certificate: the SDK downloads the new one, checks its chain
        AlipayUserCertifyOpenInitializeResponse response = client.call(initialize(order(), ""));
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        assertThat(response.getBody()).contains(after);
        assertThat(client.call(initialize(order(), "")).isSuccess()).isTrue();
      }
      assertThat(sim.stats().count(GatewayMethods.ALIPAY_CERT_DOWNLOAD, "success")).isEqualTo(2);
      // a client configured from the rewritten files has the new one from the start
      ModeClients fresh =
          new ModeClients(
              clear.appId(),
              true,
              null,
              clear.app(),
              ModeClients.client(
                  sim,
                  clear.app(),
                  keys,
                  null,
                  Files.readString(dir.resolve("alipayRootCert.crt"))));
      assertThat(fresh.call(initialize(order(), "")).isSuccess()).isTrue();
      assertThat(sim.stats().count(GatewayMethods.ALIPAY_CERT_DOWNLOAD, "success")).isEqualTo(2);
    }
  }

  @Test
  void aRestartWithTheSameDirectoryKeepsTheRootAndTheAlipayCertificate(@TempDir Path dir) {
    String root;
    String alipay;
    try (AlipaySimulator sim =
        AlipaySimulator.start(SimulatorConfig.defaults().withCertificateDir(dir))) {
      sim.rollAlipayCertificate();
      root = sim.rootCertSn();
      alipay = sim.alipayCertSn();
    }
    try (AlipaySimulator sim =
        AlipaySimulator.start(SimulatorConfig.defaults().withCertificateDir(dir))) {
      assertThat(sim.rootCertSn()).isEqualTo(root);
      assertThat(sim.alipayCertSn()).isEqualTo(alipay);
    }
  }

  @Test
  void duringAnAppKeyOverlapBothKeysWorkUntilThePreviousIsRetired() throws Exception {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      for (boolean certificate : new boolean[] {false, true}) {
        String appId = ModeErrorsIT.appId();
        KeyPair oldKeys = RsaKeys.generate();
        KeyPair newKeys = RsaKeys.generate();
        ModeClients old = ModeClients.register(sim, appId, oldKeys, certificate, false);
        AppMode mode = certificate ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY;
        RegisteredApp rotated =
            sim.registerApp(
                new AppRegistration(appId, RsaKeys.base64(newKeys.getPublic()), mode, null, true));
        assertThat(rotated.credentials()).hasSize(2);
        ModeClients current =
            new ModeClients(
                appId,
                certificate,
                null,
                rotated,
                ModeClients.client(sim, rotated, newKeys, null, sim.rootCertificatePem()));

        assertThat(old.call(initialize(order(), "")).isSuccess()).isTrue();
        assertThat(current.call(initialize(order(), "")).isSuccess()).isTrue();

        sim.retirePreviousAppKeys(appId);
        assertThat(current.call(initialize(order(), "")).isSuccess()).isTrue();
        assertThat(old.call(initialize(order(), "")).getSubCode())
            .isEqualTo(certificate ? "isv.app-cert-not-exist" : "isv.invalid-signature");
      }
    }
  }

  static String order() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}

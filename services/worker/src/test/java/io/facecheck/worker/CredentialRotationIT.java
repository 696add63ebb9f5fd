package io.facecheck.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.certificates.PublishedFile;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.support.RequestJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rotation mid-run without a restart: requests keep flowing while the simulator rolls its Alipay
 * certificate (two SNs live) and both apps rotate their key (the new key uploaded with the old one
 * still accepted, the files rewritten, the worker reloading them on its schedule, then the old key
 * retired). Keys and certificates are files, as a secret manager mounts them. No verification
 * fails: every request ends AWAITING_USER.
 */
class CredentialRotationIT extends LiveWorker {
  private static final String CERT_APP_ID = "2021000000014101";
  private static final String PK_APP_ID = "2021000000014102";
  private static AlipaySimulator sim;
  private static Path dir;
  private static Path certDir;

  @Autowired AlipayClients clients;

  @DynamicPropertySource
  static void rotatingApps(DynamicPropertyRegistry registry) throws IOException {
    dir = Files.createTempDirectory("facecheck-rotation");
    certDir = dir.resolve("alipay");
    sim = AlipaySimulator.start(SimulatorConfig.defaults().withCertificateDir(certDir));
    String aes = ModeSettings.aesKey();
    KeyPair certKeys = ModeSettings.rsa();
    sim.registerApp(
        new AppRegistration(
            CERT_APP_ID,
            ModeSettings.b64(certKeys.getPublic().getEncoded()),
            AppMode.CERTIFICATE,
            aes,
            false));
    PublishedFile.write(
        privateKey("rot-cert"), ModeSettings.b64(certKeys.getPrivate().getEncoded()));
    KeyPair pkKeys = ModeSettings.rsa();
    sim.registerApp(PK_APP_ID, ModeSettings.b64(pkKeys.getPublic().getEncoded()));
    PublishedFile.write(privateKey("rot-pk"), ModeSettings.b64(pkKeys.getPrivate().getEncoded()));

    String cert = "facecheck.worker.alipay.apps.rot-cert.";
    registry.add(cert + "app-id", () -> CERT_APP_ID);
    registry.add(cert + "mode", () -> "certificate");
    registry.add(cert + "private-key-file", () -> privateKey("rot-cert").toString());
    registry.add(
        cert + "app-cert-file",
        () -> certDir.resolve("appCertPublicKey_" + CERT_APP_ID + ".crt").toString());
    registry.add(
        cert + "alipay-cert-file",
        () -> certDir.resolve(AlipayCertificates.ALIPAY_CERT_FILE).toString());
    registry.add(
        cert + "alipay-root-cert-file",
        () -> certDir.resolve(AlipayCertificates.ROOT_FILE).toString());
    registry.add(cert + "encrypt-key", () -> aes);
    registry.add(cert + "gateway-url", sim::gatewayUrl);
    String pk = "facecheck.worker.alipay.apps.rot-pk.";
    registry.add(pk + "app-id", () -> PK_APP_ID);
    registry.add(pk + "private-key-file", () -> privateKey("rot-pk").toString());
    registry.add(pk + "alipay-public-key", sim::alipayPublicKeyBase64);
    registry.add(pk + "gateway-url", sim::gatewayUrl);
    registry.add("facecheck.worker.alipay.reload-interval", () -> "200ms");
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Test
  void rollingAlipaysCertificateAndRotatingAppKeysMidRunFailsNoVerification(CapturedOutput output) {
    List<String> requests = new ArrayList<>();
    send(requests, 10);

    Object certClientBefore = clients.forApp("rot-cert").orElseThrow();
    String oldSn = sim.alipayCertSn();
    sim.rollAlipayCertificate();
    send(requests, 10);
    // the new alipayCertPublicKey_RSA2.crt is picked up (and clients still on the old one
    // download the new certificate by themselves)
    await().atMost(WAIT).until(() -> clients.forApp("rot-cert").orElseThrow() != certClientBefore);
    assertThat(sim.liveAlipayCertSns()).contains(oldSn, sim.alipayCertSn());

    Object certClient = clients.forApp("rot-cert").orElseThrow();
    Object pkClient = clients.forApp("rot-pk").orElseThrow();
    rotateAppKey(CERT_APP_ID, AppMode.CERTIFICATE, "rot-cert");
    send(requests, 5);
    rotateAppKey(PK_APP_ID, AppMode.PUBLIC_KEY, "rot-pk");
    send(requests, 5);
    await()
        .atMost(WAIT)
        .until(
            () ->
                clients.forApp("rot-cert").orElseThrow() != certClient
                    && clients.forApp("rot-pk").orElseThrow() != pkClient);
    send(requests, 5);
    // both workers' clients now sign with the new keys: Alipay stops accepting the old ones
    sim.retirePreviousAppKeys(CERT_APP_ID);
    sim.retirePreviousAppKeys(PK_APP_ID);
    send(requests, 5);

    for (String requestId : requests) {
      awaitStatus(requestId, "AWAITING_USER");
    }
    assertNoPiiLogged(output);
  }

  /** The merchant's rotation: upload the new key (the old stays accepted), then switch files. */
  private static void rotateAppKey(String appId, AppMode mode, String name) {
    KeyPair next = ModeSettings.rsa();
    // no aes_key with keep_previous_key: the app keeps its AES key
    sim.registerApp(
        new AppRegistration(
            appId, ModeSettings.b64(next.getPublic().getEncoded()), mode, null, true));
    PublishedFile.write(privateKey(name), ModeSettings.b64(next.getPrivate().getEncoded()));
  }

  private void send(List<String> requests, int count) {
    for (int i = 0; i < count; i++) {
      String app = i % 2 == 0 ? "rot-cert" : "rot-pk";
      String requestId = app + "-" + UUID.randomUUID();
      producer.send(
          Topics.REQUESTS,
          requestId,
          RequestJson.request(CLIENT, requestId, name(), certNo(), app));
      requests.add(requestId);
    }
    producer.flush();
  }

  private static Path privateKey(String name) {
    return dir.resolve(name + ".key");
  }
}

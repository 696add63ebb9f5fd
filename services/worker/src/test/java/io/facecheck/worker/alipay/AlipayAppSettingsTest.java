package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the worker refuses at startup: incomplete or mixed app settings, mixed environments. */
class AlipayAppSettingsTest {
  private static final String SIM = "http://127.0.0.1:8089/gateway.do";
  private static final String PROD = "https://openapi.alipay.com/gateway.do";
  private static final String SANDBOX = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";

  @Test
  void aCertificateModeAppWithoutItsCertificatesIsRefused() {
    assertThatThrownBy(() -> app("a", AlipayMode.CERTIFICATE, null, "APP", null, "ROOT", SIM))
        .hasMessageContaining("apps.a.alipay-cert is not set");
  }

  @Test
  void settingsOfTheOtherModeAreRefusedNotIgnored() {
    assertThatThrownBy(() -> app("a", AlipayMode.CERTIFICATE, "PK", "APP", "ALI", "ROOT", SIM))
        .hasMessageContaining("apps.a.alipay-public-key is set but the app is in certificate mode");
    assertThatThrownBy(() -> app("a", AlipayMode.PUBLIC_KEY, "PK", "APP", null, null, SIM))
        .hasMessageContaining("apps.a.app-cert is set but the app is in public-key mode");
  }

  @Test
  void anEncryptKeyMustBeAnAesKey() {
    assertThatThrownBy(
            () ->
                new AlipayApp(
                    "a",
                    "2021",
                    AlipayMode.PUBLIC_KEY,
                    "K",
                    "PK",
                    null,
                    null,
                    null,
                    "c2hvcnQ=",
                    SIM,
                    null))
        .hasMessageContaining("encrypt-key must be the base64 of a 128, 192 or 256-bit AES key")
        .hasMessageNotContaining("c2hvcnQ");
  }

  @Test
  void theEnvironmentSettingMustMatchEveryGateway() {
    AlipayEnvironment.check("simulator", List.of(app("a", SIM)));
    AlipayEnvironment.check("production", List.of(app("a", PROD)));
    AlipayEnvironment.check("sandbox", List.of(app("a", SANDBOX)));
    assertThatThrownBy(() -> AlipayEnvironment.check("sandbox", List.of(app("a", PROD))))
        .hasMessageContaining(
            "apps.a.gateway-url is a production gateway but facecheck.worker.alipay.environment is sandbox");
    assertThatThrownBy(() -> AlipayEnvironment.check("production", List.of(app("a", SIM))))
        .hasMessageContaining("is a simulator gateway");
    assertThatThrownBy(() -> AlipayEnvironment.check("staging", List.of(app("a", SIM))))
        .hasMessageContaining("must be simulator, sandbox or production");
  }

  @Test
  void obviouslyMixedSettingsAreRefusedWhateverTheEnvironmentSetting() {
    assertThatThrownBy(() -> AlipayEnvironment.check(null, List.of(app("a", SIM), app("b", PROD))))
        .hasMessageContaining("one environment per worker");
    AlipayApp sandboxIdOnProduction = new AlipayApp("s", "9021000122600000", "K", "PK", PROD, null);
    assertThatThrownBy(() -> AlipayEnvironment.check(null, List.of(sandboxIdOnProduction)))
        .hasMessageContaining(
            "apps.s.app-id looks like a sandbox app id but gateway-url is production");
    assertThatThrownBy(
            () ->
                AlipayEnvironment.check(
                    null, List.of(app("a", "http://openapi.alipay.com/gateway.do"))))
        .hasMessageContaining("production only over https");
  }

  @Test
  void secretsComeFromAValueOrAFileNeverBoth(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("app.key");
    Files.writeString(key, "  PRIVATE\n");
    AlipayAppFiles files = files("a", new AlipayAppFiles.Secret(null, key.toString()));
    assertThat(files.load().privateKey()).isEqualTo("PRIVATE");
    Files.writeString(key, "ROTATED\n");
    assertThat(files.load().privateKey()).isEqualTo("ROTATED");
    assertThatThrownBy(() -> files("a", new AlipayAppFiles.Secret("X", key.toString())).load())
        .hasMessageContaining("apps.a.private-key and private-key-file are both set");
    assertThatThrownBy(
            () ->
                files("a", new AlipayAppFiles.Secret(null, dir.resolve("none").toString())).load())
        .hasMessageContaining("private-key-file")
        .hasMessageContaining("unreadable");
  }

  private static AlipayAppFiles files(String name, AlipayAppFiles.Secret privateKey) {
    AlipayAppFiles.Secret none = new AlipayAppFiles.Secret(null, null);
    return new AlipayAppFiles(
        name,
        "2021",
        "public-key",
        privateKey,
        new AlipayAppFiles.Secret("PK", null),
        none,
        none,
        none,
        none,
        SIM,
        null);
  }

  private static AlipayApp app(String name, String gateway) {
    return new AlipayApp(name, "2021000000000001", "K", "PK", gateway, null);
  }

  private static AlipayApp app(
      String name,
      AlipayMode mode,
      String pk,
      String appCert,
      String alipayCert,
      String root,
      String gateway) {
    return new AlipayApp(
        name, "2021000000000001", mode, "K", pk, appCert, alipayCert, root, null, gateway, null);
  }
}

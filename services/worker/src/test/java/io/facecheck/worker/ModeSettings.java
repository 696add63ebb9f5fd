package io.facecheck.worker;

import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.certificates.Pem;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Worker settings for apps in each mode, registered on a simulator, as values (not files). */
final class ModeSettings {
  private ModeSettings() {}

  static void app(
      DynamicPropertyRegistry registry,
      AlipaySimulator sim,
      String name,
      String appId,
      boolean certificate,
      boolean encrypted) {
    KeyPair keys = rsa();
    String aes = encrypted ? aesKey() : null;
    RegisteredApp app =
        sim.registerApp(
            new AppRegistration(
                appId,
                b64(keys.getPublic().getEncoded()),
                certificate ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
                aes,
                false));
    String prefix = "facecheck.worker.alipay.apps." + name + ".";
    registry.add(prefix + "app-id", () -> appId);
    registry.add(prefix + "private-key", () -> b64(keys.getPrivate().getEncoded()));
    registry.add(prefix + "gateway-url", sim::gatewayUrl);
    if (certificate) {
      registry.add(prefix + "mode", () -> "certificate");
      registry.add(prefix + "app-cert", () -> Pem.of(app.newest().certificate()));
      registry.add(prefix + "alipay-cert", sim::alipayCertificatePem);
      registry.add(prefix + "alipay-root-cert", sim::rootCertificatePem);
    } else {
      registry.add(prefix + "alipay-public-key", sim::alipayPublicKeyBase64);
    }
    if (encrypted) {
      registry.add(prefix + "encrypt-key", () -> aes);
    }
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String aesKey() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return b64(key);
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

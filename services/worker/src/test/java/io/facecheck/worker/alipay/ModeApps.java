package io.facecheck.worker.alipay;

import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Apps registered on a simulator in a given mode, and the worker's settings for them. */
final class ModeApps {
  private ModeApps() {}

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
    return Base64.getEncoder().encodeToString(key);
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Registers {@code appId} on the simulator and answers the worker's settings for it. */
  static AlipayApp register(
      AlipaySimulator sim, String name, String appId, KeyPair keys, AlipayMode mode, String aes) {
    RegisteredApp registered =
        sim.registerApp(
            new AppRegistration(
                appId,
                b64(keys.getPublic().getEncoded()),
                mode == AlipayMode.CERTIFICATE ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
                aes,
                false));
    return settings(sim, name, registered, keys, mode, aes);
  }

  static AlipayApp settings(
      AlipaySimulator sim,
      String name,
      RegisteredApp registered,
      KeyPair keys,
      AlipayMode mode,
      String aes) {
    boolean certificate = mode == AlipayMode.CERTIFICATE;
    return new AlipayApp(
        name,
        registered.appId(),
        mode,
        b64(keys.getPrivate().getEncoded()),
        certificate ? null : sim.alipayPublicKeyBase64(),
        certificate
            ? io.facecheck.simulator.certificates.Pem.of(registered.newest().certificate())
            : null,
        certificate ? sim.alipayCertificatePem() : null,
        certificate ? sim.rootCertificatePem() : null,
        aes,
        sim.gatewayUrl(),
        "RSA2");
  }
}

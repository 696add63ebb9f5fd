package io.facecheck.worker.support;

import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded Alipay simulator per test JVM, with two apps configured for the worker: {@code
 * default}, registered with its real public key, and {@code misconfigured}, whose private key does
 * not match what the simulator has on file (Alipay answers 40002 isv.invalid-signature).
 */
public final class SimulatedAlipay {

  public static final String APP_ID = "2021000000000001";
  public static final String MISCONFIGURED_APP_ID = "2021000000000002";

  /** The request-hash key the workers under test use (main requires one, like intake's). */
  public static final String REQUEST_HASH_KEY = "test-request-hash-key-0123456789";

  private static AlipaySimulator simulator;
  private static KeyPair appKeys;
  private static KeyPair misconfiguredKeys;

  private SimulatedAlipay() {}

  public static synchronized AlipaySimulator simulator() {
    if (simulator == null) {
      appKeys = rsa();
      misconfiguredKeys = rsa();
      simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
      simulator.registerApp(APP_ID, base64(appKeys.getPublic().getEncoded()));
      simulator.registerApp(MISCONFIGURED_APP_ID, base64(rsa().getPublic().getEncoded()));
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }
    return simulator;
  }

  /** Worker settings for both apps, plus PII keys and the callback secret. */
  public static void register(DynamicPropertyRegistry registry) {
    AlipaySimulator sim = simulator();
    app(registry, "default", APP_ID, base64(appKeys.getPrivate().getEncoded()), sim);
    app(
        registry,
        "misconfigured",
        MISCONFIGURED_APP_ID,
        base64(misconfiguredKeys.getPrivate().getEncoded()),
        sim);
    secrets(registry);
  }

  /**
   * Worker settings for app {@code default} on {@code own}, a simulator of the test's own, where a
   * fresh key pair is registered as {@code appId}; plus PII keys and the callback secret.
   */
  public static void registerOwn(
      DynamicPropertyRegistry registry, AlipaySimulator own, String appId) {
    KeyPair keys = rsa();
    own.registerApp(appId, base64(keys.getPublic().getEncoded()));
    app(registry, "default", appId, base64(keys.getPrivate().getEncoded()), own);
    secrets(registry);
  }

  private static void secrets(DynamicPropertyRegistry registry) {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    registry.add("facecheck.pii.keys", () -> "k1:" + base64(key));
    registry.add("facecheck.pii.active-key-id", () -> "k1");
    registry.add("facecheck.callback.secret", () -> "test-callback-secret-of-at-least-32-bytes!");
    registry.add("facecheck.request-hash.key", () -> REQUEST_HASH_KEY);
  }

  private static void app(
      DynamicPropertyRegistry registry,
      String name,
      String appId,
      String privateKey,
      AlipaySimulator sim) {
    String prefix = "facecheck.worker.alipay.apps." + name + ".";
    registry.add(prefix + "app-id", () -> appId);
    registry.add(prefix + "private-key", () -> privateKey);
    registry.add(prefix + "alipay-public-key", sim::alipayPublicKeyBase64);
    registry.add(prefix + "gateway-url", sim::gatewayUrl);
  }

  public static String appPrivateKey() {
    simulator();
    return base64(appKeys.getPrivate().getEncoded());
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

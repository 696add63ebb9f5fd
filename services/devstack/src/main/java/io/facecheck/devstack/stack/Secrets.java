package io.facecheck.devstack.stack;

import io.facecheck.pii.PiiKeyGenerator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys the services share, generated for one run: the Alipay app key pair (its public half is
 * registered with the simulator), the callback HMAC secret (worker signs, intake verifies), the
 * request-hash key (intake and worker must hash alike), the PII key ring, and the demo client's
 * bearer token.
 */
public record Secrets(
    String appId,
    KeyPair appKeys,
    String callbackSecret,
    String requestHashKey,
    String piiActiveKeyId,
    String piiKeys,
    String clientId,
    String clientToken) {

  public static final String DEMO_CLIENT = "demo";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static Secrets generate() {
    String keyId = "devstack-1";
    return new Secrets(
        "2021000000000001",
        rsa2048(),
        randomBase64(32),
        randomBase64(32),
        keyId,
        PiiKeyGenerator.newKeySpec(keyId),
        DEMO_CLIENT,
        randomBase64(24));
  }

  /** PKCS#8, Base64: how the Alipay SDK takes the app's private key. */
  public String appPrivateKeyBase64() {
    return Base64.getEncoder().encodeToString(appKeys.getPrivate().getEncoded());
  }

  /** X.509, Base64: how the simulator takes the app's public key. */
  public String appPublicKeyBase64() {
    return Base64.getEncoder().encodeToString(appKeys.getPublic().getEncoded());
  }

  @Override
  public String toString() {
    return "Secrets[appId=" + appId + ", clientId=" + clientId + ", keys=***]";
  }

  private static KeyPair rsa2048() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}

package io.facecheck.crashtests;

import io.facecheck.pii.PiiKeyGenerator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys the services share for one run (as the devstack wires them): the Alipay app's key pair
 * (public half registered with the simulator), the callback secret (worker signs, intake checks),
 * the request-hash key and the PII key ring.
 */
record SharedKeys(
    String appId,
    KeyPair appKeys,
    String callbackSecret,
    String requestHashKey,
    String piiActiveKeyId,
    String piiKeys,
    String intakeToken) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static SharedKeys generate() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048, RANDOM);
      String keyId = "crash-1";
      return new SharedKeys(
          "2021000000000042",
          rsa.generateKeyPair(),
          random(32),
          random(32),
          keyId,
          PiiKeyGenerator.newKeySpec(keyId),
          random(24));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /** PKCS#8, Base64: how the SDK takes the app's private key. */
  String appPrivateKeyBase64() {
    return Base64.getEncoder().encodeToString(appKeys.getPrivate().getEncoded());
  }

  /** X.509, Base64: how the simulator takes the app's public key. */
  String appPublicKeyBase64() {
    return Base64.getEncoder().encodeToString(appKeys.getPublic().getEncoded());
  }

  @Override
  public String toString() {
    return "SharedKeys[appId=" + appId + ", keys=***]";
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}

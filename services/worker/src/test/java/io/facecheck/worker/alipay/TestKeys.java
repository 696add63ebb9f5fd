package io.facecheck.worker.alipay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA-2048 key pairs as the worker is configured with them (PKCS#8 / X.509, Base64). */
final class TestKeys {

  static final KeyPair APP = generate();
  static final KeyPair ALIPAY = generate();

  private TestKeys() {}

  static String privateKey(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
  }

  static String publicKey(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  /** The same key as a PEM body: wrapped at 64 characters, CRLF, padded with blanks. */
  static String wrapped(String base64) {
    StringBuilder out = new StringBuilder("  \n");
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append("\r\n");
    }
    return out.append("\t ").toString();
  }

  static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.facecheck.pii;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes new key spec entries for the dev stack and for operators rotating keys. */
public final class PiiKeyGenerator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PiiKeyGenerator() {}

  /** Returns {@code "keyId:<base64 of 32 random bytes>"}, ready for {@code FACECHECK_PII_KEYS}. */
  public static String newKeySpec(String keyId) {
    PiiKeyRing.checkKeyId(keyId);
    byte[] key = new byte[PiiKeyRing.KEY_BYTES];
    RANDOM.nextBytes(key);
    return keyId + ":" + Base64.getEncoder().encodeToString(key);
  }
}

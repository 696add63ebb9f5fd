package io.facecheck.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens PII with AES-256-GCM. The context (e.g. {@code verification:<uuid>:cert_no}) is
 * the additional authenticated data, so a ciphertext copied to another row or column no longer
 * opens. Thread-safe: keys are parsed once by the ring, a fresh {@link Cipher} is used per call.
 */
public final class PiiCipher {

  static final int IV_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final PiiKeyRing keys;
  private final SecureRandom random = new SecureRandom();

  public PiiCipher(PiiKeyRing keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Encrypts under the ring's active key with a fresh random IV; the empty string is allowed. */
  public SealedValue seal(String plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] aad = contextBytes(context);
    String keyId = keys.activeKeyId();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BYTES * 8, iv));
      cipher.updateAAD(aad);
      byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[IV_BYTES + cipher.getOutputSize(input.length)];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      cipher.doFinal(input, 0, input.length, out, IV_BYTES);
      return new SealedValue(keyId, out);
    } catch (GeneralSecurityException e) {
      // Only a broken JCE gets here; the message carries no data.
      throw new IllegalStateException("AES-GCM unavailable for PII key '" + keyId + "'", e);
    }
  }

  /**
   * Decrypts a value sealed under any key the ring holds, for the same context it was sealed in.
   */
  public String open(SealedValue sealed, String context) {
    Objects.requireNonNull(sealed, "sealed");
    byte[] aad = contextBytes(context);
    String keyId = sealed.keyId();
    SecretKey key = keys.key(keyId);
    if (key == null) {
      throw new PiiDecryptionException(
          "PII sealed under key '" + keyId + "', which this key ring does not hold");
    }
    byte[] data = sealed.ciphertext();
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new PiiDecryptionException(
          "PII sealed under key '" + keyId + "' is truncated (" + data.length + " bytes)");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, data, 0, IV_BYTES));
      cipher.updateAAD(aad);
      byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new PiiDecryptionException(
          "PII sealed under key '"
              + keyId
              + "' failed authentication: tampered, or opened under another context",
          e);
    } catch (GeneralSecurityException e) {
      throw new PiiDecryptionException("PII sealed under key '" + keyId + "' cannot be opened", e);
    }
  }

  private static byte[] contextBytes(String context) {
    // A blank context would bind nothing, which defeats the point of the AAD.
    if (context == null || context.isBlank()) {
      throw new IllegalArgumentException("PII context (AAD) must not be blank");
    }
    return context.getBytes(StandardCharsets.UTF_8);
  }
}

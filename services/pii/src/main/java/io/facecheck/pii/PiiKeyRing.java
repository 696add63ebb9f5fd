package io.facecheck.pii;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that may open PII, by id, and the one id that seals new values. Keys come from
 * configuration ({@code facecheck.pii.keys} / {@code FACECHECK_PII_KEYS}); error messages name key
 * ids and positions, never key material.
 */
public final class PiiKeyRing {

  static final int KEY_BYTES = 32;

  /**
   * Key ids are stored in a database column beside the ciphertext, so keep them short and plain.
   */
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String activeKeyId;
  private final Map<String, SecretKey> keysById;

  private PiiKeyRing(String activeKeyId, Map<String, SecretKey> keysById) {
    this.activeKeyId = activeKeyId;
    this.keysById = Map.copyOf(keysById);
  }

  public static PiiKeyRing of(String activeKeyId, Map<String, byte[]> keysById) {
    Objects.requireNonNull(keysById, "keysById");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keysById.forEach((id, bytes) -> keys.put(checkKeyId(id), toAesKey(id, bytes)));
    return withActive(activeKeyId, keys);
  }

  /** Parses {@code "k1:<base64 of 32 bytes>,k2:<base64>"}; blanks around entries are ignored. */
  public static PiiKeyRing parse(String activeKeyId, String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "PII key spec is empty: expected \"keyId:<base64 of 32 bytes>[,keyId:<base64>...]\"");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String[] entries = spec.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "PII key spec entry #" + (i + 1) + " is not of the form keyId:<base64>");
      }
      String id = checkKeyId(entry.substring(0, colon).strip());
      if (keys.containsKey(id)) {
        throw new IllegalArgumentException("PII key id '" + id + "' appears more than once");
      }
      keys.put(id, toAesKey(id, decodeBase64(id, entry.substring(colon + 1).strip())));
    }
    return withActive(activeKeyId, keys);
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public boolean has(String keyId) {
    return keyId != null && keysById.containsKey(keyId);
  }

  /** The key for an id, or null when this ring does not hold it. */
  SecretKey key(String keyId) {
    return keysById.get(keyId);
  }

  @Override
  public String toString() {
    return "PiiKeyRing[active=" + activeKeyId + ", ids=" + keysById.keySet() + "]";
  }

  private static PiiKeyRing withActive(String activeKeyId, Map<String, SecretKey> keys) {
    if (activeKeyId == null || activeKeyId.isBlank()) {
      throw new IllegalArgumentException("active PII key id is missing");
    }
    if (!keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "active PII key id '"
              + activeKeyId
              + "' is not among the configured ids "
              + keys.keySet());
    }
    return new PiiKeyRing(activeKeyId, keys);
  }

  static String checkKeyId(String id) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "PII key id '" + id + "' is invalid: use 1-64 of [A-Za-z0-9._-]");
    }
    return id;
  }

  private static byte[] decodeBase64(String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: drop it, it is key material.
      throw new IllegalArgumentException("PII key '" + id + "' is not valid base64");
    }
  }

  private static SecretKey toAesKey(String id, byte[] bytes) {
    if (bytes == null || bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "PII key '"
              + id
              + "' must be exactly "
              + KEY_BYTES
              + " bytes (AES-256), got "
              + (bytes == null ? "none" : bytes.length));
    }
    return new SecretKeySpec(bytes, "AES"); // SecretKeySpec copies the bytes
  }
}

package io.facecheck.pii;

import java.util.Arrays;
import java.util.Objects;

/**
 * An encrypted value and the id of the key that sealed it; both are stored side by side so a key
 * ring holding older keys can still open it after rotation.
 *
 * @param keyId id of the key in the {@link PiiKeyRing}
 * @param ciphertext 12-byte random IV followed by the GCM ciphertext and its 16-byte tag
 */
public record SealedValue(String keyId, byte[] ciphertext) {

  public SealedValue {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
    ciphertext = ciphertext.clone(); // the record stays immutable whatever the caller does later
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedValue that
        && keyId.equals(that.keyId)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
  }

  /** Shows the key id and length only: bytes in logs help nobody and invite correlation. */
  @Override
  public String toString() {
    return "SealedValue[keyId=" + keyId + ", ciphertext=" + ciphertext.length + " bytes]";
  }
}

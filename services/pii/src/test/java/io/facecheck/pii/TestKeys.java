package io.facecheck.pii;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deterministic test-only keys: 32 bytes filled with a marker byte per key id. */
final class TestKeys {

  private TestKeys() {}

  static byte[] bytes(int marker) {
    byte[] key = new byte[PiiKeyRing.KEY_BYTES];
    Arrays.fill(key, (byte) marker);
    return key;
  }

  static String base64(int marker) {
    return Base64.getEncoder().encodeToString(bytes(marker));
  }

  /** A ring holding k1 (marker 1) and, if asked, k2 (marker 2), with the given active id. */
  static PiiKeyRing ring(String activeKeyId, String... ids) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String id : ids) {
      keys.put(id, bytes(id.hashCode()));
    }
    return PiiKeyRing.of(activeKeyId, keys);
  }
}

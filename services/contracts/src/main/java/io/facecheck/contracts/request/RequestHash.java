package io.facecheck.contracts.request;

import io.facecheck.contracts.schema.PayloadJson;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The canonical hash of a request: its record (defaults applied, lowercase x made uppercase)
 * written with sorted keys, then digested. Digests are made per call: they are not thread-safe.
 */
final class RequestHash {

  private final byte[] hmacKey;

  private RequestHash(byte[] hmacKey) {
    this.hmacKey = hmacKey;
  }

  static RequestHash hmacSha256(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 16) {
      throw new IllegalArgumentException("an HMAC key needs at least 16 bytes");
    }
    return new RequestHash(key.clone());
  }

  String of(VerificationRequest request) {
    return ofBytes(PayloadJson.canonicalMapper().writeValueAsBytes(request));
  }

  String ofBytes(byte[] canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}

package io.facecheck.worker.alipay;

import com.alipay.api.internal.util.codec.Base64;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * Parses keys as the SDK does on every call (its own lenient Base64 decoder, so whitespace and line
 * breaks are ignored), but once. Empty when the SDK could not parse them either.
 */
final class SdkKeyParser {

  private SdkKeyParser() {}

  static Optional<PrivateKey> privateKey(String pkcs8Base64) {
    if (pkcs8Base64 == null || pkcs8Base64.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(decode(pkcs8Base64))));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<PublicKey> publicKey(String x509Base64) {
    if (x509Base64 == null || x509Base64.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(x509Base64))));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] decode(String base64) {
    return Base64.decodeBase64(base64.getBytes(StandardCharsets.US_ASCII));
  }
}

package io.facecheck.simulator.signing;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * Alipay's sign_type values. Signature engines are cached per thread: creating one per call is
 * waste.
 */
public enum SignAlgorithm {
  RSA("SHA1withRSA"),
  RSA2("SHA256withRSA");

  private final ThreadLocal<Signature> engine;

  SignAlgorithm(String jcaName) {
    this.engine =
        ThreadLocal.withInitial(
            () -> {
              try {
                return Signature.getInstance(jcaName);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JDK lacks " + jcaName, e);
              }
            });
  }

  /**
   * The sign_type parameter as a client sends it ("RSA2", "RSA"); anything else is not supported.
   */
  public static Optional<SignAlgorithm> fromSignType(String signType) {
    if ("RSA2".equals(signType)) {
      return Optional.of(RSA2);
    }
    if ("RSA".equals(signType)) {
      return Optional.of(RSA);
    }
    return Optional.empty();
  }

  public String sign(PrivateKey key, String content, Charset charset) {
    try {
      Signature signature = engine.get();
      signature.initSign(key);
      signature.update(content.getBytes(charset));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** False for any malformed signature too: a client's bad Base64 is its error, not ours. */
  public boolean verify(PublicKey key, String content, Charset charset, String base64Signature) {
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getMimeDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature signature = engine.get();
      signature.initVerify(key);
      signature.update(content.getBytes(charset));
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}

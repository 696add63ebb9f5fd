package io.facecheck.worker.alipay;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;

/**
 * Whether the app certificate is for the app's private key. A rotation rewrites both files, not at
 * the same instant: a reload between the two writes would sign with one key under the other key's
 * certificate SN, and every call would fail until the next reload. Such a pair is not swapped in
 * (the current client stays until both files agree), and at startup it is refused.
 */
final class AppCertificateKey {
  private AppCertificateKey() {}

  static boolean matches(String privateKeyBase64, String appCertPem) {
    Optional<PrivateKey> key = SdkKeyParser.privateKey(privateKeyBase64);
    if (key.isEmpty() || !(key.get() instanceof RSAPrivateCrtKey crt)) {
      // the SDK reports an unusable key its own way
      return true;
    }
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(appCertPem.getBytes(StandardCharsets.US_ASCII)));
      PublicKey derived =
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      return derived.equals(certificate.getPublicKey());
    } catch (Exception e) {
      // not a certificate: the SDK refuses it when building the client
      return true;
    }
  }
}

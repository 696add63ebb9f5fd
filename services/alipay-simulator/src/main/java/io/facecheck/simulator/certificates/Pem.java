package io.facecheck.simulator.certificates;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Certificates as the PEM text Alipay hands out (.crt files) and the SDK reads. */
public final class Pem {
  private static final Base64.Encoder MIME =
      Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private Pem() {}

  public static String of(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + MIME.encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String of(List<X509Certificate> bundle) {
    StringBuilder out = new StringBuilder();
    bundle.forEach(c -> out.append(of(c)));
    return out.toString();
  }
}

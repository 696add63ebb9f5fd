package io.facecheck.simulator.certificates;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** An Alipay certificate, its SN, and the private key that signs responses under it. */
public record SigningCertificate(X509Certificate certificate, PrivateKey privateKey, String sn) {
  @Override
  public String toString() {
    return "SigningCertificate[sn=" + sn + "]";
  }
}

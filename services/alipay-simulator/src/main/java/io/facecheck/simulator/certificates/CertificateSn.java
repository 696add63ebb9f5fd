package io.facecheck.simulator.certificates;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The serial numbers the Alipay SDK sends and expects ({@code AntCertificationUtil} of
 * alipay-sdk-java 4.40.734): the lower-case hex MD5 of the issuer's RFC 2253 name followed by the
 * decimal serial number, left-padded with zeros to 32; a root bundle's SN joins with {@code _} the
 * SNs of its certificates signed with an RSA algorithm (OID 1.2.840.113549.1.1.*), in file order.
 */
public final class CertificateSn {
  private static final String RSA_SIGNATURE_OIDS = "1.2.840.113549.1.1";

  private CertificateSn() {}

  public static String of(X509Certificate certificate) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(
          (certificate.getIssuerX500Principal().getName() + certificate.getSerialNumber())
              .getBytes(StandardCharsets.UTF_8));
      String hex = new BigInteger(1, md5.digest()).toString(16);
      return "0".repeat(32 - hex.length()) + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks MD5", e);
    }
  }

  public static String ofRootBundle(List<X509Certificate> bundle) {
    return bundle.stream()
        .filter(c -> c.getSigAlgOID().startsWith(RSA_SIGNATURE_OIDS))
        .map(CertificateSn::of)
        .collect(Collectors.joining("_"));
  }
}

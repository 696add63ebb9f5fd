package io.facecheck.simulator.certificates;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;

/**
 * Builds X.509 v3 certificates signed with SHA256withRSA (or SHA256withECDSA for an EC key): a
 * self-signed root, or one it issues.
 */
public final class CertificateIssuer {
  private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
  private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateIssuer() {}

  /** A self-signed CA certificate for {@code keys}. */
  public static X509Certificate selfSignedRoot(
      X500Principal subject, KeyPair keys, Instant notBefore, Duration validity) {
    return build(subject, subject, keys.getPublic(), keys.getPrivate(), notBefore, validity, true);
  }

  /** An end-entity certificate for {@code subjectKey}, signed by {@code issuer}'s key. */
  public static X509Certificate issue(
      X509Certificate issuer,
      PrivateKey issuerKey,
      X500Principal subject,
      PublicKey subjectKey,
      Instant notBefore,
      Duration validity) {
    return build(
        issuer.getSubjectX500Principal(),
        subject,
        subjectKey,
        issuerKey,
        notBefore,
        validity,
        false);
  }

  private static X509Certificate build(
      X500Principal issuer,
      X500Principal subject,
      PublicKey subjectKey,
      PrivateKey signingKey,
      Instant notBefore,
      Duration validity,
      boolean ca) {
    boolean ec = "EC".equals(signingKey.getAlgorithm());
    // the SDK's root SN counts only RSA-signed roots, so an EC-signed one must be possible
    byte[] algorithm =
        ec
            ? Der.sequence(Der.oid(SHA256_WITH_ECDSA))
            : Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
    // positive and 64 bits: the SN the SDK computes includes its decimal form
    BigInteger serial = new BigInteger(64, RANDOM).setBit(62);
    byte[] extensions =
        ca
            ? Der.explicit(
                3,
                Der.sequence(
                    Der.sequence(
                        Der.oid(BASIC_CONSTRAINTS),
                        Der.bool(true),
                        Der.octetString(Der.sequence(Der.bool(true))))))
            : new byte[0];
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(serial),
            algorithm,
            issuer.getEncoded(),
            Der.sequence(Der.time(notBefore), Der.time(notBefore.plus(validity))),
            subject.getEncoded(),
            subjectKey.getEncoded(),
            extensions);
    try {
      Signature signature = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
      signature.initSign(signingKey);
      signature.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signature.sign()));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build a certificate", e);
    }
  }
}

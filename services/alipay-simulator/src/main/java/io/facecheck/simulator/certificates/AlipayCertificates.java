package io.facecheck.simulator.certificates;

import io.facecheck.simulator.signing.RsaKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * The simulator's certificate authority, shaped like Alipay's: a root bundle (the RSA root that
 * issues everything, a second RSA root and an EC root, as Alipay's alipayRootCert.crt holds several
 * and the SDK's root SN joins the RSA ones), the Alipay certificate responses are signed under, and
 * the app certificates issued for registered apps. {@link #roll()} issues a new Alipay certificate
 * and keeps the previous one valid, so two SNs are live during the overlap.
 */
public final class AlipayCertificates {
  /** File names Alipay's open platform uses for what a merchant downloads. */
  public static final String ROOT_FILE = "alipayRootCert.crt";

  public static final String ALIPAY_CERT_FILE = "alipayCertPublicKey_RSA2.crt";
  private static final String ROOT_KEY_FILE = "simulator-root-ca.key";
  private static final String ALIPAY_KEY_FILE = "simulator-alipay-cert.key";
  private static final Duration VALIDITY = Duration.ofDays(3650);
  // backdated: a client whose clock lags a little still finds the certificate valid
  private static final Duration BACKDATE = Duration.ofDays(1);

  private final Clock clock;
  private final List<X509Certificate> rootBundle;
  private final X509Certificate root;
  private final KeyPair rootKeys;
  private final String rootSn;
  private final Map<String, SigningCertificate> alipayBySn = new LinkedHashMap<>();
  private volatile SigningCertificate current;

  private AlipayCertificates(
      Clock clock, List<X509Certificate> rootBundle, KeyPair rootKeys, SigningCertificate first) {
    this.clock = clock;
    this.rootBundle = List.copyOf(rootBundle);
    this.root = rootBundle.get(0);
    this.rootKeys = rootKeys;
    this.rootSn = CertificateSn.ofRootBundle(rootBundle);
    this.alipayBySn.put(first.sn(), first);
    this.current = first;
  }

  /**
   * A fresh authority whose first Alipay certificate is for {@code alipayKeys}, the key pair the
   * simulator also signs public-key-mode responses with.
   */
  public static AlipayCertificates generate(KeyPair alipayKeys, Clock clock) {
    KeyPair rootKeys = RootKeys.ROOT;
    Instant from = clock.instant().minus(BACKDATE);
    X509Certificate root =
        CertificateIssuer.selfSignedRoot(
            new X500Principal(
                "CN=Facecheck Simulated Alipay Root CA, OU=Simulator, O=facecheck, C=CN"),
            rootKeys,
            from,
            VALIDITY);
    X509Certificate secondRoot =
        CertificateIssuer.selfSignedRoot(
            new X500Principal("CN=Facecheck Simulated Alipay Root CA R2, O=facecheck, C=CN"),
            RootKeys.SECOND_ROOT,
            from,
            VALIDITY);
    X509Certificate ecRoot =
        CertificateIssuer.selfSignedRoot(
            new X500Principal("CN=Facecheck Simulated Alipay Root CA EC, O=facecheck, C=CN"),
            RootKeys.EC_ROOT,
            from,
            VALIDITY);
    List<X509Certificate> bundle = List.of(root, ecRoot, secondRoot);
    return new AlipayCertificates(
        clock, bundle, rootKeys, issueAlipay(root, rootKeys, alipayKeys, from));
  }

  /**
   * The authority kept in {@code dir} across restarts (root key, root bundle, Alipay key and
   * certificate), created there when missing; the published files are (re)written either way.
   */
  public static AlipayCertificates loadOrCreate(Path dir, KeyPair alipayKeys, Clock clock)
      throws IOException {
    Path rootKey = dir.resolve(ROOT_KEY_FILE);
    Path alipayKey = dir.resolve(ALIPAY_KEY_FILE);
    AlipayCertificates authority;
    if (Files.exists(rootKey) && Files.exists(alipayKey)) {
      List<X509Certificate> bundle = readPem(Files.readString(dir.resolve(ROOT_FILE)));
      KeyPair rootKeys = RsaKeys.keyPair(Files.readString(rootKey));
      KeyPair signing = RsaKeys.keyPair(Files.readString(alipayKey));
      X509Certificate alipay = readPem(Files.readString(dir.resolve(ALIPAY_CERT_FILE))).get(0);
      authority =
          new AlipayCertificates(
              clock,
              bundle,
              rootKeys,
              new SigningCertificate(alipay, signing.getPrivate(), CertificateSn.of(alipay)));
    } else {
      authority = generate(alipayKeys, clock);
      Files.createDirectories(dir);
      Files.writeString(rootKey, RsaKeys.base64(authority.rootKeys.getPrivate()) + "\n");
    }
    authority.writeFiles(dir);
    return authority;
  }

  /** Issues a new Alipay certificate on a new key and signs with it; the previous stays valid. */
  public synchronized SigningCertificate roll() {
    SigningCertificate next =
        issueAlipay(root, rootKeys, RsaKeys.generate(), clock.instant().minus(BACKDATE));
    alipayBySn.put(next.sn(), next);
    current = next;
    return next;
  }

  /** Issues the app certificate for a registered app's public key (what Alipay's CSR flow does). */
  public X509Certificate issueAppCertificate(String appId, PublicKey appKey) {
    return CertificateIssuer.issue(
        root,
        rootKeys.getPrivate(),
        new X500Principal("CN=" + appId + ", OU=Alipay App, O=facecheck, C=CN"),
        appKey,
        clock.instant().minus(BACKDATE),
        VALIDITY);
  }

  /** What responses are signed under now. */
  public SigningCertificate current() {
    return current;
  }

  public synchronized Optional<SigningCertificate> bySn(String sn) {
    return Optional.ofNullable(alipayBySn.get(sn));
  }

  /** Every Alipay certificate still valid, oldest first. */
  public synchronized List<String> liveSns() {
    return new ArrayList<>(alipayBySn.keySet());
  }

  public String rootCertSn() {
    return rootSn;
  }

  public String rootBundlePem() {
    return Pem.of(rootBundle);
  }

  /** Whether a certificate was issued by this authority's root (an app certificate of ours). */
  public boolean issuedByRoot(X509Certificate certificate) {
    try {
      certificate.verify(root.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Writes alipayRootCert.crt and alipayCertPublicKey_RSA2.crt (the current certificate), plus
   * alipayCertPublicKey_RSA2.&lt;sn&gt;.crt for every live one, and the current Alipay key so a
   * restart with the same directory keeps signing under the same certificate.
   */
  public synchronized void writeFiles(Path dir) {
    PublishedFile.write(dir.resolve(ROOT_FILE), rootBundlePem());
    PublishedFile.write(dir.resolve(ALIPAY_CERT_FILE), Pem.of(current.certificate()));
    for (SigningCertificate cert : alipayBySn.values()) {
      PublishedFile.write(
          dir.resolve("alipayCertPublicKey_RSA2." + cert.sn() + ".crt"),
          Pem.of(cert.certificate()));
    }
    PublishedFile.write(dir.resolve(ALIPAY_KEY_FILE), RsaKeys.base64(current.privateKey()) + "\n");
  }

  private static SigningCertificate issueAlipay(
      X509Certificate root, KeyPair rootKeys, KeyPair alipayKeys, Instant from) {
    X509Certificate certificate =
        CertificateIssuer.issue(
            root,
            rootKeys.getPrivate(),
            new X500Principal(
                "CN=Facecheck Simulated Alipay ("
                    + from.toEpochMilli()
                    + "), OU=Alipay, O=facecheck, C=CN"),
            alipayKeys.getPublic(),
            from,
            VALIDITY);
    return new SigningCertificate(
        certificate, alipayKeys.getPrivate(), CertificateSn.of(certificate));
  }

  /**
   * Root key pairs generated once per JVM (on first use): a test suite starting many simulators
   * pays for them once. Certificates are still issued fresh by each simulator.
   */
  private static final class RootKeys {
    static final KeyPair ROOT = RsaKeys.generate();
    static final KeyPair SECOND_ROOT = RsaKeys.generate();
    static final KeyPair EC_ROOT = ecKeys();
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every certificate in a PEM text (one or a bundle); IllegalArgumentException otherwise. */
  public static List<X509Certificate> readPem(String pem) {
    try {
      Collection<? extends java.security.cert.Certificate> all =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> certificates = new ArrayList<>();
      all.forEach(c -> certificates.add((X509Certificate) c));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in the PEM text");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PEM certificate", e);
    }
  }
}

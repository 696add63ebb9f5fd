package io.facecheck.simulator.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Parses and produces keys in the forms the Alipay SDK uses: PKCS#8 and X.509, Base64 without
 * armour.
 */
public final class RsaKeys {
  private static volatile KeyPair shared;

  private RsaKeys() {}

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One generated pair per JVM, so a test suite starting many simulators pays for generation once.
   */
  public static KeyPair sharedGenerated() {
    KeyPair pair = shared;
    if (pair == null) {
      synchronized (RsaKeys.class) {
        if (shared == null) {
          shared = generate();
        }
        pair = shared;
      }
    }
    return pair;
  }

  /** X.509 SubjectPublicKeyInfo, Base64; throws IllegalArgumentException when it is not one. */
  public static PublicKey publicKey(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(stripPem(base64));
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Base64 X.509 RSA public key", e);
    }
  }

  /** A PKCS#8 private key (Base64, PEM armour allowed) and the public key derived from it. */
  public static KeyPair keyPair(String pkcs8Base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(stripPem(pkcs8Base64));
      KeyFactory factory = KeyFactory.getInstance("RSA");
      PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
        throw new IllegalArgumentException("private key lacks CRT parameters");
      }
      PublicKey publicKey =
          factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      return new KeyPair(publicKey, privateKey);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Base64 PKCS#8 RSA private key", e);
    }
  }

  /**
   * Loads the pair from a PKCS#8 file, or generates one and writes it there so restarts keep it.
   */
  public static KeyPair loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return keyPair(Files.readString(file, StandardCharsets.US_ASCII));
    }
    KeyPair pair = generate();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, base64(pair.getPrivate()) + "\n", StandardCharsets.US_ASCII);
    return pair;
  }

  public static String base64(java.security.Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static String stripPem(String text) {
    return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }
}

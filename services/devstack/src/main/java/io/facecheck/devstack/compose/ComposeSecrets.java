package io.facecheck.devstack.compose;

import io.facecheck.devstack.stack.Secrets;
import io.facecheck.pii.PiiKeyGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Every secret of the compose stack, generated on first run and kept after: the database passwords
 * (owner for Flyway, application user for the services), the Alipay app key pair and the
 * simulator's own key (so the worker knows the simulator's public key without asking it), the
 * callback secret and request-hash key (intake and worker), the PII key ring (worker only), the
 * demo client's token (intake). An app private key or Alipay public key passed in (a real Alipay
 * app) replaces the generated one.
 */
public final class ComposeSecrets {

  public static final String APP_PRIVATE_KEY = "facecheck.worker.alipay.apps.default.private-key";
  public static final String ALIPAY_PUBLIC_KEY =
      "facecheck.worker.alipay.apps.default.alipay-public-key";
  public static final String DB_PASSWORD = "spring.datasource.password";

  private ComposeSecrets() {}

  public static void write(SecretTree tree, String appPrivateKeyOrNull, String alipayKeyOrNull)
      throws IOException, GeneralSecurityException {
    tree.keep("postgres", "superuser-password", () -> random(24));
    String ownerPassword = tree.keep("postgres", "owner-password", () -> random(24));
    String appPassword = tree.keep("postgres", "app-password", () -> random(24));
    tree.put("migrate", "owner-password", ownerPassword);
    for (String service : new String[] {"worker", "reconciler", "intake", "ops"}) {
      tree.put(service, DB_PASSWORD, appPassword);
    }

    String callbackSecret = tree.keep("shared", "callback-secret", () -> random(32));
    String requestHashKey = tree.keep("shared", "request-hash-key", () -> random(32));
    for (String service : new String[] {"worker", "intake"}) {
      tree.put(service, "facecheck.callback.secret", callbackSecret);
      tree.put(service, "facecheck.request-hash.key", requestHashKey);
    }
    tree.keep("worker", "facecheck.pii.active-key-id", () -> "compose-1");
    tree.keep("worker", "facecheck.pii.keys", () -> PiiKeyGenerator.newKeySpec("compose-1"));
    tree.keep("intake", "facecheck.intake.clients.demo.token", () -> random(24));

    String appPrivate =
        appPrivateKeyOrNull != null
            ? tree.put("worker", APP_PRIVATE_KEY, appPrivateKeyOrNull)
            : tree.keep("worker", APP_PRIVATE_KEY, ComposeSecrets::newRsaPrivateKey);
    tree.put("simulator", "app-public-key", publicHalf(appPrivate));
    String simulatorPrivate =
        tree.keep("simulator", "alipay-private-key", ComposeSecrets::newRsaPrivateKey);
    tree.put(
        "worker",
        ALIPAY_PUBLIC_KEY,
        alipayKeyOrNull != null ? alipayKeyOrNull : publicHalf(simulatorPrivate));
  }

  /** The X.509 Base64 public key of a PKCS#8 Base64 RSA private key. */
  static String publicHalf(String pkcs8Base64) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey key =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8Base64)));
      BigInteger modulus = key.getModulus();
      return Base64.getEncoder()
          .encodeToString(
              rsa.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()))
                  .getEncoded());
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a PKCS#8 Base64 RSA private key", e);
    }
  }

  private static String newRsaPrivateKey() {
    return Secrets.generate().appPrivateKeyBase64();
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new java.security.SecureRandom().nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}

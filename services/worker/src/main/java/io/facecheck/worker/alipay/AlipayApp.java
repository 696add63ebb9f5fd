package io.facecheck.worker.alipay;

import java.util.Base64;
import java.util.Objects;

/**
 * One configured Alipay app: its id, mode, its own RSA private key (PKCS#8, base64, no PEM armour)
 * and, by mode, Alipay's public key (X.509, base64) or the three certificates (PEM: the app's,
 * Alipay's, Alipay's root bundle); optionally the AES key of content encryption (base64). Key
 * material comes from configuration, the environment or files only. Settings of the other mode are
 * refused, not ignored: a half-migrated configuration is a mistake to report at startup.
 */
public record AlipayApp(
    String name,
    String appId,
    AlipayMode mode,
    String privateKey,
    String alipayPublicKey,
    String appCert,
    String alipayCert,
    String alipayRootCert,
    String encryptKey,
    String gatewayUrl,
    String signType) {

  public AlipayApp {
    Objects.requireNonNull(name, "name");
    mode = mode == null ? AlipayMode.PUBLIC_KEY : mode;
    require(appId, name, "app-id");
    require(privateKey, name, "private-key");
    require(gatewayUrl, name, "gateway-url");
    if (mode == AlipayMode.PUBLIC_KEY) {
      require(alipayPublicKey, name, "alipay-public-key");
      refuse(appCert, name, "app-cert", mode);
      refuse(alipayCert, name, "alipay-cert", mode);
      refuse(alipayRootCert, name, "alipay-root-cert", mode);
    } else {
      require(appCert, name, "app-cert");
      require(alipayCert, name, "alipay-cert");
      require(alipayRootCert, name, "alipay-root-cert");
      refuse(alipayPublicKey, name, "alipay-public-key", mode);
    }
    encryptKey = blank(encryptKey) ? null : encryptKey.strip();
    if (encryptKey != null && !isAesKey(encryptKey)) {
      throw new IllegalArgumentException(
          "facecheck.worker.alipay.apps."
              + name
              + ".encrypt-key must be the base64 of a 128, 192 or 256-bit AES key");
    }
    signType = blank(signType) ? "RSA2" : signType;
  }

  /** A public-key-mode app without content encryption. */
  public AlipayApp(
      String name,
      String appId,
      String privateKey,
      String alipayPublicKey,
      String gatewayUrl,
      String signType) {
    this(
        name,
        appId,
        AlipayMode.PUBLIC_KEY,
        privateKey,
        alipayPublicKey,
        null,
        null,
        null,
        null,
        gatewayUrl,
        signType);
  }

  public boolean encrypted() {
    return encryptKey != null;
  }

  private static boolean isAesKey(String base64) {
    try {
      int length = Base64.getDecoder().decode(base64).length;
      return length == 16 || length == 24 || length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void require(String value, String app, String setting) {
    if (blank(value)) {
      throw new IllegalArgumentException(
          "facecheck.worker.alipay.apps." + app + "." + setting + " is not set");
    }
  }

  private static void refuse(String value, String app, String setting, AlipayMode mode) {
    if (!blank(value)) {
      throw new IllegalArgumentException(
          "facecheck.worker.alipay.apps."
              + app
              + "."
              + setting
              + " is set but the app is in "
              + (mode == AlipayMode.PUBLIC_KEY ? "public-key" : "certificate")
              + " mode: remove it or set .mode");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    // keys stay out of logs and startup failure reports
    return "AlipayApp[name=%s, appId=%s, mode=%s, encrypted=%s, gatewayUrl=%s, signType=%s]"
        .formatted(name, appId, mode, encrypted(), gatewayUrl, signType);
  }
}

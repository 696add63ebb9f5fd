package io.facecheck.worker.alipay;

import java.util.Objects;

/**
 * One configured Alipay app: its id, its own RSA private key (PKCS#8, base64, no PEM armour) and
 * Alipay's public key (X.509, base64). Keys come from configuration or the environment only.
 */
public record AlipayApp(
    String name,
    String appId,
    String privateKey,
    String alipayPublicKey,
    String gatewayUrl,
    String signType) {

  public AlipayApp {
    Objects.requireNonNull(name, "name");
    require(appId, name, "app-id");
    require(privateKey, name, "private-key");
    require(alipayPublicKey, name, "alipay-public-key");
    require(gatewayUrl, name, "gateway-url");
    signType = signType == null || signType.isBlank() ? "RSA2" : signType;
  }

  private static void require(String value, String app, String setting) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "facecheck.worker.alipay.apps." + app + "." + setting + " is not set");
    }
  }

  @Override
  public String toString() {
    // keys stay out of logs and startup failure reports
    return "AlipayApp[name=%s, appId=%s, gatewayUrl=%s, signType=%s]"
        .formatted(name, appId, gatewayUrl, signType);
  }
}

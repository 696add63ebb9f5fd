package io.facecheck.simulator.gateway;

import java.util.Locale;

/** How an app signs and verifies (Alipay's 接口加签方式): public keys, or public-key certificates. */
public enum AppMode {
  /** 公钥模式: the app uploaded its public key and verifies responses with Alipay's public key. */
  PUBLIC_KEY,
  /**
   * 公钥证书模式: requests carry app_cert_sn and alipay_root_cert_sn, responses alipay_cert_sn, and are
   * verified with the Alipay certificate of that SN.
   */
  CERTIFICATE;

  /** "public_key" or "certificate" (null: public_key); IllegalArgumentException otherwise. */
  public static AppMode parse(String wire) {
    if (wire == null || wire.isBlank()) {
      return PUBLIC_KEY;
    }
    return switch (wire.toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "public_key" -> PUBLIC_KEY;
      case "certificate" -> CERTIFICATE;
      default ->
          throw new IllegalArgumentException(
              "mode must be \"public_key\" or \"certificate\", got \"" + wire + "\"");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

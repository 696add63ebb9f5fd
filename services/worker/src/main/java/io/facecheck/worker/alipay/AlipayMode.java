package io.facecheck.worker.alipay;

import java.util.Locale;

/** How an app signs and verifies at Alipay (接口加签方式). */
public enum AlipayMode {
  /** 公钥模式: the app's private key, Alipay's public key. */
  PUBLIC_KEY,
  /**
   * 公钥证书模式: the app's private key and certificate, Alipay's certificate and root bundle; calls go
   * through {@code certificateExecute}.
   */
  CERTIFICATE;

  /** "public-key" (also when blank) or "certificate"; IllegalArgumentException otherwise. */
  public static AlipayMode parse(String setting, String app) {
    if (setting == null || setting.isBlank()) {
      return PUBLIC_KEY;
    }
    return switch (setting.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "public-key" -> PUBLIC_KEY;
      case "certificate" -> CERTIFICATE;
      default ->
          throw new IllegalArgumentException(
              "facecheck.worker.alipay.apps."
                  + app
                  + ".mode must be public-key or certificate, got "
                  + setting);
    };
  }
}

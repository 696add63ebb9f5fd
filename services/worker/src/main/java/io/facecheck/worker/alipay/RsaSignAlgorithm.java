package io.facecheck.worker.alipay;

import java.util.Optional;

/** The JCA algorithm behind each SDK sign type we sign locally; others stay with the SDK. */
final class RsaSignAlgorithm {

  private RsaSignAlgorithm() {}

  /** SHA256withRSA for RSA2, SHA1withRSA for RSA (as the SDK's RSA2Encryptor / RSAEncryptor). */
  static Optional<String> forSignType(String signType) {
    if ("RSA2".equals(signType)) {
      return Optional.of("SHA256withRSA");
    }
    if ("RSA".equals(signType)) {
      return Optional.of("SHA1withRSA");
    }
    return Optional.empty();
  }

  /** The SDK signs and verifies in UTF-8 when no charset is given. */
  static String charsetOrDefault(String charset) {
    return charset == null || charset.isBlank() ? "UTF-8" : charset;
  }
}

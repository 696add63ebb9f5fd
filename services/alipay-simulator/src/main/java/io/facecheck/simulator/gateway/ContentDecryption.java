package io.facecheck.simulator.gateway;

import io.facecheck.simulator.encryption.AesContent;

/**
 * Decrypts an encrypted biz_content (encrypt_type=AES) with the app's AES key, after the signature
 * was verified (the signature covers the ciphertext). The sub_codes are those of Alipay's public
 * error table for 接口内容加密; which one Alipay picks for each case is not documented, the simulator's
 * choice is in the README.
 */
final class ContentDecryption {

  /** The biz_content to process, and the key the response is encrypted with (null: clear). */
  record Decrypted(String bizContent, AesContent encryptWith) {}

  static final class Failed extends Exception {
    final GatewayError error;

    Failed(GatewayError error) {
      super(error.subCode(), null, false, false);
      this.error = error;
    }
  }

  private ContentDecryption() {}

  /**
   * The key an answer to this request is encrypted with: the app's, whenever the request was
   * encrypted (encrypt_type=AES) and the app has one, errors included, since the SDK can only read
   * an encrypted answer to an encrypted request; null (clear) otherwise.
   */
  static AesContent replyKey(GatewayRequest request, RegisteredApp app) {
    if (app == null || !"AES".equals(request.get("encrypt_type"))) {
      return null;
    }
    return app.encryption().orElse(null);
  }

  static Decrypted decrypt(GatewayRequest request, RegisteredApp app) throws Failed {
    String encryptType = request.get("encrypt_type");
    String bizContent = request.get("biz_content");
    if (encryptType == null || encryptType.isEmpty()) {
      return new Decrypted(bizContent, null);
    }
    if (!"AES".equals(encryptType)) {
      throw new Failed(
          GatewayError.invalid("isv.decryption-error-not-valid-encrypt-type", "解密出错, 不支持的加密算法"));
    }
    if (app == null || app.encryption().isEmpty()) {
      throw new Failed(
          GatewayError.invalid("isv.decryption-error-not-valid-encrypt-key", "解密出错, 未配置加密密钥或密钥无效"));
    }
    AesContent aes = app.encryption().get();
    if (bizContent == null || bizContent.isEmpty()) {
      return new Decrypted(bizContent, aes);
    }
    String plain;
    try {
      plain = aes.decrypt(bizContent, request.charset());
    } catch (IllegalArgumentException e) {
      throw new Failed(GatewayError.invalid("isv.decryption-error-unknown", "解密出错, 未知错误"));
    }
    // a wrong key passes the padding check about once in 256: what comes out is not JSON
    if (!plain.stripLeading().startsWith("{")) {
      throw new Failed(GatewayError.invalid("isv.decryption-error-unknown", "解密出错, 未知错误"));
    }
    return new Decrypted(plain, aes);
  }
}

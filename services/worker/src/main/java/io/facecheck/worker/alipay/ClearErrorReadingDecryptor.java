package io.facecheck.worker.alipay;

import com.alipay.api.Decryptor;

/**
 * The SDK's AES decryptor, plus the one case the SDK (4.40.734, {@code
 * JsonConverter.decryptSourceData}) cannot read: an answer in clear to an encrypted request, which a
 * gateway sends when it cannot encrypt for the caller (an unknown or wrong AES key, an unsupported
 * encrypt_type). The SDK cuts the ciphertext out from after {@code "<method>_response":} up to the
 * next quote; for a clear node that is {@code {"}, between which it finds nothing, and it would
 * splice the decryption of nothing back in, breaking the JSON ({@code IllegalArgumentException},
 * classified as a lost answer and retried). Given nothing, this decryptor hands back exactly the two
 * characters the SDK cut, so the clear body is read as it came and its signature checked as any
 * other (the SDK verifies the body as received): the worker sees Alipay's error code (40002
 * isv.decryption-error-*), a configuration error, instead of retrying. Anything the SDK's
 * decryptor fails on is a {@link ResponseDecryptionFailed}.
 */
final class ClearErrorReadingDecryptor implements Decryptor {
  /** What the SDK cut out of a clear node: its opening brace and its first key's quote. */
  static final String CLEAR_NODE_START = "{\"";

  private final Decryptor sdk;

  ClearErrorReadingDecryptor(Decryptor sdk) {
    this.sdk = sdk;
  }

  @Override
  public String decrypt(String content, String encryptType, String charset) {
    if (content == null || content.isEmpty()) {
      return CLEAR_NODE_START;
    }
    try {
      return sdk.decrypt(content, encryptType, charset);
    } catch (RuntimeException e) {
      throw new ResponseDecryptionFailed(e);
    }
  }
}

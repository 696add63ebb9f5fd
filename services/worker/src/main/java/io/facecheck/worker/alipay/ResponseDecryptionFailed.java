package io.facecheck.worker.alipay;

/**
 * An encrypted answer that the app's AES key does not decrypt: a key that differs from the one
 * Alipay holds for the app, or not Alipay's answer at all. Never retried (a configuration error,
 * like a response signature that does not verify).
 */
public final class ResponseDecryptionFailed extends RuntimeException {
  ResponseDecryptionFailed(Throwable cause) {
    // the SDK's message names the algorithm and charset only; the cause chain stays for the type
    super("the answer does not decrypt with the app's AES key", cause);
  }
}

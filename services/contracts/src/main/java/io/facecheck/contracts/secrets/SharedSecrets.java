package io.facecheck.contracts.secrets;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.RequestParser;
import java.nio.charset.StandardCharsets;

/**
 * The secrets intake and the worker must hold alike, and the one place they are checked: the
 * callback token's HMAC key ({@code facecheck.callback.secret}; the worker signs, intake verifies)
 * and the request-hash key ({@code facecheck.request-hash.key}; both hash a request's identity the
 * same way, or a retried request would look like an idempotency conflict). Each service binds its
 * settings and hands them here; a missing or short secret stops it at start.
 */
public record SharedSecrets(String callbackSecret, String requestHashKey) {

  /** Shorter keys would make the request hash cheap to brute-force over guessed ID numbers. */
  static final int MIN_REQUEST_HASH_KEY_CHARS = 16;

  /** The token codec keyed with the callback secret (at least 32 bytes, UTF-8). */
  public CallbackToken callbackToken() {
    if (callbackSecret == null || callbackSecret.isEmpty()) {
      throw new IllegalStateException(
          "facecheck.callback.secret (env FACECHECK_CALLBACK_SECRET) is required: the HMAC key"
              + " intake and the worker share, at least 32 bytes");
    }
    return new CallbackToken(callbackSecret);
  }

  /**
   * The request parser hashing with the request-hash key. An unkeyed hash over a request would let
   * anyone who reads the table confirm a guessed ID number, so there is no parser without a key.
   */
  public RequestParser requestParser() {
    if (requestHashKey == null || requestHashKey.length() < MIN_REQUEST_HASH_KEY_CHARS) {
      throw new IllegalStateException(
          "facecheck.request-hash.key is not set (or shorter than "
              + MIN_REQUEST_HASH_KEY_CHARS
              + " characters): set the same key in intake and the worker"
              + " (FACECHECK_REQUESTHASH_KEY)");
    }
    return new RequestParser(requestHashKey.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SharedSecrets[callbackSecret=***, requestHashKey=***]";
  }
}

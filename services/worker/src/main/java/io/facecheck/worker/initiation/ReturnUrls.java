package io.facecheck.worker.initiation;

import io.facecheck.contracts.callback.CallbackToken;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds merchant_config.return_url: facecheck's own callback endpoint with a signed token naming
 * the verification, never the business service's URL (intake redirects there after the check).
 */
public final class ReturnUrls {

  private final String callbackBaseUrl;
  private final CallbackToken tokens;

  public ReturnUrls(String callbackBaseUrl, CallbackToken tokens) {
    this.callbackBaseUrl = Objects.requireNonNull(callbackBaseUrl, "callbackBaseUrl");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /**
   * The URL for {@code verificationId}, its token valid until {@code notAfter}. The token carries
   * {@code businessReturnUrl}, so intake sends the browser on even while PostgreSQL is away.
   */
  public String forVerification(UUID verificationId, Instant notAfter, String businessReturnUrl) {
    // the token is URL-safe base64 without padding: no encoding needed
    String separator = callbackBaseUrl.contains("?") ? "&" : "?";
    return callbackBaseUrl
        + separator
        + "token="
        + tokens.issue(verificationId, notAfter, businessReturnUrl);
  }
}

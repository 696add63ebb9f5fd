package io.facecheck.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code facecheck.request-hash.key} (required, at least 16 characters): request hashes are
 * HMAC-SHA256 under this key. Shared with the worker: both must hash alike, or a retried request
 * would look like an idempotency conflict.
 */
@ConfigurationProperties("facecheck.request-hash")
public record RequestHashProperties(String key) {

  @Override
  public String toString() {
    return "RequestHashProperties[key=***]";
  }
}

package io.facecheck.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code facecheck.callback.*}, shared with the worker that signs the tokens.
 *
 * @param secret the HMAC key of callback tokens, at least 32 bytes (UTF-8)
 */
@ConfigurationProperties("facecheck.callback")
public record CallbackProperties(String secret) {

  @Override
  public String toString() {
    return "CallbackProperties[secret=***]";
  }
}

package io.facecheck.worker.config;

import io.facecheck.contracts.secrets.SharedSecrets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings the worker shares with intake, under {@code facecheck.*}: the callback token's HMAC
 * secret and base URL, the request-hash key, and the PII key ring.
 */
@ConfigurationProperties("facecheck")
public record SharedSecretsProperties(Callback callback, RequestHash requestHash, Pii pii) {

  public SharedSecretsProperties {
    callback = callback != null ? callback : new Callback(null, null);
    requestHash = requestHash != null ? requestHash : new RequestHash(null);
    pii = pii != null ? pii : new Pii(null, null);
  }

  /** The secrets shared with intake, checked where intake checks them too. */
  public SharedSecrets secrets() {
    return new SharedSecrets(callback.secret(), requestHash.key());
  }

  /** {@code facecheck.callback.*}: base-url is where Alipay sends the user back (intake). */
  public record Callback(String secret, String baseUrl) {
    public Callback {
      baseUrl =
          baseUrl == null || baseUrl.isBlank()
              ? "http://localhost:8080/v1/callbacks/alipay/return"
              : baseUrl;
    }

    @Override
    public String toString() {
      return "Callback[secret=***, baseUrl=" + baseUrl + "]";
    }
  }

  /** {@code facecheck.request-hash.key}: must equal intake's, or retries look like conflicts. */
  public record RequestHash(String key) {
    @Override
    public String toString() {
      return "RequestHash[key=***]";
    }
  }

  /** {@code facecheck.pii.keys} ({@code k1:<base64>,…}) and {@code facecheck.pii.active-key-id}. */
  public record Pii(String keys, String activeKeyId) {
    @Override
    public String toString() {
      return "Pii[activeKeyId=" + activeKeyId + ", keys=***]";
    }
  }
}

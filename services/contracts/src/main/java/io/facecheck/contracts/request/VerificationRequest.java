package io.facecheck.contracts.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.facecheck.contracts.identity.ResidentIdNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A verification-requests v1 payload with its defaults applied
 * (schemas/verification-request.v1.json). Holds PII in {@link Identity}: {@link #toString()} masks
 * it. Build one from bytes with {@link RequestParser}, which validates it first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerificationRequest(
    int schemaVersion,
    String requestId,
    String clientId,
    BizCode bizCode,
    Identity identity,
    String returnUrl,
    int ttlSeconds,
    Map<String, String> metadata,
    String app) {

  public static final int SCHEMA_VERSION = 1;
  public static final int DEFAULT_TTL_SECONDS = 900;
  public static final String DEFAULT_APP = "default";

  public VerificationRequest {
    Objects.requireNonNull(identity, "identity");
    // keep the caller's order (it is echoed back) but never share a mutable map
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    app = app == null ? DEFAULT_APP : app;
  }

  /** Jackson's way in: absent optional fields get their defaults. */
  @JsonCreator
  static VerificationRequest fromJson(
      @JsonProperty("schema_version") int schemaVersion,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("biz_code") BizCode bizCode,
      @JsonProperty("identity") Identity identity,
      @JsonProperty("return_url") String returnUrl,
      @JsonProperty("ttl_seconds") Integer ttlSeconds,
      @JsonProperty("metadata") Map<String, String> metadata,
      @JsonProperty("app") String app) {
    return new VerificationRequest(
        schemaVersion,
        requestId,
        clientId,
        bizCode,
        identity,
        returnUrl,
        ttlSeconds == null ? DEFAULT_TTL_SECONDS : ttlSeconds,
        metadata,
        app);
  }

  @Override
  public String toString() {
    return "VerificationRequest[clientId=%s, requestId=%s, bizCode=%s, identity=%s, returnUrl=%s, ttlSeconds=%d, metadata=%s, app=%s]"
        .formatted(clientId, requestId, bizCode, identity, returnUrl, ttlSeconds, metadata, app);
  }

  /** Who is to be verified. PII: encrypted at rest, never logged, never on another topic. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Identity(CertType certType, String certName, String certNo) {

    public Identity {
      certType = certType == null ? CertType.DEFAULT : certType;
      if (certType.usesResidentIdNumber()) {
        certNo = ResidentIdNumber.normalize(certNo);
      }
    }

    @Override
    public String toString() {
      return "Identity[certType=%s, certName=***, certNo=%s]"
          .formatted(certType, ResidentIdNumber.mask(certNo));
    }
  }
}

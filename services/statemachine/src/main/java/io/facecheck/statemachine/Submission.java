package io.facecheck.statemachine;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.contracts.request.VerificationRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the caller asked for, without the identity (that is sealed apart, see {@link
 * SealedIdentity}). Never changes after receipt. Only a request rejected as invalid at receipt may
 * lack bizCode, certType, returnUrl, ttlSeconds or app.
 *
 * @param requestHash sha-256 (hex) of the canonical request: tells a retry from a conflict
 */
public record Submission(
    String clientId,
    String requestId,
    String requestHash,
    BizCode bizCode,
    CertType certType,
    String returnUrl,
    Integer ttlSeconds,
    String app,
    Map<String, String> metadata) {

  public Submission {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requestHash, "requestHash");
    // keep the caller's order, it is echoed on every result event
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The non-PII part of a valid request. */
  public static Submission of(VerificationRequest request, String requestHash) {
    return new Submission(
        request.clientId(),
        request.requestId(),
        requestHash,
        request.bizCode(),
        request.identity().certType(),
        request.returnUrl(),
        request.ttlSeconds(),
        request.app(),
        request.metadata());
  }

  /** The Kafka key of this verification's result events, {@code {client_id}:{request_id}}. */
  public String resultKey() {
    return Topics.resultKey(clientId, requestId);
  }
}

package io.facecheck.intake.request.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.facecheck.statemachine.VerificationStatus;
import java.util.UUID;

/**
 * The answer to an accepted request: where to follow it. A repeat of a request already recorded
 * also carries its verification_id and current status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptedResponse(
    @JsonProperty("request_id") String requestId,
    @JsonProperty("status_url") String statusUrl,
    @JsonProperty("verification_id") UUID verificationId,
    @JsonProperty("status") VerificationStatus status) {

  static String statusUrl(String requestId) {
    return "/v1/verifications/" + requestId;
  }
}

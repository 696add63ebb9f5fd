package io.facecheck.intake.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.facecheck.intake.web.FieldPath;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * What a client may see of its own verification: ids, status and timing, the certify URL while the
 * user has to open it, and why it did not pass. Never the identity (Verification holds none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationStatusView(
    @JsonProperty("verification_id") UUID verificationId,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("client_id") String clientId,
    @JsonProperty("status") VerificationStatus status,
    @JsonProperty("final") boolean isFinal,
    @JsonProperty("certify_url") String certifyUrl,
    @JsonProperty("expires_at") Instant expiresAt,
    @JsonProperty("error") Error error,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public static VerificationStatusView of(Verification v) {
    VerificationStatus status = v.status();
    Failure failure = v.failure();
    return new VerificationStatusView(
        v.id(),
        v.requestId(),
        v.clientId(),
        status,
        status.isFinal(),
        // the URL is only worth opening while the user is expected to
        status == VerificationStatus.AWAITING_USER ? v.certifyUrl() : null,
        v.expiresAt(),
        failure == null
            ? null
            : new Error(failure.code(), dotted(failure.field()), failure.message()),
        v.createdAt(),
        v.updatedAt());
  }

  /** A JSON pointer ({@code /identity/cert_no}) as the dotted path the API uses. */
  static String dotted(String pointer) {
    return pointer == null ? null : FieldPath.fromPointer(pointer);
  }

  /** Why the verification did not pass (FAILED, EXPIRED, REJECTED). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Error(String code, String field, String message) {}
}

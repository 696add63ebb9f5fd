package io.facecheck.statemachine;

import java.util.Objects;

/**
 * Why a verification did not pass (FAILED, EXPIRED, REJECTED). Never holds cert_name or cert_no.
 *
 * @param field the offending request field (a JSON pointer) on a rejection, else null
 */
public record Failure(String code, String field, String message) {

  /** Alipay's query said the face did not match, after the user had returned. */
  public static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";

  /** The user did not finish before expires_at, and the final query confirmed it. */
  public static final String VERIFICATION_EXPIRED = "VERIFICATION_EXPIRED";

  public Failure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** The text of the result event's error.message: the field first, when there is one. */
  public String describe() {
    return field == null ? message : field + ": " + message;
  }
}

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

  /** The request broke the contract (REJECTED); {@code field} names where. */
  public static final String INVALID_REQUEST = "INVALID_REQUEST";

  /** The request names an Alipay app this deployment has not configured (REJECTED on /app). */
  public static final String UNKNOWN_APP = "UNKNOWN_APP";

  /** verifications.error_message holds at most this many characters. */
  public static final int MAX_MESSAGE = 2048;

  /** verifications.error_field holds at most this many characters. */
  public static final int MAX_FIELD = 256;

  public Failure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    // a request with hundreds of field errors must still be storable as REJECTED, never a row
    // PostgreSQL refuses on every redelivery: cut to the columns' limits
    message = cut(message, MAX_MESSAGE);
    field = field == null ? null : cut(field, MAX_FIELD);
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a surrogate pair: half of one cannot be stored either
    }
    return s.substring(0, end) + "…";
  }

  /** The text of the result event's error.message: the field first, when there is one. */
  public String describe() {
    return field == null ? message : field + ": " + message;
  }
}

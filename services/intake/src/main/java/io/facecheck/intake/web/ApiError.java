package io.facecheck.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every 4xx/5xx answer: a stable machine-readable {@code error}, a human {@code
 * message}, and where they apply the unparseable {@code reason} code or the field-level {@code
 * errors}. Never carries a value from the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String reason, List<FieldProblem> errors) {

  public static ApiError of(String error, String message) {
    return new ApiError(error, message, null, null);
  }

  /** One invalid field, as a dotted path ({@code identity.cert_no}). */
  public record FieldProblem(String field, String code, String message) {}
}

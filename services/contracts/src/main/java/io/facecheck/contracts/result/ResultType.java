package io.facecheck.contracts.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** The result event types, each bound to the status it reports and whether that is final. */
public enum ResultType {
  CERTIFY_URL_ISSUED("verification.certify_url_issued", ResultStatus.AWAITING_USER, false),
  PASSED("verification.passed", ResultStatus.PASSED, true),
  FAILED("verification.failed", ResultStatus.FAILED, true),
  EXPIRED("verification.expired", ResultStatus.EXPIRED, true),
  REJECTED("verification.rejected", ResultStatus.REJECTED, true);

  private final String value;
  private final ResultStatus status;
  private final boolean isFinal;

  ResultType(String value, ResultStatus status, boolean isFinal) {
    this.value = value;
    this.status = status;
    this.isFinal = isFinal;
  }

  /** The JSON value, e.g. {@code verification.passed}. */
  @JsonValue
  public String value() {
    return value;
  }

  public ResultStatus status() {
    return status;
  }

  public boolean isFinal() {
    return isFinal;
  }

  /** True for the types that must carry an error (failed, expired, rejected). */
  public boolean carriesError() {
    return isFinal && this != PASSED;
  }
}

package io.facecheck.statemachine;

/**
 * Why a timeline entry was written: the {@code cause} column of verification_transitions. Status
 * changes use the constants below; notes may use any UPPER_SNAKE_CASE cause.
 */
public final class Causes {

  public static final String REQUEST_RECEIVED = "REQUEST_RECEIVED";
  public static final String INITIALIZE_STARTED = "INITIALIZE_STARTED";
  public static final String CERTIFY_URL_ISSUED = "CERTIFY_URL_ISSUED";
  public static final String QUERY_PASSED = "QUERY_PASSED";
  public static final String QUERY_FAILED = "QUERY_FAILED";
  public static final String EXPIRED_AFTER_FINAL_QUERY = "EXPIRED_AFTER_FINAL_QUERY";
  public static final String EXPIRED_BEFORE_START = "EXPIRED_BEFORE_START";
  public static final String REQUEST_REJECTED = "REQUEST_REJECTED";
  public static final String DEAD_LETTERED = "DEAD_LETTERED";
  public static final String REPLAYED = "REPLAYED";

  /** Note: the user's browser came back through the callback. */
  public static final String USER_RETURNED = "USER_RETURNED";

  /** Note: a query result or callback arrived after the final status; it changed nothing. */
  public static final String LATE_RESULT = "LATE_RESULT";

  /**
   * Note: the sealed identity (cert_name, cert_no) was erased, by the retention purge or an ops
   * data-subject request; details say who asked and why. Changes no status.
   */
  public static final String IDENTITY_ERASED = "IDENTITY_ERASED";

  private static final String PATTERN = "[A-Z][A-Z0-9_]{0,63}";

  private Causes() {}

  /** Checks a cause before it reaches the database, which would refuse it anyway. */
  public static String require(String cause) {
    if (cause == null || !cause.matches(PATTERN)) {
      throw new IllegalArgumentException("a cause is UPPER_SNAKE_CASE, at most 64 characters");
    }
    return cause;
  }
}

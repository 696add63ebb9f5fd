package io.facecheck.contracts;

/**
 * Header keys every dead-lettered record carries beside its original key and value. Values are
 * UTF-8 strings: numbers in decimal, times as ISO-8601 instants ({@code 2026-11-26T10:00:00Z}).
 */
public final class DeadLetterHeaders {

  /** A {@link DeadLetterReason} code. */
  public static final String REASON = "facecheck-reason";

  /** The topic the record was first consumed from. */
  public static final String ORIGINAL_TOPIC = "facecheck-original-topic";

  /** Its partition there. */
  public static final String ORIGINAL_PARTITION = "facecheck-original-partition";

  /** Its offset there. */
  public static final String ORIGINAL_OFFSET = "facecheck-original-offset";

  /** How many times processing was attempted, the last one included. */
  public static final String ATTEMPTS = "facecheck-attempts";

  /** When the first attempt failed. */
  public static final String FIRST_FAILURE_AT = "facecheck-first-failure-at";

  /** When the last attempt failed. */
  public static final String LAST_FAILURE_AT = "facecheck-last-failure-at";

  /** What went wrong, with any cert_no masked and no cert_name: safe to show to ops. */
  public static final String ERROR_MESSAGE = "facecheck-error-message";

  /**
   * {@code true} when the value is a short summary, not the original: the record with its headers
   * was too large to publish (the original is still on its source topic until retention).
   */
  public static final String TRUNCATED = "facecheck-truncated";

  /** With {@link #TRUNCATED}: the original value's size in bytes. */
  public static final String ORIGINAL_SIZE = "facecheck-original-size";

  /** With {@link #TRUNCATED}: the keyed hash (hex) of the original value, to match it later. */
  public static final String ORIGINAL_HASH = "facecheck-original-hash";

  private DeadLetterHeaders() {}
}

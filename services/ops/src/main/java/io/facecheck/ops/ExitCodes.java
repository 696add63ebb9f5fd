package io.facecheck.ops;

/** What scripts can rely on. */
public final class ExitCodes {

  public static final int OK = 0;

  /** Nothing found, or nothing to do (every candidate skipped). */
  public static final int NOT_FOUND = 1;

  /** Bad arguments, or Kafka / PostgreSQL unreachable or failing. */
  public static final int USAGE_OR_CONNECTION = 2;

  /**
   * Refused: the verification is still in flight (not final), so its identity may still be needed;
   * nothing was changed. Distinct, so a data-subject request workflow can retry it later.
   */
  public static final int IN_FLIGHT = 3;

  private ExitCodes() {}
}

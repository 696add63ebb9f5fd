package io.facecheck.ops;

/** What scripts can rely on. */
public final class ExitCodes {

  public static final int OK = 0;

  /** Nothing found, or nothing to do (every candidate skipped). */
  public static final int NOT_FOUND = 1;

  /** Bad arguments, or Kafka / PostgreSQL unreachable or failing. */
  public static final int USAGE_OR_CONNECTION = 2;

  private ExitCodes() {}
}

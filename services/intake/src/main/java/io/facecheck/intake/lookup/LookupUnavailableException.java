package io.facecheck.intake.lookup;

/**
 * PostgreSQL did not answer in time (down, paused, pool exhausted): the look-up may succeed if
 * retried shortly. Deterministic failures (a bug in a query) are not this.
 */
public final class LookupUnavailableException extends RuntimeException {

  public LookupUnavailableException(Throwable cause) {
    super("PostgreSQL is unavailable for a look-up", cause);
  }
}

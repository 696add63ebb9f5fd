package io.facecheck.intake.lookup;

/**
 * PostgreSQL did not answer in time (down, paused, pool exhausted): the look-up may succeed if
 * retried shortly. Deterministic failures (a bug in a query) are not this.
 */
public final class LookupUnavailableException extends RuntimeException {

  /**
   * @param cause what the database driver or pool reported, or null when the look-up was not even
   *     tried because PostgreSQL was found down moments ago
   */
  public LookupUnavailableException(Throwable cause) {
    super(
        cause == null
            ? "PostgreSQL was unavailable moments ago; not tried again yet"
            : "PostgreSQL is unavailable for a look-up",
        cause);
  }
}

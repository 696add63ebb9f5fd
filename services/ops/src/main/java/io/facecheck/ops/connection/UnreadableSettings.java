package io.facecheck.ops.connection;

/**
 * A settings file named on the command line cannot be read: a usage error (exit 2), not a
 * connection failure, since nothing was tried yet.
 */
public final class UnreadableSettings extends RuntimeException {

  public UnreadableSettings(String message, Throwable cause) {
    super(message, cause);
  }
}

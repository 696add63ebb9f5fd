package io.facecheck.ops.connection;

/** Kafka or PostgreSQL could not be reached or answered with an error: exit code 4. */
public final class ConnectionFailure extends RuntimeException {

  public ConnectionFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

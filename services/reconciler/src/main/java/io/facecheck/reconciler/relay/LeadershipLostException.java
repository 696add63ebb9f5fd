package io.facecheck.reconciler.relay;

/** The relay was asked to touch the outbox without holding the relay lock. */
public final class LeadershipLostException extends IllegalStateException {

  public LeadershipLostException(String message) {
    super(message);
  }
}

package io.facecheck.statemachine;

import java.util.UUID;

/** A change the status machine refuses: the table forbids it, or the verification is not ready. */
public class IllegalTransitionException extends IllegalStateException {

  private final UUID verificationId;
  private final VerificationStatus status;

  public IllegalTransitionException(UUID verificationId, VerificationStatus status, String what) {
    super("verification " + verificationId + " in " + status + ": " + what);
    this.verificationId = verificationId;
    this.status = status;
  }

  public UUID verificationId() {
    return verificationId;
  }

  /** The status the verification was in when the change was refused. */
  public VerificationStatus status() {
    return status;
  }
}

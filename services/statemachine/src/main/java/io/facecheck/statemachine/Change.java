package io.facecheck.statemachine;

import java.util.UUID;

/**
 * A compare-and-set update of one verification: the row as read ({@link #before()}) and as it
 * should become ({@link #after()}, whose version is one higher). Built only by {@link
 * Verification}'s methods, persisted by {@link VerificationStore#apply}.
 */
public sealed interface Change permits StatusChange, FieldChange {

  Verification before();

  Verification after();

  default UUID verificationId() {
    return before().id();
  }

  /** The version the row must still have for the update to win. */
  default long expectedVersion() {
    return before().version();
  }
}

package io.facecheck.statemachine;

import java.time.Instant;

/** What asking to erase one verification's sealed identity came to. */
public sealed interface ErasureOutcome {

  /** The ciphertexts and key id are gone; an {@link Causes#IDENTITY_ERASED} note records it. */
  record Erased(Instant at) implements ErasureOutcome {}

  /** Nothing to erase: erased before, at {@code at}. */
  record AlreadyErased(Instant at) implements ErasureOutcome {}

  /** Nothing to erase: a request rejected as invalid at receipt never stored an identity. */
  record NothingSealed() implements ErasureOutcome {}

  /**
   * Refused: the verification is not final, so its identity is still in use (retries, the call to
   * Alipay, a dead letter a replay sends again). It must end first.
   */
  record InFlight(VerificationStatus status) implements ErasureOutcome {}

  /** No such verification. */
  record NotFound() implements ErasureOutcome {}
}

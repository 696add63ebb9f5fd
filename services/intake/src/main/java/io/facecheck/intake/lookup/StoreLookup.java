package io.facecheck.intake.lookup;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Optional;
import java.util.UUID;

/** Reads through the state machine's store, and only reads. */
public final class StoreLookup implements VerificationLookup {

  private final VerificationStore store;

  public StoreLookup(VerificationStore store) {
    this.store = store;
  }

  @Override
  public Optional<Verification> byRequest(String clientId, String requestId) {
    return store.findByRequest(clientId, requestId);
  }

  @Override
  public Optional<Verification> byId(UUID verificationId) {
    return store.find(verificationId);
  }
}

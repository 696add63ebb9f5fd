package io.facecheck.ops.deadletter;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Optional;

/** Finds the verification a dead letter concerns, if its bytes name one and it exists. */
public final class VerificationFinder {

  private final VerificationStore store;

  public VerificationFinder(VerificationStore store) {
    this.store = store;
  }

  public Optional<Verification> find(DeadLetterRecord record, RecordValue value) {
    VerificationRef ref = VerificationRef.of(record, value);
    if (ref instanceof VerificationRef.ByRequest r) {
      return store.findByRequest(r.clientId(), r.requestId());
    }
    if (ref instanceof VerificationRef.ById r) {
      return store.find(r.id());
    }
    return Optional.empty();
  }
}

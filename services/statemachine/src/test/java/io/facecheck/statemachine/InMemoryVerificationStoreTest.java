package io.facecheck.statemachine;

import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;

/** The in-memory store keeps the same promises as PostgreSQL (the IT twin runs them there). */
class InMemoryVerificationStoreTest extends VerificationStoreContract {

  @Override
  protected Harness newStore(MutableClock clock) {
    InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
    return new Harness(
        store,
        id ->
            store.outbox().stream()
                .filter(e -> e.verificationId().equals(id))
                .map(e -> new Event(e.type(), e.eventId()))
                .toList());
  }
}

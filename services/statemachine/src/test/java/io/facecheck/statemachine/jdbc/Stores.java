package io.facecheck.statemachine.jdbc;

import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;

/** Stored verifications in a given status, reached through the real transitions. */
final class Stores {

  private Stores() {}

  static Verification created(MigratedDatabase db, JdbcVerificationStore store, String requestId) {
    NewVerification nv =
        NewVerification.seal(Fixtures.request(requestId), Fixtures.HASH, db.cipher, db.clock);
    return ((CreateOutcome.Created) store.create(nv, "test")).verification();
  }

  static Verification awaiting(MigratedDatabase db, JdbcVerificationStore store, String requestId) {
    Verification v = created(db, store, requestId);
    StatusChange init = v.markInitializing(("FC" + requestId).replaceAll("[^A-Za-z0-9]", ""));
    store.apply(init, "test");
    StatusChange wait =
        init.after()
            .markAwaitingUser(
                "cid-" + requestId,
                "https://a.example/" + requestId,
                db.clock.instant().plusSeconds(60));
    store.apply(wait, "test");
    return store.find(v.id()).orElseThrow();
  }
}

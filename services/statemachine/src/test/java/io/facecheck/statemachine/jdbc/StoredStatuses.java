package io.facecheck.statemachine.jdbc;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;

/** A stored verification in any status, reached through the real transitions. */
final class StoredStatuses {

  private StoredStatuses() {}

  static Verification in(
      VerificationStatus status, MigratedDatabase db, JdbcVerificationStore store, String id) {
    return switch (status) {
      case RECEIVED -> Stores.created(db, store, id);
      case INITIALIZING -> moved(store, Stores.created(db, store, id).markInitializing("FC" + id));
      case AWAITING_USER -> Stores.awaiting(db, store, id);
      case PASSED -> moved(store, Stores.awaiting(db, store, id).markPassed());
      case FAILED -> {
        Verification v = Stores.awaiting(db, store, id);
        v = moved(store, v.recordUserReturned(db.clock.instant()));
        yield moved(store, v.markFailed("face mismatch"));
      }
      case EXPIRED -> {
        Verification v = Stores.awaiting(db, store, id);
        v = moved(store, v.startQuery(v.expiresAt(), Duration.ofSeconds(30)));
        yield moved(store, v.markExpired());
      }
      case REJECTED ->
          moved(store, Stores.created(db, store, id).markRejected("40004", null, "no"));
      case DEAD_LETTERED ->
          moved(store, Stores.awaiting(db, store, id).markDeadLettered("FINAL_QUERY_UNANSWERED"));
    };
  }

  private static Verification moved(
      JdbcVerificationStore store, io.facecheck.statemachine.Change change) {
    if (!store.apply(change, "test")) {
      throw new IllegalStateException("lost a race nobody runs");
    }
    return store.find(change.verificationId()).orElseThrow();
  }
}

package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayRequestsIT {

  private static MigratedDatabase db;
  private static JdbcVerificationStore store;

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    store = db.store();
  }

  private static Verification deadLettered(String requestId) {
    Verification v = Stores.created(db, store, requestId);
    StatusChange initializing = v.markInitializing("FC" + requestId.replace("-", ""));
    assertThat(store.apply(initializing, "worker")).isTrue();
    StatusChange parked = initializing.after().markDeadLettered("PROVIDER_CONFIG");
    assertThat(store.apply(parked, "worker")).isTrue();
    return store.find(v.id()).orElseThrow();
  }

  @Test
  void aReplayIsRequestedForTheDeadLetteredVersionOnly() {
    Verification parked = deadLettered("replay-1");

    assertThat(store.replayRequested(parked)).isFalse();
    assertThat(store.requestReplay(parked.id(), parked.version() - 1, "ops@a")).isFalse();
    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@a")).isTrue();
    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@b")).isTrue();

    assertThat(store.replayRequested(parked)).isTrue();
  }

  @Test
  void aReplayRequestIsUsedUpByTheResume() {
    Verification parked = deadLettered("replay-2");
    store.requestReplay(parked.id(), parked.version(), "ops@a");

    StatusChange resumed = parked.resumeFromDeadLetter(db.clock.instant());
    assertThat(store.apply(resumed, "worker")).isTrue();
    Verification again = store.find(parked.id()).orElseThrow();
    StatusChange parkedAgain = again.markDeadLettered("PROVIDER_CONFIG");
    assertThat(store.apply(parkedAgain, "worker")).isTrue();

    // the same verification, dead-lettered a second time, needs a second request
    assertThat(store.replayRequested(store.find(parked.id()).orElseThrow())).isFalse();
  }

  @Test
  void aVerificationThatIsNotDeadLetteredCannotBeAskedToReplay() {
    Verification received = Stores.created(db, store, "replay-3");

    assertThat(store.requestReplay(received.id(), received.version(), "ops@a")).isFalse();
    assertThat(store.replayRequested(received)).isFalse();
  }

  @Test
  void aVerificationReachedPastItsExpiryIsStoredExpiredWithoutOrderOrCertifyUrl() {
    Verification received = Stores.created(db, store, "expired-unstarted-1");
    StatusChange expired = received.markExpiredBeforeStart(received.expiresAt());

    assertThat(store.apply(expired, "worker")).isTrue();

    Verification stored = store.find(received.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(stored.outerOrderNo()).isNull();
    assertThat(stored.failure().code()).isEqualTo("VERIFICATION_EXPIRED");
  }
}

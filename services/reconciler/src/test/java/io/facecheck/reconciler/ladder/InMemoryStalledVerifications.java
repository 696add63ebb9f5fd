package io.facecheck.reconciler.ladder;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The two reads of JdbcStalledVerifications, over the in-memory store. */
final class InMemoryStalledVerifications implements StalledVerifications {

  private final InMemoryVerificationStore store;

  InMemoryStalledVerifications(InMemoryVerificationStore store) {
    this.store = store;
  }

  @Override
  public List<UUID> lastFinalQueryDue(Instant now, FinalQueryLimit limit, int max) {
    return store.all().stream()
        .filter(v -> v.status() == VerificationStatus.AWAITING_USER)
        .filter(v -> v.nextQueryAt() != null && !v.nextQueryAt().isAfter(now))
        .filter(
            v ->
                v.lastQueryAt() != null
                    && !v.lastQueryAt().isBefore(limit.lastAttemptFrom(v.expiresAt())))
        .sorted(Comparator.comparing(Verification::nextQueryAt))
        .limit(max)
        .map(Verification::id)
        .toList();
  }

  @Override
  public List<UUID> replayRequestedWhileAwaitingUser(int max) {
    return store.all().stream()
        .filter(v -> v.deadLetter() != null)
        .filter(v -> v.deadLetter().returnsTo() == VerificationStatus.AWAITING_USER)
        .filter(store::replayRequested)
        .limit(max)
        .map(Verification::id)
        .toList();
  }
}

package io.facecheck.reconciler.ladder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Finds verifications the ladder must move on by hand, oldest first; reads only. */
public interface StalledVerifications {

  /** AWAITING_USER, due, whose last query was sent at or after {@code lastAttemptFrom(expiry)}. */
  List<UUID> lastFinalQueryDue(Instant now, FinalQueryLimit limit, int max);

  /** DEAD_LETTERED after AWAITING_USER, with an ops replay requested for its current version. */
  List<UUID> replayRequestedWhileAwaitingUser(int max);
}

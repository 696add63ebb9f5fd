package io.facecheck.reconciler.ladder;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves a verification to its next ladder step once a query for it has gone out. */
public class LadderSteps {

  private static final Logger log = LoggerFactory.getLogger(LadderSteps.class);
  private static final int MAX_ATTEMPTS = 5;

  private final VerificationStore store;
  private final LadderSchedule schedule;
  private final String source;

  public LadderSteps(VerificationStore store, LadderSchedule schedule, String source) {
    this.store = store;
    this.schedule = schedule;
    this.source = source;
  }

  /**
   * Schedules the step after the query sent at {@code now}, by compare-and-set; on a lost race it
   * re-reads and tries again, and stops once the verification no longer waits for its user.
   */
  public void scheduleAfterQuery(Verification queried, Instant now) {
    Optional<Verification> current = Optional.of(queried);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Verification v =
          current.filter(c -> c.status() == VerificationStatus.AWAITING_USER).orElse(null);
      if (v == null) {
        return;
      }
      Instant next = schedule.stepAfter(waitingSince(v), v.expiresAt(), now);
      if (store.apply(v.scheduleQuery(next), source)) {
        return;
      }
      current = store.find(v.id());
    }
    // the claim lease still makes it due again: nothing is lost, it is only queried early
    log.warn(
        "verification {}: next ladder step not scheduled after {} tries",
        queried.id(),
        MAX_ATTEMPTS);
  }

  /**
   * When the ladder's offsets count from: the verification's receipt (expires_at minus its TTL),
   * which is AWAITING_USER up to Alipay's initialize latency and uses the same clock as expires_at.
   */
  static Instant waitingSince(Verification v) {
    Integer ttl = v.submission().ttlSeconds();
    return ttl == null ? v.expiresAt() : v.expiresAt().minusSeconds(ttl);
  }
}

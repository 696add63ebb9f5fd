package io.facecheck.reconciler.ladder;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks verifications whose final queries all went unanswered ({@link FinalQueryLimit}), before the
 * ladder claims them for yet another query: DEAD_LETTERED, with the reason, for ops to see and
 * replay once Alipay answers again (a wrong key fixed, say).
 */
public class UnansweredFinalQueries {

  private static final Logger log = LoggerFactory.getLogger(UnansweredFinalQueries.class);

  private final VerificationStore store;
  private final StalledVerifications stalled;
  private final FinalQueryLimit limit;
  private final int batch;
  private final String source;

  public UnansweredFinalQueries(
      VerificationStore store,
      StalledVerifications stalled,
      FinalQueryLimit limit,
      int batch,
      String source) {
    this.store = store;
    this.stalled = stalled;
    this.limit = limit;
    this.batch = batch;
    this.source = source;
  }

  /**
   * @return how many were parked
   */
  public int parkDue(Instant now) {
    int parked = 0;
    for (UUID id : stalled.lastFinalQueryDue(now, limit, batch)) {
      Verification v = store.find(id).orElse(null);
      // re-checked on the row as read: a result or a callback may have moved it meanwhile, and a
      // lost compare-and-set means one did; the next scan looks again
      if (v != null
          && limit.exhausted(v, now)
          && store.apply(v.markDeadLettered(FinalQueryLimit.REASON), source)) {
        log.warn(
            "verification {}: no answer to its final queries (the last sent at {}), parked as {}",
            id,
            v.lastQueryAt(),
            FinalQueryLimit.REASON);
        parked++;
      }
    }
    return parked;
  }
}

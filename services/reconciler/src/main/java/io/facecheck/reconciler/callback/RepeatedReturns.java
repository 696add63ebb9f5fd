package io.facecheck.reconciler.callback;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a repeated return (the same return URL opened again, or replayed) may still cost. The first
 * return is recorded and queried at once; a repeat changes nothing, except that one repeat at least
 * {@code requeryAfter} after the first return may ask Alipay once more, in case the first answer
 * got lost. So a flood of repeats costs at most two queries and two timeline notes.
 *
 * @param requeryAfter how long after the first return a repeat may ask again
 */
public record RepeatedReturns(Duration requeryAfter) {

  public RepeatedReturns {
    Objects.requireNonNull(requeryAfter, "requeryAfter");
    if (requeryAfter.isNegative()) {
      throw new IllegalArgumentException("requeryAfter must not be negative");
    }
  }

  /**
   * True when a repeat handled at {@code now} may query once more: the verification still waits for
   * its user, the first return is at least {@link #requeryAfter} old, no query started since then
   * (after one has, this is false for good) and none is due already (the ladder sends that one).
   */
  public boolean mayQueryAgain(Verification v, Instant now) {
    if (v.status() != VerificationStatus.AWAITING_USER || v.userReturnedAt() == null) {
      return false;
    }
    Instant from = v.userReturnedAt().plus(requeryAfter);
    boolean queriedSince = v.lastQueryAt() != null && !v.lastQueryAt().isBefore(from);
    boolean dueAlready = v.nextQueryAt() != null && !v.nextQueryAt().isAfter(now);
    return !now.isBefore(from) && !queriedSince && !dueAlready;
  }
}

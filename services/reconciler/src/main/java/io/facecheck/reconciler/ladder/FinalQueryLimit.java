package io.facecheck.reconciler.ladder;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the reconciler stops asking: the final query goes out at expires_at and is repeated every
 * {@code retry} while nobody answers it, up to {@code attempts} times. A verification whose last
 * final query got no answer within {@code retry} is parked as DEAD_LETTERED ({@link #REASON}) for
 * ops, instead of costing a query (and a dead letter, when Alipay refuses our key) every two
 * minutes for ever. The attempts are counted on the clock from expires_at, so a reconciler that was
 * down sends fewer of them; never fewer than one, as the query that was last must have been sent.
 *
 * @param attempts final queries before giving up, at least 1
 * @param retry the pause between them, and how long the last one may take to be answered
 */
public record FinalQueryLimit(int attempts, Duration retry) {

  /** The dead-letter reason of a verification whose final queries all went unanswered. */
  public static final String REASON = "FINAL_QUERY_UNANSWERED";

  public FinalQueryLimit {
    Objects.requireNonNull(retry, "retry");
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one final query is always sent");
    }
  }

  /** A query sent at or after this instant is the last final attempt. */
  public Instant lastAttemptFrom(Instant expiresAt) {
    return expiresAt.plus(retry.multipliedBy(attempts - 1L));
  }

  /**
   * True when {@code v} should be parked at {@code now}: it still waits for its user, its last
   * query was the last final attempt, that query had {@link #retry} to be answered and was not, and
   * the user did not come back since (a return is queried, whatever the hour).
   */
  public boolean exhausted(Verification v, Instant now) {
    if (v.status() != VerificationStatus.AWAITING_USER
        || v.lastQueryAt() == null
        || v.expiresAt() == null) {
      return false;
    }
    boolean lastAttempt = !v.lastQueryAt().isBefore(lastAttemptFrom(v.expiresAt()));
    boolean hadItsTime = !v.lastQueryAt().plus(retry).isAfter(now);
    boolean returnedSince =
        v.userReturnedAt() != null && v.userReturnedAt().isAfter(v.lastQueryAt());
    return lastAttempt && hadItsTime && !returnedSince;
  }
}

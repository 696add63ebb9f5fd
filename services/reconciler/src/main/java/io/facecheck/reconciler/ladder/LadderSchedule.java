package io.facecheck.reconciler.ladder;

import io.facecheck.contracts.query.QueryReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The query ladder (docs/architecture.md, Ladder and decisions): queries at fixed offsets (default
 * +1 min, +3 min, +10 min), then a final one at expires_at. Steps are offsets from the
 * verification's receipt (LadderSteps.waitingSince: expires_at minus its TTL, on the clock
 * expires_at was set by; AWAITING_USER follows receipt by Alipay's initialize latency), not from
 * the previous query, so a reconciler that was down for a while does not fire every missed step in
 * a row: it picks up at the next step still ahead. The first query is scheduled by the worker when
 * it stores the certify URL (its first-query-delay); the reconciler schedules the steps after it.
 *
 * @param steps offsets after receipt, ascending
 * @param finalRetry how long after a final query without a decisive answer it is sent again
 */
public record LadderSchedule(List<Duration> steps, Duration finalRetry) {

  public LadderSchedule {
    steps = List.copyOf(steps);
    Objects.requireNonNull(finalRetry, "finalRetry");
    Duration previous = Duration.ZERO;
    for (Duration step : steps) {
      if (step.compareTo(previous) <= 0) {
        throw new IllegalArgumentException("ladder steps must be positive and ascending: " + steps);
      }
      previous = step;
    }
    if (finalRetry.isNegative() || finalRetry.isZero()) {
      throw new IllegalArgumentException("finalRetry must be positive");
    }
  }

  /** When the first query is due for a verification that started waiting at {@code since}. */
  public Instant firstStep(Instant since, Instant expiresAt) {
    return stepAfter(since, expiresAt, since);
  }

  /**
   * When the query after the one sent at {@code now} is due: the next ladder step still ahead and
   * before expiry, else expires_at itself; once the final query has gone out (now is at or past
   * expires_at), a repeat of it after {@link #finalRetry}, in case its answer was lost.
   */
  public Instant stepAfter(Instant since, Instant expiresAt, Instant now) {
    for (Duration step : steps) {
      Instant at = since.plus(step);
      if (at.isAfter(now) && at.isBefore(expiresAt)) {
        return at;
      }
    }
    return now.isBefore(expiresAt) ? expiresAt : now.plus(finalRetry);
  }

  /** A query sent at or after expires_at is the final one; EXPIRED may follow only its answer. */
  public static QueryReason reasonAt(Instant now, Instant expiresAt) {
    return now.isBefore(expiresAt) ? QueryReason.LADDER : QueryReason.FINAL;
  }
}

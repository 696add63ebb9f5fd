package io.facecheck.worker.retry;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import java.time.Clock;
import java.time.Instant;

/**
 * Decides where a record goes after its in-process attempts: the next retry topic of the {@link
 * RetrySchedule}, unless the hops are spent, when it is dead-lettered {@code RETRIES_EXHAUSTED}.
 * During an outage ({@link #unavailable}) the record is parked on its current retry topic until the
 * circuit breaker lets calls through again, spending no hop.
 *
 * <p>No retry is due after the deadline (the verification's expires_at): one that would be is due
 * at the deadline instead, where the initiation finds the verification expired before it started
 * and ends it EXPIRED, a final status its caller hears about. Dead-lettering it would only park it
 * for ops, whose replay past expires_at ends the same way.
 */
public final class RetryRouter {

  private final RetrySchedule schedule;
  private final RetryPublisher retries;
  private final DeadLetters deadLetters;
  private final Clock clock;

  public RetryRouter(
      RetrySchedule schedule, RetryPublisher retries, DeadLetters deadLetters, Clock clock) {
    this.schedule = schedule;
    this.retries = retries;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  /** Transient or unknown outcomes outlasted this delivery's in-process attempts. */
  public Routing transientFailure(FailedAttempt failed) {
    RetryHistory history = RetryHistory.of(failed.record());
    Instant now = clock.instant();
    int hop = history.hop() + 1;
    if (hop > schedule.hops()) {
      return giveUp(
          failed,
          DeadLetterReason.RETRIES_EXHAUSTED,
          failed.message() + " (still failing after " + schedule.hops() + " retry hops)");
    }
    Instant due = notAfterDeadline(now.plus(schedule.delay(hop)), failed.deadline(), now);
    return retry(failed, history, schedule.topic(failed.retryPrefix(), hop), hop, due);
  }

  /** Alipay is down for the app (breaker not closed): wait on the current hop's topic. */
  public Routing unavailable(FailedAttempt failed, Instant retryAfter) {
    RetryHistory history = RetryHistory.of(failed.record());
    Instant now = clock.instant();
    Instant due = retryAfter == null || retryAfter.isBefore(now) ? now : retryAfter;
    due = notAfterDeadline(due, failed.deadline(), now);
    int hop = history.hop();
    return retry(failed, history, schedule.topic(failed.retryPrefix(), Math.max(1, hop)), hop, due);
  }

  /** Dead-letters the record with {@code reason}, its whole history in the headers. */
  public Routing giveUp(FailedAttempt failed, DeadLetterReason reason, String message) {
    RetryHistory history = RetryHistory.of(failed.record());
    Instant now = clock.instant();
    Instant first = firstFailure(failed, history, now);
    DeadLetter letter =
        new DeadLetter(
            failed.deadLetterTopic(),
            failed.record(),
            reason,
            message,
            history.attempts() + failed.attempts(),
            first,
            lastFailure(failed, history, now));
    return new Routing(Routing.Decision.DEAD_LETTERED, reason, deadLetters.publish(letter));
  }

  private Routing retry(
      FailedAttempt failed, RetryHistory history, String topic, int hop, Instant due) {
    Instant now = clock.instant();
    RetryRecord record =
        new RetryRecord(
            topic,
            failed.record(),
            hop,
            history.attempts() + failed.attempts(),
            firstFailure(failed, history, now),
            lastFailure(failed, history, now),
            due,
            failed.message());
    return new Routing(Routing.Decision.RETRY_SCHEDULED, null, retries.publish(record));
  }

  /** {@code due}, or the deadline when that comes first (never before {@code now}). */
  private static Instant notAfterDeadline(Instant due, Instant deadline, Instant now) {
    if (deadline == null || !due.isAfter(deadline)) {
      return due;
    }
    return deadline.isAfter(now) ? deadline : now;
  }

  private static Instant firstFailure(FailedAttempt failed, RetryHistory history, Instant now) {
    if (history.firstFailureAt() != null) {
      return history.firstFailureAt();
    }
    return failed.firstFailureAt() != null ? failed.firstFailureAt() : now;
  }

  private static Instant lastFailure(FailedAttempt failed, RetryHistory history, Instant now) {
    if (failed.lastFailureAt() != null) {
      return failed.lastFailureAt();
    }
    return history.lastFailureAt() != null ? history.lastFailureAt() : now;
  }
}

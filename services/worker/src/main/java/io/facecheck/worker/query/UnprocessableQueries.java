package io.facecheck.worker.query;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.dispatch.PoisonRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A query record the worker cannot process however often it tries: dead-lettered to
 * verification-queries-dlt. The verification is the reconciler's; its ladder asks again.
 */
public final class UnprocessableQueries implements PoisonRecords<OriginalRecord> {

  private final DeadLetters deadLetters;
  private final Clock clock;

  public UnprocessableQueries(DeadLetters deadLetters, Clock clock) {
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<?> giveUp(
      OriginalRecord record, DeadLetterReason reason, String message, int attempts) {
    Instant now = clock.instant();
    return deadLetters.publish(
        new DeadLetter(Topics.QUERIES_DLT, record, reason, message, attempts, now, now));
  }
}

package io.facecheck.worker.dispatch;

import io.facecheck.contracts.DeadLetterReason;
import java.util.concurrent.CompletableFuture;

/**
 * Where a use case puts a record it cannot process however often it tries: its dead-letter topic,
 * and (for a request) its verification to DEAD_LETTERED, so the partition moves on and ops see it.
 */
public interface PoisonRecords<R> {

  /** The future completes once the dead letter is acknowledged. */
  CompletableFuture<?> giveUp(R record, DeadLetterReason reason, String message, int attempts);
}

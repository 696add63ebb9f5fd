package io.facecheck.worker.retry;

import io.facecheck.contracts.DeadLetterReason;
import java.util.concurrent.CompletableFuture;

/**
 * Where a failed record went, known at once, and the publication, which completes once the broker
 * acknowledged it.
 */
public record Routing(Decision decision, DeadLetterReason reason, CompletableFuture<?> published) {

  /** Retried later (a hop, or parked during an outage), or given up. */
  public enum Decision {
    RETRY_SCHEDULED,
    DEAD_LETTERED
  }

  public boolean deadLettered() {
    return decision == Decision.DEAD_LETTERED;
  }
}

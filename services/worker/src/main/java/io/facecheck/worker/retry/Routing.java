package io.facecheck.worker.retry;

import java.util.concurrent.CompletableFuture;

/**
 * Where a failed record went, known at once, and the publication, which completes once the broker
 * acknowledged it.
 */
public record Routing(Decision decision, String reason, CompletableFuture<?> published) {

  /** Retried later (a hop, or parked during an outage), or given up. */
  public enum Decision {
    RETRY_SCHEDULED,
    DEAD_LETTERED
  }

  public boolean deadLettered() {
    return decision == Decision.DEAD_LETTERED;
  }
}

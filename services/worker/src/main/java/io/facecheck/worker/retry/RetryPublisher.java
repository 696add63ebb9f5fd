package io.facecheck.worker.retry;

import java.util.concurrent.CompletableFuture;

/** Where records wait for their next try. */
public interface RetryPublisher {

  /** Publishes {@code record}; the future completes once the broker acknowledged it. */
  CompletableFuture<?> publish(RetryRecord record);
}

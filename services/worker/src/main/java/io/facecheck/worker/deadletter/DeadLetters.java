package io.facecheck.worker.deadletter;

import java.util.concurrent.CompletableFuture;

/** Where the use cases send records they give up on. */
public interface DeadLetters {

  /** Publishes {@code letter}; the future completes once the broker acknowledged it. */
  CompletableFuture<?> publish(DeadLetter letter);
}

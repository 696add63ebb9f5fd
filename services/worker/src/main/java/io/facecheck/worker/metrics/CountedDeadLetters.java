package io.facecheck.worker.metrics;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Counts {@code facecheck.worker.dead.letters} by dead-letter topic and reason once the broker
 * acknowledged the dead letter: a send that failed is retried by its record, not counted twice.
 */
public final class CountedDeadLetters implements DeadLetters {

  private final DeadLetters delegate;
  private final MeterRegistry registry;

  public CountedDeadLetters(
      DeadLetters delegate, MeterRegistry registry, Collection<String> deadLetterTopics) {
    this.delegate = delegate;
    this.registry = registry;
    for (String topic : deadLetterTopics) {
      for (DeadLetterReason reason : DeadLetterReason.values()) {
        counter(topic, reason.code());
      }
    }
  }

  @Override
  public CompletableFuture<?> publish(DeadLetter letter) {
    return delegate
        .publish(letter)
        .thenApply(
            sent -> {
              counter(letter.deadLetterTopic(), letter.reason().code()).increment();
              return sent;
            });
  }

  private Counter counter(String topic, String reason) {
    return Counter.builder("facecheck.worker.dead.letters")
        .description("records published to a dead-letter topic, by topic and reason")
        .tag("topic", topic)
        .tag("reason", reason)
        .register(registry);
  }
}

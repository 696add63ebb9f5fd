package io.facecheck.worker.metrics;

import io.facecheck.worker.retry.RetryPublisher;
import io.facecheck.worker.retry.RetryRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts {@code facecheck.worker.retry.hops} by retry topic and hop once the broker acknowledged
 * the record; hop 0 is a record parked during an outage without spending a hop.
 */
public final class CountedRetryPublisher implements RetryPublisher {

  private final RetryPublisher delegate;
  private final MeterRegistry registry;

  /** {@code topicsByHop}: each retry prefix's topics, hop 1 first. */
  public CountedRetryPublisher(
      RetryPublisher delegate, MeterRegistry registry, List<List<String>> topicsByHop) {
    this.delegate = delegate;
    this.registry = registry;
    for (List<String> topics : topicsByHop) {
      for (int i = 0; i < topics.size(); i++) {
        counter(topics.get(i), i + 1);
      }
    }
  }

  @Override
  public CompletableFuture<?> publish(RetryRecord record) {
    return delegate
        .publish(record)
        .thenApply(
            sent -> {
              counter(record.topic(), record.hop()).increment();
              return sent;
            });
  }

  private Counter counter(String topic, int hop) {
    return Counter.builder("facecheck.worker.retry.hops")
        .description("records sent to a retry topic, by topic and hop (0: parked in an outage)")
        .tag("topic", topic)
        .tag("hop", String.valueOf(hop))
        .register(registry);
  }
}

package io.facecheck.reconciler.deadletter.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;

/**
 * Remembers, per record in retry, how often it failed and when first, for the dead letter's
 * headers. Holds at most one record per partition (the one the partition waits on), and forgets it
 * once it is recovered.
 */
public final class FailureHistory implements RetryListener {

  /** Attempts made so far and the time of the first failure. */
  public record Failures(int attempts, Instant first) {}

  private final Clock clock;
  private final Map<String, Failures> byRecord = new ConcurrentHashMap<>();

  public FailureHistory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
    Instant now = clock.instant();
    byRecord.merge(
        coordinates(record),
        new Failures(attempt, now),
        (earlier, latest) -> new Failures(Math.max(earlier.attempts(), attempt), earlier.first()));
  }

  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
    byRecord.remove(coordinates(record));
  }

  /** What is known about the record's failures; one attempt now if nothing is. */
  public Failures of(ConsumerRecord<?, ?> record) {
    Failures known = byRecord.get(coordinates(record));
    return known == null ? new Failures(1, clock.instant()) : known;
  }

  /** Failed attempts so far of the record at these coordinates, 0 when it is not in retry. */
  public int attempts(String topic, int partition, long offset) {
    Failures known = byRecord.get(coordinates(topic, partition, offset));
    return known == null ? 0 : known.attempts();
  }

  private static String coordinates(ConsumerRecord<?, ?> record) {
    return coordinates(record.topic(), record.partition(), record.offset());
  }

  private static String coordinates(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }
}

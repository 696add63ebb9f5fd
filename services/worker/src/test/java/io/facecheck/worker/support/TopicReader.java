package io.facecheck.worker.support;

import io.facecheck.testinfra.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from the beginning in its own consumer group, collecting what tests look for. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

  public TopicReader(String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Polls until {@code count} records match, or {@code timeout} passes; returns the matches. */
  public synchronized List<ConsumerRecord<byte[], byte[]>> await(
      Predicate<ConsumerRecord<byte[], byte[]>> match, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && matching(match).size() < count) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return matching(match);
  }

  /**
   * Reads the topic up to the end it has now and returns the matches: "nothing was published" is
   * checked against everything the broker holds, not against what arrived within some seconds.
   */
  public synchronized List<ConsumerRecord<byte[], byte[]>> readToEnd(
      Predicate<ConsumerRecord<byte[], byte[]>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      Set<TopicPartition> assigned = consumer.assignment();
      if (!assigned.isEmpty()) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        if (assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
          return matching(match);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the topic was not read to its end within " + timeout);
      }
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> matching(
      Predicate<ConsumerRecord<byte[], byte[]>> match) {
    return seen.stream().filter(match).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}

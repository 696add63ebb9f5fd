package io.facecheck.reconciler;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real consumer reading a topic from the beginning on its own thread, keeping every record, so a
 * test can wait for a record and count what arrived up to the topic's current end.
 */
final class TopicRecorder implements AutoCloseable {

  private final String topic;
  private final String bootstrapServers;
  private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  TopicRecorder(String bootstrapServers, String topic) {
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
    this.thread = new Thread(this::poll, "recorder-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> which) {
    return records.stream().filter(which).toList();
  }

  List<ConsumerRecord<String, String>> keyed(String key) {
    return records(r -> key.equals(r.key()));
  }

  /** Waits until every record on the topic right now has been read. */
  void awaitCaughtUp() {
    Map<TopicPartition, Long> ends = endOffsets();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              synchronized (positions) {
                return ends.entrySet().stream()
                    .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
              }
            });
  }

  private Map<TopicPartition, Long> endOffsets() {
    try (KafkaConsumer<String, String> probe = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : probe.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      return probe.endOffsets(partitions);
    }
  }

  private void poll() {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        synchronized (positions) {
          for (TopicPartition tp : partitions) {
            positions.put(tp, consumer.position(tp));
          }
        }
      }
    }
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "recorder-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}

package io.facecheck.devstack.chaos;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.chaos.verdict.Evidence.ResultRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads verification-results from the beginning for the whole run, as a downstream system would:
 * every record, copies included, is evidence; the set of keys with a final event is the progress.
 * It also notes which records of verification-requests were dead-lettered (the hostile ones' way
 * out).
 */
public final class ResultsCollector implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ResultRecord> records =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> finalKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();
  private final List<String> unreadable = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean running = true;

  public ResultsCollector(String bootstrapServers) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.RESULTS, Topics.REQUESTS_DLT)) {
      consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .forEach(partitions::add);
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = new Thread(() -> poll(partitions), "chaos-results");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll(List<TopicPartition> partitions) {
    while (running) {
      try {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          add(r);
        }
      } catch (RuntimeException e) {
        // the broker is down: keep polling, the consumer reconnects
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void add(ConsumerRecord<String, String> r) {
    if (r.topic().equals(Topics.REQUESTS_DLT)) {
      Header partition = r.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION);
      Header offset = r.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET);
      if (partition != null && offset != null) {
        deadLettered.add(
            new String(partition.value(), StandardCharsets.UTF_8)
                + "@"
                + new String(offset.value(), StandardCharsets.UTF_8));
      }
      return;
    }
    try {
      VerificationResult event =
          PayloadJson.mapper().readValue(r.value(), VerificationResult.class);
      ResultRecord record =
          new ResultRecord(
              event.clientId(),
              event.requestId(),
              String.valueOf(event.eventId()),
              event.type() == null ? null : event.type().value(),
              event.status() == null ? null : event.status().name(),
              event.isFinal(),
              String.valueOf(event.verificationId()),
              event.certifyUrl(),
              r.timestamp());
      records.add(record);
      if (record.isFinal()) {
        finalKeys.add(record.key());
      }
    } catch (RuntimeException e) {
      unreadable.add(r.topic() + "-" + r.partition() + "@" + r.offset());
    }
  }

  /** Whether a dead letter names this place on verification-requests. */
  public boolean deadLettered(int partition, long offset) {
    return deadLettered.contains(partition + "@" + offset);
  }

  public boolean isFinal(String key) {
    return finalKeys.contains(key);
  }

  public int finalCount() {
    return finalKeys.size();
  }

  public List<ResultRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  public List<String> unreadable() {
    synchronized (unreadable) {
      return List.copyOf(unreadable);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}

package io.facecheck.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The one way tests read a Kafka topic: every partition from its first record, with a real consumer
 * of its own (no consumer group, nothing committed), keeping every record it has read. Records come
 * as the broker holds them (key and value bytes, headers); {@link #key}, {@link #text} and {@link
 * #header} decode them as UTF-8.
 *
 * <p>Two questions, both answered by reading, never by sleeping: "is it there yet?" ({@link
 * #awaitMatching}: reads until enough records match, fails after the patience) and "what is there
 * now?" ({@link #readToEnd}: reads up to the end offsets the topic has at the call, so "nothing was
 * published" is checked against everything the broker holds, not against what arrived within some
 * time). {@link #mark} and {@link #after} narrow either to what came after a moment.
 *
 * <p>Partitions are looked up on every read (from metadata at most a second old), so a topic
 * created or grown after the reader (a dead-letter topic a service creates on its first letter) is
 * read from its beginning as well.
 */
public final class WholeTopicReader implements AutoCloseable {

  /** How long a read waits by default: generous, the test machine is shared and loaded. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(200);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> assigned = new ArrayList<>();
  private final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();

  /** Reads {@code topic} on the test JVM's broker ({@link TestKafka}). */
  public WholeTopicReader(String topic) {
    this(TestKafka.bootstrapServers(), topic);
  }

  public WholeTopicReader(String bootstrapServers, String topic) {
    this.topic = topic;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // whole topics of large records (the devstack's) in few polls
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                4 * 1024 * 1024,
                // partitions a topic gains are seen within a second, not after Kafka's 5 minutes
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  /** Every record of {@code topic}, from its first to the end it has now, read once. */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      String bootstrapServers, String topic) {
    try (WholeTopicReader reader = new WholeTopicReader(bootstrapServers, topic)) {
      return reader.readToEnd();
    }
  }

  /** The names of the broker's topics, without Kafka's own ({@code __consumer_offsets}, ...). */
  public static Set<String> topics(String bootstrapServers)
      throws ExecutionException, InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      return admin.listTopics().names().get().stream()
          .filter(name -> !name.startsWith("__"))
          .collect(Collectors.toSet());
    }
  }

  /** Every record from the topic's first to the end it has now, in the order read. */
  public List<ConsumerRecord<byte[], byte[]>> readToEnd() {
    return readToEnd(r -> true, PATIENCE);
  }

  /** The records that {@code match}, of all from the topic's first to the end it has now. */
  public List<ConsumerRecord<byte[], byte[]>> readToEnd(
      Predicate<ConsumerRecord<byte[], byte[]>> match) {
    return readToEnd(match, PATIENCE);
  }

  /**
   * The records that {@code match}, of all from the topic's first to the end it has now; fails if
   * the topic cannot be read that far within {@code patience}.
   */
  public synchronized List<ConsumerRecord<byte[], byte[]>> readToEnd(
      Predicate<ConsumerRecord<byte[], byte[]>> match, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    assignNewPartitions();
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    while (!reached(ends)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            topic + " was not read to its end " + ends + " within " + patience);
      }
      consumer.poll(POLL).forEach(read::add);
    }
    return matching(match);
  }

  /** Reads until {@code count} records match (then to the end), failing after {@link #PATIENCE}. */
  public List<ConsumerRecord<byte[], byte[]>> awaitMatching(
      Predicate<ConsumerRecord<byte[], byte[]>> match, int count) {
    return awaitMatching(match, count, PATIENCE);
  }

  /**
   * Reads until at least {@code count} records match, then on to the end the topic has by then, and
   * returns every match, so one more than expected is seen too. Fails (an {@link AssertionError}
   * naming what was found) if fewer than {@code count} matched within {@code patience}.
   */
  public synchronized List<ConsumerRecord<byte[], byte[]>> awaitMatching(
      Predicate<ConsumerRecord<byte[], byte[]>> match, int count, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (matching(match).size() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "only "
                + matching(match).size()
                + " of "
                + count
                + " expected records on "
                + topic
                + " within "
                + patience);
      }
      assignNewPartitions();
      consumer.poll(POLL).forEach(read::add);
    }
    return readToEnd(match, patience);
  }

  /** The end offset of every partition now: what {@link #after} counts from. */
  public synchronized Map<TopicPartition, Long> mark() {
    assignNewPartitions();
    return consumer.endOffsets(assigned);
  }

  /** Records written after {@code mark} (a partition the mark does not know: all its records). */
  public static Predicate<ConsumerRecord<byte[], byte[]>> after(Map<TopicPartition, Long> mark) {
    Map<TopicPartition, Long> from = new HashMap<>(mark);
    return r -> r.offset() >= from.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L);
  }

  /** Records whose key is {@code key} (UTF-8). */
  public static Predicate<ConsumerRecord<byte[], byte[]>> keyed(String key) {
    return r -> key.equals(key(r));
  }

  /** The record's key as UTF-8 text, null when it has none. */
  public static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  /** The record's value as UTF-8 text, null for a tombstone. */
  public static String text(ConsumerRecord<byte[], byte[]> record) {
    return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
  }

  /** The last header {@code name} as UTF-8 text, null when the record has none. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }

  private List<ConsumerRecord<byte[], byte[]>> matching(
      Predicate<ConsumerRecord<byte[], byte[]>> match) {
    return read.stream().filter(match).toList();
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** Assigns partitions the topic has gained since the last read, from their first record. */
  private void assignNewPartitions() {
    List<TopicPartition> gained = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, PATIENCE)) {
      TopicPartition partition = new TopicPartition(topic, info.partition());
      if (!assigned.contains(partition)) {
        gained.add(partition);
      }
    }
    if (!gained.isEmpty()) {
      assigned.addAll(gained);
      consumer.assign(assigned);
      consumer.seekToBeginning(gained);
    }
  }
}

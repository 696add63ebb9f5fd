package io.facecheck.ops.deadletter.kafka;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.KafkaClients;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads dead-letter topics from the beginning up to the end offsets seen when it started, with
 * {@code assign} and no consumer group: nothing is committed, no worker's position moves, and a
 * record arriving meanwhile waits for the next run.
 */
public final class DeadLetterTopicReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ConnectionSettings settings;

  public DeadLetterTopicReader(ConnectionSettings settings) {
    this.settings = settings;
    this.consumer = KafkaClients.reader(settings);
  }

  /** Every record of {@code topics}, ordered by topic, partition and offset. */
  public List<DeadLetterRecord> readAll(List<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      partitions.addAll(partitionsOf(topic));
    }
    return read(partitions, Map.of());
  }

  /** The record at {@code offset}, if the partition still holds it. */
  public Optional<DeadLetterRecord> readOne(String topic, int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    if (!partitionsOf(topic).contains(tp)) {
      return Optional.empty();
    }
    return read(List.of(tp), Map.of(tp, offset)).stream()
        .filter(r -> r.offset() == offset)
        .findFirst();
  }

  /** The partitions of {@code topic}; none when it does not exist (nothing dead-lettered yet). */
  public List<TopicPartition> partitionsOf(String topic) {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.timeout());
      return infos == null
          ? List.of()
          : infos.stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .sorted(Comparator.comparingInt(TopicPartition::partition))
              .toList();
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  private List<DeadLetterRecord> read(
      List<TopicPartition> partitions, Map<TopicPartition, Long> from) {
    if (partitions.isEmpty()) {
      return List.of();
    }
    try {
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      for (TopicPartition tp : partitions) {
        Long start = from.get(tp);
        if (start == null) {
          consumer.seekToBeginning(List.of(tp));
        } else if (start >= end.get(tp)) {
          end.put(tp, 0L); // past the end: nothing to read there
        } else {
          consumer.seek(tp, start);
        }
      }
      List<DeadLetterRecord> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(settings.timeout().multipliedBy(4));
      while (!atEnd(partitions, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new ConnectionFailure(
              "Kafka at " + settings.bootstrapServers() + " stopped delivering records", null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(tp)) {
            records.add(toRecord(record));
          }
        }
      }
      records.sort(
          Comparator.comparing(DeadLetterRecord::topic)
              .thenComparingInt(DeadLetterRecord::partition)
              .thenComparingLong(DeadLetterRecord::offset));
      return records;
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  /** Positions, not record counts: compaction and transaction markers leave offset gaps. */
  private boolean atEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
    for (TopicPartition tp : partitions) {
      if (end.get(tp) > 0 && consumer.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private static DeadLetterRecord toRecord(ConsumerRecord<byte[], byte[]> record) {
    List<DeadLetterRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new DeadLetterRecord.Header(header.key(), header.value()));
    }
    return new DeadLetterRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        record.value(),
        headers);
  }

  private ConnectionFailure unreachable(KafkaException e) {
    return new ConnectionFailure(
        "cannot read from Kafka at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
